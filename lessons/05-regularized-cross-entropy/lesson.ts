import { tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

const W = [
  [0.2, -0.5],
  [0.1, 0.3],
  [-0.3, 0.4],
];
const X = [
  [1, 2],
  [0.5, -1],
];
/** One-hot targets: y⁽¹⁾ = 3, y⁽²⁾ = 1. */
const Y = [
  [0, 0, 1],
  [1, 0, 0],
];
const LAMBDA = 0.1;

const lesson: LessonModule = {
  graphs: {
    objective: {
      title: 'λ/2 ‖W‖² + Σᵢ (log Σ_ŷ exp F(W, xᵢ, ŷ) − F(W, xᵢ, yᵢ))',
      caption: 'two samples, three classes, λ = 0.1',
      build() {
        const w = tensor(W, { label: 'W', kind: 'parameter' });
        const x = tensor(X, { label: 'X' });
        const y = tensor(Y, { label: 'δ(ŷ = yᵢ)', kind: 'constant' });
        const F = named(x.matmul(w.transpose()), 'F');
        // −Σᵢ Σ_ŷ δ(ŷ = yᵢ) log p(ŷ|xᵢ): the log-sum-exp form of the lecture, computed with the shift.
        const ce = named(F.logSoftmax(1).mul(y).sum().neg(), 'cross-entropy');
        const decay = named(
          w
            .pow(2)
            .sum()
            .mul(LAMBDA / 2),
          'λ/2 ‖W‖²',
        );
        return named(ce.add(decay), 'L');
      },
    },
  },
  checkpoints: {
    'grad-entry': {
      kind: 'numeric',
      prompt: 'What is ∂L/∂W₃₁ (row 3, column 1)? (3 decimals)',
      // λW₃₁ + Σᵢ (p(3|xᵢ) − δ(3 = yᵢ)) xᵢ₁, worked out in the lesson test from the formula.
      answer: -0.538251,
      tolerance: 0.001,
      explanation:
        'λW₃₁ = −0.03. Sample 1: F = (−0.8, 0.7, 0.5), p(3|x⁽¹⁾) ≈ 0.401, minus δ = 1, times x⁽¹⁾₁ = 1 gives −0.599. Sample 2: F = (0.6, −0.25, −0.55), p(3|x⁽²⁾) ≈ 0.182, minus 0, times x⁽²⁾₁ = 0.5 gives 0.091. Sum: −0.03 − 0.599 + 0.091 ≈ −0.538.',
      graph: 'objective',
    },
    lambda: {
      kind: 'choice',
      prompt: 'What is λ?',
      choices: [
        'the step size of gradient descent',
        'the weight decay (regularization constant)',
        'the number of classes',
      ],
      correct: 1,
      explanation:
        'λ weights the penalty λ/2‖w‖²; its gradient λw shrinks the weights at every step, hence "weight decay".',
    },
  },
};

export default lesson;
