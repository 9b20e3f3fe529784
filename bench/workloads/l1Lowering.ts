/**
 * L1 — lowering (issue 7): the lessons' tensor graphs lowered to scalar graphs, which the compare view does
 * when a student presses "compare". Target: instant (< 100 ms) for the MLP and the convolution lessons'
 * graphs; also a larger MLP (8 samples, 4-16-3, cross-entropy) so the figure is not all start-up.
 */
import { conv2d, crossEntropy, lower, rng, tensor, type Tensor } from '../../engine/index';
import { lessonModules } from '../../lessons/index';

function randn(r: () => number, shape: number[], kind: 'data' | 'parameter' = 'data'): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(
    Float64Array.from({ length: n }, () => 2 * r() - 1),
    { shape, kind },
  );
}

export function loweringRoots(): { name: string; root: Tensor }[] {
  const lessonRoot = (lesson: string, graph: string) =>
    lessonModules[lesson].graphs[graph].build() as unknown as Tensor;
  const r = rng(3);
  const X = randn(r, [8, 4]);
  const h = X.matmul(randn(r, [16, 4], 'parameter').transpose())
    .add(randn(r, [16], 'parameter'))
    .sigmoid();
  const mlp = crossEntropy(
    h.matmul(randn(r, [3, 16], 'parameter').transpose()).add(randn(r, [3], 'parameter')),
    [0, 1, 2, 0, 1, 2, 0, 1],
  );
  const conv = conv2d(
    randn(r, [1, 3, 5, 5]),
    randn(r, [4, 3, 3, 3], 'parameter'),
    randn(r, [4], 'parameter'),
  ).sum();
  return [
    { name: 'lesson 7 MLP', root: lessonRoot('07-mlp', 'mlp-tensor') },
    { name: 'lesson 9 conv', root: lessonRoot('09-convolution', 'conv') },
    { name: 'MLP 8×4-16-3 + CE', root: mlp },
    { name: 'conv 3→4 ch, 5×5', root: conv },
  ];
}

export { lower };
