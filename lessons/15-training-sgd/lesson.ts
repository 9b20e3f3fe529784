import { rng, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { drawWeight } from '../lib/deepnet';
import { named } from '../lib/helpers';

const lesson: LessonModule = {
  graphs: {
    'sample-loss': {
      title: 'One sample’s loss for a 2-3-1 tanh network',
      caption: 'x = (0.5, −1), y = 1, binary cross-entropy on the logit, seed 15',
      build() {
        const r = rng(15);
        const W1 = drawWeight(3, 2, 'glorot', r, 'W⁽¹⁾');
        const b1 = tensor([0, 0, 0], { label: 'b⁽¹⁾', kind: 'parameter' });
        const W2 = drawWeight(1, 3, 'glorot', r, 'W⁽²⁾');
        const b2 = tensor([0], { label: 'b⁽²⁾', kind: 'parameter' });
        const x = tensor([[0.5, -1]], { label: 'x' });
        const a = named(x.matmul(W1.transpose()).add(b1).tanh(), 'a⁽¹⁾');
        const z = named(a.matmul(W2.transpose()).add(b2), 'z');
        // y = 1: ℓ = −log σ(z) = log(1 + e^{−z}), written as softplus(−z).
        return named(z.neg().exp().add(1).log(), 'ℓ');
      },
    },
  },
  checkpoints: {
    'sgd-step': {
      kind: 'numeric',
      prompt: 'w = 2, ∂ℓ/∂w = 0.5, α = 0.1, λ = 0.01. What is w after one SGD step with weight decay?',
      answer: 2 - 0.1 * (0.5 + 0.01 * 2),
      tolerance: 0.0005,
      explanation: 'w − α(∂ℓ/∂w + λw) = 2 − 0.1 · (0.5 + 0.02) = 1.948.',
    },
    'lambda-effect': {
      kind: 'choice',
      prompt: 'What does a much larger λ do to the trained network?',
      choices: [
        'smaller weights and a smoother, simpler boundary; too large and it underfits',
        'larger weights and a more wiggly boundary',
        'nothing: λ only changes the speed of training',
      ],
      correct: 0,
      explanation:
        'Weight decay pulls the weights toward 0; a small-weight tanh net is nearly linear, so the boundary simplifies.',
    },
  },
  trainings: {
    rings: {
      title: 'Two rings, a 2-8-8-1 tanh network',
      hidden: [8, 8],
      activation: 'tanh',
      init: 'glorot',
      lr: 0.1,
      lambda: 0.001,
      seed: 15,
      dataset: 'circles',
      points: 160,
    },
  },
};

export default lesson;
