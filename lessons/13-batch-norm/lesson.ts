import { batchNorm, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

const X = [[1], [2], [3], [4]];
const EPS = 1e-5;
/** L = y₁: the loss reads only the first output. */
const G = [[1], [0], [0], [0]];

// The answers, from the formulas in lesson.md.
const xs = X.map((r) => r[0]);
const mu = xs.reduce((s, v) => s + v, 0) / xs.length;
const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mu) ** 2, 0) / xs.length + EPS);
const xhat = xs.map((v) => (v - mu) / sd);
const g = G.map((r) => r[0]);
const n = xs.length;
const sumG = g.reduce((s, v) => s + v, 0);
const sumGX = g.reduce((s, v, i) => s + v * xhat[i], 0);
const dx = xhat.map((xh, j) => (n * g[j] - sumG - xh * sumGX) / (n * sd));

const lesson: LessonModule = {
  graphs: {
    composed: {
      title: 'Batch norm from its parts: (x − μ) / √(σ² + ε)',
      caption: 'x = (1, 2, 3, 4), γ = 1, β = 0, L = y₁',
      build() {
        const x = tensor(X, { label: 'x', kind: 'parameter' });
        const mean = named(x.mean(0, true), 'μ');
        const d = named(x.sub(mean), 'x − μ');
        const variance = named(d.pow(2).mean(0, true), 'σ²');
        const y = named(d.div(variance.add(EPS).pow(0.5)), 'x̂');
        return named(y.mul(tensor(G, { label: 'g', kind: 'constant' })).sum(), 'L');
      },
    },
    op: {
      title: 'The same, as one batchNorm node',
      caption: 'training mode, batch statistics',
      build() {
        const x = tensor(X, { label: 'x', kind: 'parameter' });
        const gamma = tensor([1], { label: 'γ', kind: 'parameter' });
        const beta = tensor([0], { label: 'β', kind: 'parameter' });
        const y = named(batchNorm(x, gamma, beta, { training: true, eps: EPS }), 'y');
        return named(y.mul(tensor(G, { label: 'g', kind: 'constant' })).sum(), 'L');
      },
    },
  },
  checkpoints: {
    'xhat-4': {
      kind: 'numeric',
      prompt: 'What is x̂₄, the normalized value of x₄ = 4? (3 decimals)',
      answer: xhat[3],
      tolerance: 0.001,
      explanation: '(4 − 2.5) / √1.25 = 1.5 / 1.118 ≈ 1.342.',
      graph: 'composed',
    },
    dx1: {
      kind: 'numeric',
      prompt: 'With L = y₁, what is ∂L/∂x₁? (3 decimals)',
      answer: dx[0],
      tolerance: 0.001,
      mistakes: [
        {
          answer: 1 / Math.sqrt(1.25 + EPS),
          hint: 'that is 1/σ: it treats μ and σ as constants, but both depend on x₁ too.',
        },
      ],
      explanation:
        'g = (1, 0, 0, 0): (1/(4·1.118)) · (4·1 − 1 − x̂₁ · x̂₁) = (3 − 1.8) / 4.472 ≈ 0.268, not 1/σ ≈ 0.894: μ and σ depend on x₁ too.',
      graph: 'op',
    },
    'sum-zero': {
      kind: 'choice',
      prompt: 'What is Σⱼ ∂L/∂xⱼ over the batch, for any loss after batch norm?',
      choices: ['0', '1', 'N', 'it depends on the loss'],
      correct: 0,
      explanation:
        'Adding the same c to every xⱼ leaves x̂ unchanged, so the directional derivative along (1, …, 1), which is Σⱼ ∂L/∂xⱼ, is 0.',
    },
  },
};

export default lesson;
