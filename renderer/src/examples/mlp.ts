/**
 * A 2-layer MLP in tensor mode, the lecture's notation: a^{[1]} = relu(X W^{[1]} + b^{[1]}),
 * z^{[2]} = a^{[1]} W^{[2]} + b^{[2]}, L = mean cross-entropy of softmax(z^{[2]}) against the classes y.
 * Four examples of 3 features, 4 hidden units, 3 classes; the weights are fixed numbers so every run
 * shows the same values.
 */
import { tensor, type Tensor } from '../../../engine';
import { crossEntropy } from '../../../engine/nn/losses';

/** Deterministic, varied, small weights: 0.6·sin(1.7·k + phase). */
function fill(rows: number, cols: number, phase: number): number[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => Number((0.6 * Math.sin(1.7 * (i * cols + j) + phase)).toFixed(3))),
  );
}

export function tensorMlp(): Tensor {
  const X = tensor(
    [
      [1.0, 0.5, -0.5],
      [-1.0, 0.2, 0.8],
      [0.3, -0.7, 0.1],
      [0.9, 0.9, -0.2],
    ],
    { label: 'X' },
  );
  const W1 = tensor(fill(3, 4, 0.3), { label: 'W[1]', kind: 'parameter' });
  const b1 = tensor([0.1, -0.1, 0.05, 0], { label: 'b[1]', kind: 'parameter' });
  const W2 = tensor(fill(4, 3, 1.1), { label: 'W[2]', kind: 'parameter' });
  const b2 = tensor([0, 0.1, -0.1], { label: 'b[2]', kind: 'parameter' });
  const z1 = X.matmul(W1).add(b1);
  z1.label = 'z[1]';
  const a1 = z1.relu();
  a1.label = 'a[1]';
  const z2 = a1.matmul(W2).add(b2);
  z2.label = 'z[2]';
  const L = crossEntropy(z2, [0, 2, 1, 0]);
  L.label = 'L';
  return L;
}
