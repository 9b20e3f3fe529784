/**
 * One small tensor graph per registry op, each ending in a one-element loss. The upstream gradient into the
 * op is made non-uniform (Σ R ⊙ out with random R), so a lowering that mixes up elements cannot pass by
 * symmetry. Data come from a seeded generator, so failures reproduce.
 */
import { Tensor, tensor } from '../../../engine/tensor/tensor';
import { avgPool2d, batchNorm, conv2d, dropout, linear, maxPool2d } from '../../../engine/nn/layers';
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  klDivLoss,
  l1Loss,
  mseLoss,
  nllLoss,
} from '../../../engine/nn/losses';
import { rng, type Rng } from '../../../engine/nn/rng';

export function randn(r: Rng, shape: number[], label: string, kind: 'data' | 'parameter' = 'data'): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = r.uniform(-1.5, 1.5);
  return tensor(d, { shape, label, kind });
}

/** Σ R ⊙ out: a one-element loss whose gradient at `out` is R (random), not all ones. */
export function weightedSum(r: Rng, out: Tensor): Tensor {
  if (out.size === 1 && out.shape.length === 0) return out.mul(randn(r, [], 'r'));
  return out.mul(randn(r, [...out.shape], 'R', 'data')).sum();
}

export type Case = (r: Rng) => Tensor;

/** Every op in the registry that has a tensor rule, with one or more graphs that use it. */
export const OP_CASES: Record<string, Case[]> = {
  add: [
    (r) => weightedSum(r, randn(r, [2, 3], 'x').add(randn(r, [2, 3], 'y'))),
    // Broadcasting: [2,3] + [3] and a number; the gradient of b sums over rows.
    (r) =>
      weightedSum(
        r,
        randn(r, [2, 3], 'x')
          .add(randn(r, [3], 'b'))
          .add(0.5),
      ),
  ],
  mul: [
    (r) => weightedSum(r, randn(r, [3, 2], 'x').mul(randn(r, [3, 1], 'y'))),
    // A reused node: x · x.
    (r) => {
      const x = randn(r, [4], 'x');
      return weightedSum(r, x.mul(x));
    },
  ],
  pow: [
    (r) => weightedSum(r, randn(r, [2, 2], 'x').pow(3)),
    (r) => weightedSum(r, randn(r, [3], 'x').pow(-2)),
  ],
  neg: [(r) => weightedSum(r, randn(r, [2, 3], 'x').neg())],
  exp: [(r) => weightedSum(r, randn(r, [2, 3], 'x').exp())],
  log: [(r) => weightedSum(r, randn(r, [2, 3], 'x').exp().add(0.1).log())],
  tanh: [(r) => weightedSum(r, randn(r, [2, 3], 'x').tanh())],
  sigmoid: [(r) => weightedSum(r, randn(r, [2, 3], 'x').sigmoid())],
  relu: [(r) => weightedSum(r, randn(r, [3, 3], 'x').relu())],
  matmul: [(r) => weightedSum(r, randn(r, [2, 3], 'A').matmul(randn(r, [3, 4], 'B')))],
  sum: [
    (r) => weightedSum(r, randn(r, [2, 3, 2], 'x').sum(1)),
    (r) => weightedSum(r, randn(r, [2, 3], 'x').sum(0, true)),
    (r) => randn(r, [2, 3], 'x').sum(),
  ],
  max: [
    (r) => weightedSum(r, randn(r, [3, 4], 'x').max(1)),
    (r) => weightedSum(r, randn(r, [2, 3, 2], 'x').max(-1, true)),
    (r) => randn(r, [5], 'x').max(),
  ],
  reshape: [(r) => weightedSum(r, randn(r, [2, 3], 'x').reshape([3, -1]).tanh())],
  transpose: [
    (r) => weightedSum(r, randn(r, [2, 3], 'x').transpose().tanh()),
    (r) => weightedSum(r, randn(r, [2, 3, 4], 'x').transpose([1, 2, 0]).sigmoid()),
  ],
  softmax: [
    (r) => weightedSum(r, randn(r, [2, 4], 'z').softmax()),
    (r) => weightedSum(r, randn(r, [3, 2], 'z').softmax(0)),
  ],
  logSoftmax: [
    (r) => weightedSum(r, randn(r, [2, 4], 'z').logSoftmax()),
    (r) => weightedSum(r, randn(r, [3, 2], 'z').logSoftmax(0)),
  ],
  linear: [
    (r) =>
      weightedSum(
        r,
        linear(randn(r, [2, 3], 'x'), randn(r, [4, 3], 'W', 'parameter'), randn(r, [4], 'b', 'parameter')),
      ),
    (r) => weightedSum(r, linear(randn(r, [3], 'x'), randn(r, [2, 3], 'W', 'parameter'))),
  ],
  conv2d: [
    (r) =>
      weightedSum(
        r,
        conv2d(
          randn(r, [1, 2, 4, 4], 'x'),
          randn(r, [3, 2, 2, 2], 'w', 'parameter'),
          randn(r, [3], 'b', 'parameter'),
        ),
      ),
    (r) =>
      weightedSum(
        r,
        conv2d(randn(r, [2, 1, 5, 5], 'x'), randn(r, [2, 1, 3, 3], 'w', 'parameter'), null, {
          stride: 2,
          padding: 1,
        }),
      ),
  ],
  maxPool2d: [
    (r) => weightedSum(r, maxPool2d(randn(r, [1, 2, 4, 4], 'x'), { kernel: 2 })),
    (r) => weightedSum(r, maxPool2d(randn(r, [2, 1, 5, 5], 'x'), { kernel: 3, stride: 1 })),
  ],
  avgPool2d: [
    (r) => weightedSum(r, avgPool2d(randn(r, [1, 2, 4, 4], 'x'), { kernel: 2 })),
    (r) => weightedSum(r, avgPool2d(randn(r, [2, 1, 5, 5], 'x'), { kernel: 3, stride: 1 })),
  ],
  dropout: [(r) => weightedSum(r, dropout(randn(r, [3, 4], 'x'), 0.4, { rng: rng(7) }))],
  batchNorm: [
    (r) =>
      weightedSum(
        r,
        batchNorm(randn(r, [4, 3], 'x'), randn(r, [3], 'γ', 'parameter'), randn(r, [3], 'β', 'parameter'), {
          training: true,
        }),
      ),
    (r) =>
      weightedSum(
        r,
        batchNorm(
          randn(r, [2, 2, 2, 2], 'x'),
          randn(r, [2], 'γ', 'parameter'),
          randn(r, [2], 'β', 'parameter'),
          {
            training: false,
            runningMean: tensor([0.1, -0.2], { kind: 'constant', label: 'μ_run' }),
            runningVar: tensor([0.9, 1.3], { kind: 'constant', label: 'σ²_run' }),
          },
        ),
      ),
  ],
  crossEntropy: [
    (r) => crossEntropy(randn(r, [3, 4], 'z'), [0, 3, 1]),
    (r) => weightedSum(r, crossEntropy(randn(r, [2, 3], 'z'), [2, 0], { reduction: 'none' })),
    (r) => crossEntropy(randn(r, [3, 4], 'z'), [1, 1, 2], { reduction: 'sum' }),
  ],
  nllLoss: [(r) => nllLoss(randn(r, [3, 4], 'z').logSoftmax(), [2, 0, 3])],
  mseLoss: [
    (r) => mseLoss(randn(r, [2, 3], 'x'), randn(r, [2, 3], 'y')),
    (r) => weightedSum(r, mseLoss(randn(r, [4], 'x'), randn(r, [4], 'y'), { reduction: 'none' })),
  ],
  l1Loss: [(r) => l1Loss(randn(r, [2, 3], 'x'), randn(r, [2, 3], 'y'), { reduction: 'sum' })],
  bceLoss: [(r) => bceLoss(randn(r, [2, 3], 'x').sigmoid(), randn(r, [2, 3], 'y').sigmoid())],
  bceWithLogitsLoss: [(r) => bceWithLogitsLoss(randn(r, [2, 3], 'x'), randn(r, [2, 3], 'y').sigmoid())],
  klDivLoss: [
    (r) =>
      klDivLoss(randn(r, [2, 3], 'z').logSoftmax(), randn(r, [2, 3], 'q').softmax(), {
        reduction: 'batchmean',
      }),
  ],
};
