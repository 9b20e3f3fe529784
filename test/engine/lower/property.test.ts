/**
 * Property: for random tensor graphs built from every registry op (random shapes, data, op sequences and
 * reuse of earlier nodes), the lowered scalar graph's values and gradients equal the tensor graph's to 1e-12
 * relative (see compare.ts for the measure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOps } from '../../../engine/ops/registry';
import { lower } from '../../../engine/lower/lower';
import { compareGradients } from '../../../engine/lower/compare';
import { tensor, type Tensor } from '../../../engine/tensor/tensor';
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
import { randn, weightedSum } from './cases';

/** A step maps a 2-d tensor [a,b] to another 2-d tensor, using the named op (and only cheap helpers). */
type Step = (t: Tensor, r: Rng, pool: Tensor[]) => Tensor;

const dims = (t: Tensor) => [t.shape[0] as number, t.shape[1] as number] as const;
const classes = (r: Rng, n: number, c: number) => Array.from({ length: n }, () => r.int(c));
/** Another tensor of t's shape: an earlier node when one fits (so nodes get reused), else a fresh leaf. */
function partner(t: Tensor, r: Rng, pool: Tensor[]): Tensor {
  const fits = pool.filter(
    (p) => p !== t && p.shape.length === 2 && p.shape[0] === t.shape[0] && p.shape[1] === t.shape[1],
  );
  return fits.length > 0 && r() < 0.6 ? (fits[r.int(fits.length)] as Tensor) : randn(r, [...t.shape], 'y');
}
const as4d = (t: Tensor) => t.reshape([1, 1, ...dims(t)]);
const as2d = (t: Tensor) => t.reshape([t.shape[2] as number, t.shape[3] as number]);

const STEPS: Record<string, Step> = {
  add: (t, r, pool) => (r() < 0.5 ? t.add(partner(t, r, pool)) : t.add(randn(r, [dims(t)[1]], 'b'))),
  mul: (t, r, pool) => (r() < 0.5 ? t.mul(partner(t, r, pool)) : t.mul(randn(r, [dims(t)[0], 1], 'c'))),
  pow: (t, r) => (r() < 0.5 ? t.pow(2) : t.tanh().pow(3)),
  neg: (t) => t.neg(),
  exp: (t) => t.tanh().exp(),
  log: (t) => t.mul(t).add(0.5).log(),
  tanh: (t) => t.tanh(),
  sigmoid: (t) => t.sigmoid(),
  relu: (t) => t.relu(),
  matmul: (t, r) => t.matmul(randn(r, [dims(t)[1], 1 + r.int(3)], 'M')),
  sum: (t, r) => t.sum(r.int(2), true),
  max: (t, r) => t.max(r.int(2), true),
  reshape: (t) => t.reshape([dims(t)[1], dims(t)[0]]),
  transpose: (t) => t.transpose(),
  softmax: (t, r) => t.softmax(r.int(2)),
  logSoftmax: (t, r) => t.logSoftmax(r.int(2)),
  linear: (t, r) => {
    const out = 1 + r.int(3);
    return linear(
      t,
      randn(r, [out, dims(t)[1]], 'W', 'parameter'),
      r() < 0.5 ? randn(r, [out], 'b', 'parameter') : null,
    );
  },
  conv2d: (t, r) => {
    const k = 1 + r.int(Math.min(...dims(t)));
    const padding = r.int(2);
    return as2d(
      conv2d(as4d(t), randn(r, [1, 1, k, k], 'w', 'parameter'), randn(r, [1], 'b', 'parameter'), { padding }),
    );
  },
  maxPool2d: (t, r) => as2d(maxPool2d(as4d(t), { kernel: 1 + r.int(Math.min(...dims(t))), stride: 1 })),
  avgPool2d: (t, r) => as2d(avgPool2d(as4d(t), { kernel: 1 + r.int(Math.min(...dims(t))), stride: 1 })),
  dropout: (t, r) => dropout(t, 0.3, { rng: rng(r.int(1000)) }),
  batchNorm: (t, r) => {
    const [a, b] = dims(t);
    const gamma = randn(r, [b], 'γ', 'parameter');
    const beta = randn(r, [b], 'β', 'parameter');
    if (a >= 2 && r() < 0.7) return batchNorm(t, gamma, beta, { training: true });
    const runningMean = tensor(
      Array.from({ length: b }, () => r.uniform(-0.5, 0.5)),
      { kind: 'constant' },
    );
    const runningVar = tensor(
      Array.from({ length: b }, () => r.uniform(0.5, 1.5)),
      { kind: 'constant' },
    );
    return batchNorm(t, gamma, beta, { training: false, runningMean, runningVar });
  },
  crossEntropy: (t, r) =>
    crossEntropy(t, classes(r, ...dims(t)), { reduction: 'none' }).reshape([dims(t)[0], 1]),
  nllLoss: (t, r) =>
    nllLoss(t.logSoftmax(), classes(r, ...dims(t)), { reduction: 'none' }).reshape([dims(t)[0], 1]),
  mseLoss: (t, r, pool) => mseLoss(t, partner(t, r, pool), { reduction: 'none' }),
  l1Loss: (t, r, pool) => l1Loss(t, partner(t, r, pool), { reduction: 'none' }),
  bceLoss: (t, r) => bceLoss(t.sigmoid(), randn(r, [...t.shape], 'y').sigmoid(), { reduction: 'none' }),
  bceWithLogitsLoss: (t, r) =>
    bceWithLogitsLoss(t, randn(r, [...t.shape], 'y').sigmoid(), { reduction: 'none' }),
  klDivLoss: (t, r) =>
    klDivLoss(t.logSoftmax(), randn(r, [...t.shape], 'q').softmax(), { reduction: 'none' }),
};

const names = allOps()
  .filter((op) => op.tensor !== undefined)
  .map((op) => op.name);

function build(seed: number, rows: number, cols: number, steps: readonly string[]): Tensor {
  const r = rng(seed);
  let t = randn(r, [rows, cols], 'x');
  const pool = [t];
  for (const s of steps) {
    t = (STEPS[s] as Step)(t, r, pool);
    pool.push(t);
  }
  // Sometimes join the end with an earlier node of the same shape: fan-out across the graph.
  const join = partner(t, r, pool.slice(0, -1));
  return weightedSum(r, r() < 0.5 ? t.add(join) : t);
}

describe('lowering, property over random graphs', () => {
  it('has a step for every registry op with a tensor rule', () => {
    expect(names.filter((n) => !(n in STEPS))).toEqual([]);
  });

  it('lowered values and gradients equal the tensor ones', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 6 }),
        (seed, rows, cols, steps) => {
          const root = build(seed, rows, cols, steps);
          const low = lower(root);
          root.backward();
          low.root.backward();
          const cmp = compareGradients(root, low);
          const w = cmp.worst;
          const where = w ? `${w.op} '${w.label}' element ${w.worstIndex}` : '';
          if (!(cmp.gradRel <= 1e-12))
            throw new Error(`gradients differ by ${cmp.gradRel} (relative) at ${where}`);
          if (!(cmp.valueRel <= 1e-12)) throw new Error(`values differ by ${cmp.valueRel} (relative)`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
