import {
  conv2d,
  crossEntropy,
  init,
  linear,
  maxPool2d,
  parameter,
  rng,
  tensor,
  value,
} from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

/**
 * A 6×6 grey-scale "1" (intensities vary like a scanned stroke, so no pooling window with a positive
 * maximum has a tie; windows the ReLU zeroes entirely do tie at 0).
 */
const DIGIT = [
  [0, 0.1, 0.8, 0.9, 0, 0],
  [0, 0.7, 1, 0.85, 0, 0],
  [0, 0.05, 0.95, 0.8, 0.1, 0],
  [0, 0, 0.9, 0.75, 0, 0],
  [0, 0.1, 0.85, 0.9, 0.05, 0],
  [0.05, 0.6, 1, 0.95, 0.55, 0],
];

const lesson: LessonModule = {
  graphs: {
    lenet: {
      title: 'A tiny LeNet: conv 3×3 → ReLU → max pool → linear → cross-entropy',
      caption: '6×6 digit, 2 filters, 3 classes (digits 0, 1, 2), target the digit 1, seed 16',
      build() {
        const r = rng(16);
        const x = tensor([[DIGIT]], { label: 'image' });
        const w = init.uniformFanIn([2, 1, 3, 3], r, undefined, 'filters');
        const b = init.uniformFanIn([2], r, 9, 'conv bias');
        const W = init.uniformFanIn([3, 8], r, undefined, 'W (fc)');
        const bf = init.uniformFanIn([3], r, 8, 'b (fc)');
        for (const p of [w, b, W, bf]) p.kind = 'parameter';
        const c = named(conv2d(x, w, b), 'conv');
        const a = named(c.relu(), 'relu');
        const p = named(maxPool2d(a, { kernel: 2 }), 'max pool');
        const flat = named(p.reshape([1, 8]), 'flatten');
        const logits = named(linear(flat, W, bf), 'logits');
        return named(crossEntropy(logits, tensor([1], { label: 'class', kind: 'constant' })), 'loss');
      },
    },
    residual: {
      title: 'A residual block y = x + w₂ relu(w₁x)',
      caption: 'x = 1, w₁ = 0.5, w₂ = −0.3',
      build() {
        const x = value(1, 'x');
        const F = named(parameter(-0.3, 'w₂').mul(parameter(0.5, 'w₁').mul(x).relu()), 'F(x)');
        return named(x.add(F), 'y');
      },
    },
  },
  checkpoints: {
    'flatten-size': {
      kind: 'numeric',
      prompt: 'How many numbers enter the fully connected layer?',
      answer: 8,
      tolerance: 0.5,
      explanation: '6×6 → conv 3×3 → 4×4 per filter → max pool 2×2 → 2×2 per filter; 2 filters × 4 = 8.',
      graph: 'lenet',
    },
    'residual-grad': {
      kind: 'numeric',
      prompt: 'In the residual block, what is ∂y/∂x?',
      answer: 1 + -0.3 * 0.5,
      tolerance: 0.001,
      explanation: '1 (the skip) + w₂ · relu′(w₁x) · w₁ = 1 + (−0.3)(1)(0.5) = 0.85.',
      graph: 'residual',
    },
    skip: {
      kind: 'choice',
      prompt: 'If ∂F/∂x vanishes (≈ 0) in a residual block, the gradient reaching x is…',
      choices: ['≈ 0 as well', 'about the upstream gradient, carried by the skip', 'doubled'],
      correct: 1,
      explanation: '∂y/∂x = 1 + ∂F/∂x ≈ 1: the identity path passes the upstream gradient through unchanged.',
    },
  },
};

export default lesson;
