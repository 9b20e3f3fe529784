import { tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named, oneHot } from '../lib/helpers';

const W = [
  [1, 0],
  [0, 1],
  [1, 1],
];
const X = [[1], [2]];
const Y = 2; // class 3, counting from 0

/** f(x) = W x ∈ R³ as a vector. */
function scores() {
  const w = tensor(W, { label: 'W', kind: 'parameter' });
  const x = tensor(X, { label: 'x' });
  return named(w.matmul(x).reshape([3]), 'f(x)');
}

const lesson: LessonModule = {
  graphs: {
    score: {
      title: 'F(w, x, y) = [f(x)]_y = e_yᵀ W x',
      caption: 'W = [[1, 0], [0, 1], [1, 1]], x = (1, 2), y = 3',
      build() {
        const ey = tensor(oneHot(3, Y), { label: 'e_y', kind: 'constant' });
        return named(scores().mul(ey).sum(), 'F');
      },
    },
    softmax: {
      title: 'p(ŷ = 3 | x) = softmax(f(x))₃',
      caption: 'the softmax of the scores (1, 2, 3), read at class 3',
      build() {
        const ey = tensor(oneHot(3, Y), { label: 'e_y', kind: 'constant' });
        const p = named(scores().softmax(), 'p(ŷ|x)');
        return named(p.mul(ey).sum(), 'p(3|x)');
      },
    },
  },
  checkpoints: {
    'which-rows': {
      kind: 'choice',
      prompt: 'Which rows of W get a non-zero gradient from F = [f(x)]_y with y = 3?',
      choices: ['all three rows', 'only row 3', 'rows 1 and 2', 'none: F does not depend on W'],
      correct: 1,
      explanation:
        '∂F/∂W = e_y xᵀ: row y is xᵀ = (1, 2), every other row is zero. Step the backward pass to see it.',
      graph: 'score',
    },
    p3: {
      kind: 'numeric',
      prompt: 'What is p(ŷ = 3 | x) for the scores (1, 2, 3)? (3 decimals)',
      answer: Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)),
      tolerance: 0.001,
      explanation: 'e³ / (e¹ + e² + e³) = 20.09 / 30.19 ≈ 0.665.',
      graph: 'softmax',
    },
  },
};

export default lesson;
