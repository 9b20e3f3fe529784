import { conv2d, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

/** The lecture's 5×5 image. */
export const IMAGE = [
  [120, 190, 140, 150, 200],
  [17, 21, 30, 8, 27],
  [89, 123, 150, 73, 56],
  [10, 178, 140, 150, 18],
  [190, 14, 76, 69, 87],
];

const lesson: LessonModule = {
  graphs: {
    conv: {
      title: 'A 3×3 averaging filter over the 5×5 image, L = Σ y',
      caption: 'stride 1, no padding: output 3×3',
      build() {
        const x = tensor([[IMAGE]], { label: 'image' });
        const w = tensor(
          Array.from({ length: 9 }, () => 1 / 9),
          { shape: [1, 1, 3, 3], label: 'filter w', kind: 'parameter' },
        );
        const y = named(conv2d(x, w), 'y');
        return named(y.sum(), 'L');
      },
    },
  },
  checkpoints: {
    'out-11': {
      kind: 'numeric',
      prompt: 'What is the exact (unrounded) top-left output y₁₁? (2 decimals)',
      answer: 880 / 9,
      tolerance: 0.01,
      mistakes: [
        { answer: 98, hint: '98 is the lecture’s rounded value; give the exact average with two decimals.' },
      ],
      explanation:
        '(120 + 190 + 140 + 17 + 21 + 30 + 89 + 123 + 150) / 9 = 880 / 9 ≈ 97.78, which rounds to the lecture’s 98.',
      graph: 'conv',
    },
    'dw-11': {
      kind: 'numeric',
      prompt: 'For L = Σ y, what is ∂L/∂w₁₁ (the filter’s top-left weight)?',
      answer: 880,
      tolerance: 0.5,
      explanation:
        'w₁₁ touches x₁₁…x₃₃ (the top-left 3×3 block) across the nine windows: ∂L/∂w₁₁ = Σ of that block = 880.',
      graph: 'conv',
    },
    trainable: {
      kind: 'choice',
      prompt: 'Which of these does training change in a convolution layer?',
      choices: ['the stride', 'the filter weights and bias', 'the padding', 'the filter width'],
      correct: 1,
      explanation:
        'Filters and bias are trainable parameters; width, height, depth, number, stride and padding are hyper-parameters.',
    },
  },
};

export default lesson;
