import { parameter, value } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

/** F(w, x, y) = f₁(w₁, y, f₂(w₂, f₃(w₃, x))) with f₃ = w₃x, f₂ = tanh(w₂z₂), f₁ = (w₁z₁ − y)². */
const X = 3;
const W3 = 0.5;
const W2 = 0.4;
const W1 = 2;
const Y = 1;

// The answers, from the formulas in lesson.md (plain arithmetic, no engine).
const z2 = W3 * X;
const z1 = Math.tanh(W2 * z2);
const dF_dz1 = 2 * (W1 * z1 - Y) * W1;
const dz1_dpre = 1 - z1 * z1;

const lesson: LessonModule = {
  graphs: {
    chain: {
      title: 'F(w, x, y) = f₁(w₁, y, f₂(w₂, f₃(w₃, x)))',
      caption: 'x = 3, w₃ = 0.5, w₂ = 0.4, w₁ = 2, y = 1',
      build() {
        const x = value(X, 'x');
        const w3 = parameter(W3, 'w₃');
        const w2 = parameter(W2, 'w₂');
        const w1 = parameter(W1, 'w₁');
        const y = value(Y, 'y');
        const zz2 = named(w3.mul(x), 'z₂');
        const zz1 = named(named(w2.mul(zz2), 'w₂z₂').tanh(), 'z₁');
        return named(named(named(w1.mul(zz1), 'w₁z₁').sub(y), 'e').pow(2), 'F');
      },
    },
  },
  checkpoints: {
    'dF-dw3': {
      kind: 'numeric',
      prompt: 'What is ∂F/∂w₃? (3 decimals)',
      answer: dF_dz1 * dz1_dpre * W2 * X,
      tolerance: 0.001,
      mistakes: [
        {
          answer: dF_dz1 * dz1_dpre * X,
          hint: 'you left out ∂(w₂z₂)/∂z₂ = w₂: every factor along the path counts.',
        },
      ],
      explanation:
        '∂f₁/∂z₁ · ∂z₁/∂z₂ · ∂z₂/∂w₃ = 2(w₁z₁ − y)w₁ · (1 − z₁²)w₂ · x ≈ 0.2964 · 0.2846 · 3 ≈ 0.2531.',
      graph: 'chain',
    },
    'dF-dw2': {
      kind: 'numeric',
      prompt: 'What is ∂F/∂w₂? (3 decimals)',
      answer: dF_dz1 * dz1_dpre * z2,
      tolerance: 0.001,
      explanation: '∂f₁/∂z₁ · ∂z₁/∂w₂ = 2(w₁z₁ − y)w₁ · (1 − z₁²)z₂ ≈ 0.2964 · 0.7116 · 1.5 ≈ 0.3164.',
      graph: 'chain',
    },
    'shared-factor': {
      kind: 'choice',
      prompt: 'Which factor do ∂F/∂w₃ and ∂F/∂w₂ share, so that backprop computes it only once?',
      choices: ['∂f₁/∂z₁', '∂z₂/∂w₃', '∂z₁/∂w₂', 'none: they have no factor in common'],
      correct: 0,
      explanation:
        'Both paths start at F and pass through z₁, so both begin with ∂f₁/∂z₁. Backprop computes it once and sends it down to everything below z₁.',
    },
  },
};

export default lesson;
