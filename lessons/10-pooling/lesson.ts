import { avgPool2d, maxPool2d, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

/** Rows 2–5, columns 1–4 of the lecture's image: no ties inside any 2×2 window. */
export const BLOCK = [
  [17, 21, 30, 8],
  [89, 123, 150, 73],
  [10, 178, 140, 150],
  [190, 14, 76, 69],
];

function pooled(kind: 'max' | 'avg') {
  const x = tensor([[BLOCK]], { label: 'x', kind: 'parameter' });
  const y = kind === 'max' ? maxPool2d(x, { kernel: 2 }) : avgPool2d(x, { kernel: 2 });
  return named(named(y, kind === 'max' ? 'max pool 2×2' : 'avg pool 2×2').sum(), 'L');
}

const lesson: LessonModule = {
  graphs: {
    max: {
      title: 'Max pooling 2×2, stride 2',
      caption: 'gradient goes to the arg-max only',
      build: () => pooled('max'),
    },
    avg: {
      title: 'Average pooling 2×2, stride 2',
      caption: 'gradient spread evenly',
      build: () => pooled('avg'),
    },
  },
  checkpoints: {
    'max-grad': {
      kind: 'numeric',
      prompt: 'With max pooling and L = Σ pooled, what is ∂L/∂x₂₂ (the 123 in row 2, column 2)?',
      answer: 1,
      tolerance: 0.001,
      explanation:
        '123 is the maximum of its window (17, 21, 89, 123), so the whole upstream gradient 1 goes to it.',
      graph: 'max',
    },
    'avg-grad': {
      kind: 'numeric',
      prompt: 'With average pooling and L = Σ pooled, what is ∂L/∂x₁₁ (the 17)?',
      answer: 0.25,
      tolerance: 0.001,
      explanation: 'Each output is ¼ of its four inputs, so every input gets ¼ of the upstream gradient 1.',
      graph: 'avg',
    },
    'pool-params': {
      kind: 'choice',
      prompt: 'How many trainable parameters does a 2×2 max-pooling layer have?',
      choices: ['none', '4', 'one per channel', '4 per channel'],
      correct: 0,
      explanation: 'Pooling only selects or averages; kernel size and stride are hyper-parameters.',
    },
  },
};

export default lesson;
