import { linear, parameter, tensor, value } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named, sub } from '../lib/helpers';

const X = [1, -1];
const W1 = [
  [0.5, -0.5],
  [1, 1],
];
const B1 = [0, 0.5];
const W2 = [1, -1];
const B2 = 0.2;

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// h₁ = W⁽¹⁾₁·x + b⁽¹⁾₁ = 1, h₂ = 0.5: the answers below, from the formula.
const h = W1.map((row, j) => row[0] * X[0] + row[1] * X[1] + B1[j]);
const f = W2[0] * sigma(h[0]) + W2[1] * sigma(h[1]) + B2;

const lesson: LessonModule = {
  graphs: {
    'mlp-scalar': {
      title: 'MLP W⁽²⁾σ(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾, scalar mode',
      caption: 'one node per weight and per product',
      build() {
        const x = X.map((v, k) => value(v, `x${sub(k + 1)}`));
        const hidden = W1.map((row, j) => {
          const pre = row
            .map((w, k) => parameter(w, `W⁽¹⁾${sub(j + 1, k + 1)}`).mul(x[k]))
            .reduce((s, t) => s.add(t))
            .add(parameter(B1[j], `b⁽¹⁾${sub(j + 1)}`));
          return named(named(pre, `h${sub(j + 1)}`).sigmoid(), `σ(h${sub(j + 1)})`);
        });
        const out = hidden
          .map((a, j) => parameter(W2[j], `W⁽²⁾${sub(j + 1)}`).mul(a))
          .reduce((s, t) => s.add(t))
          .add(parameter(B2, 'b⁽²⁾'));
        return named(out, 'f(x)');
      },
    },
    'mlp-tensor': {
      title: 'The same MLP, tensor mode',
      caption: 'one node per layer: x W⁽¹⁾ᵀ + b⁽¹⁾, σ, then a⁽¹⁾ W⁽²⁾ᵀ + b⁽²⁾',
      build() {
        const x = tensor([X], { label: 'x' });
        const w1 = tensor(W1, { label: 'W⁽¹⁾', kind: 'parameter' });
        const b1 = tensor(B1, { label: 'b⁽¹⁾', kind: 'parameter' });
        const w2 = tensor([W2], { label: 'W⁽²⁾', kind: 'parameter' });
        const b2 = tensor([B2], { label: 'b⁽²⁾', kind: 'parameter' });
        const a = named(named(linear(x, w1, b1), 'h').sigmoid(), 'a⁽¹⁾');
        return named(linear(a, w2, b2).sum(), 'f(x)');
      },
    },
  },
  checkpoints: {
    'mlp-output': {
      kind: 'numeric',
      prompt: 'What is f(x)? (3 decimals)',
      answer: f,
      tolerance: 0.001,
      explanation: 'h = (1, 0.5), σ(h) = (0.7311, 0.6225), f = 0.7311 − 0.6225 + 0.2 ≈ 0.3086.',
      graph: 'mlp-scalar',
    },
    dW1: {
      kind: 'numeric',
      prompt: 'What is ∂f/∂W⁽¹⁾₁₁? (3 decimals)',
      answer: W2[0] * sigma(h[0]) * (1 - sigma(h[0])) * X[0],
      tolerance: 0.001,
      explanation: 'W⁽²⁾₁ · σ(1)(1 − σ(1)) · x₁ = 1 · 0.7311 · 0.2689 · 1 ≈ 0.1966.',
      graph: 'mlp-tensor',
    },
    'param-count': {
      kind: 'numeric',
      prompt: 'How many trainable numbers does this MLP have?',
      answer: 9,
      tolerance: 0.5,
      explanation: 'W⁽¹⁾ has 2·2 = 4, b⁽¹⁾ 2, W⁽²⁾ 1·2 = 2, b⁽²⁾ 1: 9 in all.',
    },
  },
};

export default lesson;
