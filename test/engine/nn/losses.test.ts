import { describe, expect, it } from 'vitest';
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  klDivLoss,
  l1Loss,
  mseLoss,
  nllLoss,
  tensor,
  value,
  Tensor,
} from '../../../engine/index';
import { expectGradcheck, expectLoweringAgrees, rand } from './helpers';
import { maxAbsDiff } from './numeric';

// Shared inputs: two samples, three classes / three elements each.
const Z = [
  [1, 2, 3],
  [1, -1, 0.5],
];
const Y = [2, 0];
const lse = (row: number[]) => Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
const CE_TERMS = Z.map((row, i) => lse(row) - row[Y[i]]);

const P = [0.2, 0.7, 0.9, 0.4];
const T = [0, 1, 1, 0.5];
const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

function grads(x: Tensor, loss: Tensor): number[] {
  loss.backward();
  return Array.from(x.grad!.data);
}

describe('crossEntropy', () => {
  it('crossEntropy([[1,2,3]], [2]) = ln(e + e² + e³) − 3 = 0.40760596444438', () => {
    const l = crossEntropy(tensor([[1, 2, 3]]), [2]);
    expect(l.shape).toEqual([]);
    expect(l.item()).toBeCloseTo(0.40760596444438, 14);
  });
  it("gives the lecture's ℓ_i = ln Σ exp F − F_y with mean, sum and none", () => {
    expect(crossEntropy(tensor(Z), Y).item()).toBeCloseTo(sum(CE_TERMS) / 2, 14);
    expect(crossEntropy(tensor(Z), Y, { reduction: 'sum' }).item()).toBeCloseTo(sum(CE_TERMS), 14);
    const none = crossEntropy(tensor(Z), tensor(Y), { reduction: 'none' });
    expect(none.shape).toEqual([2]);
    expect(maxAbsDiff(none.data, CE_TERMS)).toBeLessThan(1e-15);
    // A single [C] row with one target index.
    expect(crossEntropy(tensor([1, 2, 3]), 2).item()).toBeCloseTo(0.40760596444438, 14);
  });
  it('has gradient (softmax − one-hot)/N', () => {
    const z = tensor(Z, { kind: 'parameter' });
    const g = grads(z, crossEntropy(z, Y));
    const want = Z.flatMap((row, i) =>
      row.map((v, j) => (Math.exp(v - lse(row)) - (j === Y[i] ? 1 : 0)) / 2),
    );
    expect(maxAbsDiff(g, want)).toBeLessThan(1e-15);
  });
  it('stays finite for large logits (log-sum-exp shift)', () => {
    const l = crossEntropy(tensor([[1000, 0, -1000]]), [1]);
    expect(l.item()).toBeCloseTo(1000, 10);
  });
  it('passes gradcheck and lowers to the same number and gradients', () => {
    expectGradcheck(crossEntropy(rand([4, 5], 1), [0, 4, 2, 2]));
    expectLoweringAgrees(crossEntropy(rand([3, 4], 2), [1, 3, 0], { reduction: 'sum' }));
    expectLoweringAgrees(crossEntropy(rand([3, 4], 2), [1, 3, 0], { reduction: 'none' }));
  });
  it('names the op and the bad target or shapes', () => {
    expect(() => crossEntropy(tensor(Z), [2, 3])).toThrow(
      'crossEntropy: target[1] = 3 is not a class index in [0, 3)',
    );
    expect(() => crossEntropy(tensor(Z), [1])).toThrow(
      'crossEntropy: expected input [N,C] with target [N] (or [C] with a single target): input is [2,3], target is [1]',
    );
    expect(() => crossEntropy(tensor(Z), Y, { reduction: 'avg' as 'mean' })).toThrow(
      "crossEntropy: reduction must be 'mean', 'sum' or 'none', got \"avg\"",
    );
  });
  it('works on scalar Values with the same value and gradients as tensors', () => {
    const zs = Z.map((row) => row.map((v) => value(v)));
    const l = crossEntropy(zs, Y);
    expect(l.data).toBeCloseTo(sum(CE_TERMS) / 2, 14);
    l.backward();
    const zt = tensor(Z, { kind: 'parameter' });
    const gt = grads(zt, crossEntropy(zt, Y));
    expect(
      maxAbsDiff(
        zs.flat().map((v) => v.grad),
        gt,
      ),
    ).toBeLessThan(1e-15);
    const one = [value(1), value(2), value(3)];
    expect(crossEntropy(one, 2).data).toBeCloseTo(0.40760596444438, 14);
    expect(() => crossEntropy(one, 2, { reduction: 'none' })).toThrow("reduction 'none' is for tensors");
  });
});

describe('nllLoss', () => {
  it('is −a_y averaged, and equals crossEntropy on logSoftmax', () => {
    const a = tensor([
      [-0.5, -1, -2],
      [-3, -0.1, -4],
    ]);
    expect(nllLoss(a, [0, 1]).item()).toBeCloseTo((0.5 + 0.1) / 2, 15);
    expect(nllLoss(a, [0, 1], { reduction: 'sum' }).item()).toBeCloseTo(0.6, 15);
    expect(nllLoss(tensor(Z).logSoftmax(), Y).item()).toBeCloseTo(crossEntropy(tensor(Z), Y).item(), 14);
  });
  it('sends −1/N to the target entries only, and passes gradcheck', () => {
    const a = tensor(Z, { kind: 'parameter' });
    expect(grads(a, nllLoss(a, Y))).toEqual([0, 0, -0.5, -0.5, 0, 0]);
    expectGradcheck(nllLoss(rand([3, 4], 3).logSoftmax(), [3, 0, 1]));
  });
});

describe('regression losses', () => {
  const x = [0.2, 0.7, -1, 3];
  const y = [0, 1, 1, 2.5];
  const d = x.map((v, i) => v - y[i]);
  it('mseLoss = (1/n) Σ (x − y)², gradient 2(x − y)/n', () => {
    expect(mseLoss(tensor(x), tensor(y)).item()).toBeCloseTo(sum(d.map((v) => v * v)) / 4, 15);
    expect(mseLoss(tensor(x), y, { reduction: 'sum' }).item()).toBeCloseTo(sum(d.map((v) => v * v)), 14);
    const xt = tensor(x, { kind: 'parameter' });
    expect(
      maxAbsDiff(
        grads(xt, mseLoss(xt, y)),
        d.map((v) => v / 2),
      ),
    ).toBeLessThan(1e-15);
  });
  it('l1Loss = (1/n) Σ |x − y|, gradient sign(x − y)/n', () => {
    expect(l1Loss(tensor(x), y).item()).toBeCloseTo(sum(d.map(Math.abs)) / 4, 15);
    const xt = tensor(x, { kind: 'parameter' });
    expect(grads(xt, l1Loss(xt, y))).toEqual(d.map((v) => Math.sign(v) / 4));
  });
  it("reduction 'none' keeps the input's shape", () => {
    const none = mseLoss(tensor([x, y]), tensor([y, x]), { reduction: 'none' });
    expect(none.shape).toEqual([2, 4]);
    expect(
      maxAbsDiff(
        none.data,
        [...d, ...d].map((v) => v * v),
      ),
    ).toBeLessThan(1e-15);
  });
  it('pass gradcheck for input and target', () => {
    expectGradcheck(mseLoss(rand([3, 2], 4), rand([3, 2], 5)));
    expectGradcheck(l1Loss(rand([3, 2], 4), rand([3, 2], 5)));
  });
  it('work on scalar Values', () => {
    const xs = x.map((v) => value(v));
    const l = mseLoss(xs, y);
    expect(l.data).toBeCloseTo(sum(d.map((v) => v * v)) / 4, 15);
    l.backward();
    expect(
      maxAbsDiff(
        xs.map((v) => v.grad),
        d.map((v) => v / 2),
      ),
    ).toBeLessThan(1e-15);
    expect(mseLoss(value(3), 1).data).toBe(4);
  });
  it('lower to the same numbers and gradients', () => {
    expectLoweringAgrees(mseLoss(rand([2, 3], 4), rand([2, 3], 5)));
    expectLoweringAgrees(l1Loss(rand([2, 3], 4), rand([2, 3], 5), { reduction: 'none' }));
    expectLoweringAgrees(nllLoss(rand([3, 4], 6), [0, 3, 1]));
    expectLoweringAgrees(
      klDivLoss(rand([2, 3], 7), rand([2, 3], 8, 'parameter', 0.1, 1), { reduction: 'batchmean' }),
    );
  });
  it('name both shapes when they differ', () => {
    expect(() => mseLoss(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(
      'mseLoss: input and target shapes differ: input is [2], target is [3]',
    );
  });
});

describe('binary cross-entropy', () => {
  const bce = (p: number, t: number) =>
    -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log(1 - p), -100));
  it('bceLoss = −(y ln x + (1 − y) ln(1 − x)) averaged, gradient (x − y)/(x(1 − x) n)', () => {
    expect(bceLoss(tensor(P), T).item()).toBeCloseTo(sum(P.map((p, i) => bce(p, T[i]))) / 4, 15);
    // By hand: −ln 0.8, −ln 0.7, −ln 0.9, −ln 0.4·0.5 − ln 0.6·0.5.
    const byHand = -Math.log(0.8) - Math.log(0.7) - Math.log(0.9) - 0.5 * Math.log(0.4) - 0.5 * Math.log(0.6);
    expect(bceLoss(tensor(P), T, { reduction: 'sum' }).item()).toBeCloseTo(byHand, 14);
    const pt = tensor(P, { kind: 'parameter' });
    const want = P.map((p, i) => (p - T[i]) / (p * (1 - p)) / 4);
    expect(maxAbsDiff(grads(pt, bceLoss(pt, T)), want)).toBeLessThan(1e-14);
  });
  it('clamps the logs at −100 as PyTorch: bce(0, 1) = bce(1, 0) = 100, bce(1, 1) = 0', () => {
    expect(Array.from(bceLoss(tensor([0, 1, 1]), [1, 0, 1], { reduction: 'none' }).data)).toEqual([
      100, 100, 0,
    ]);
    expect(() => bceLoss(tensor([1.5]), [1])).toThrow(
      'bceLoss: input[0] = 1.5 is not a probability in [0, 1]',
    );
  });
  it('bceWithLogitsLoss(x, y) = bceLoss(σ(x), y), stable for large |x|', () => {
    const x = [-2, 0.3, 4, -0.7];
    const sig = x.map((v) => 1 / (1 + Math.exp(-v)));
    expect(bceWithLogitsLoss(tensor(x), T).item()).toBeCloseTo(sum(sig.map((p, i) => bce(p, T[i]))) / 4, 14);
    const xt = tensor(x, { kind: 'parameter' });
    expect(
      maxAbsDiff(
        grads(xt, bceWithLogitsLoss(xt, T)),
        sig.map((p, i) => (p - T[i]) / 4),
      ),
    ).toBeLessThan(1e-15);
    // max(x,0) − x·y + ln(1 + e^{−|x|}): 1000 − 0 + ln(1 + e^{−1000}) = 1000, no overflow.
    expect(bceWithLogitsLoss(tensor([1000, -1000]), [0, 1], { reduction: 'none' }).toArray()).toEqual([
      1000, 1000,
    ]);
  });
  it('pass gradcheck (input and target) and lower to the same numbers', () => {
    expectGradcheck(bceLoss(rand([2, 3], 6, 'parameter', 0.05, 0.95), rand([2, 3], 7, 'parameter', 0, 1)));
    expectGradcheck(
      bceWithLogitsLoss(rand([2, 3], 8, 'parameter', -3, 3), rand([2, 3], 9, 'parameter', 0, 1)),
    );
    expectLoweringAgrees(bceLoss(rand([5], 6, 'parameter', 0.05, 0.95), rand([5], 7, 'parameter', 0, 1)));
    expectLoweringAgrees(
      bceWithLogitsLoss(rand([5], 8, 'parameter', -3, 3), rand([5], 9, 'parameter', 0, 1)),
    );
  });
});

describe('klDivLoss', () => {
  const p = [
    [0.2, 0.3, 0.5],
    [0.6, 0.4, 0],
  ];
  const q = [
    [0.1, 0.6, 0.3],
    [0.3, 0.3, 0.4],
  ];
  const logQ = q.map((r) => r.map(Math.log));
  // KL(p‖q) per row = Σ p ln(p/q), with 0·ln 0 = 0.
  const kl = p.map((r, i) => sum(r.map((v, j) => (v > 0 ? v * Math.log(v / q[i][j]) : 0))));
  it("sums p ln(p/q); 'batchmean' divides by N, 'mean' by the element count", () => {
    expect(klDivLoss(tensor(logQ), p, { reduction: 'batchmean' }).item()).toBeCloseTo(sum(kl) / 2, 15);
    expect(klDivLoss(tensor(logQ), p).item()).toBeCloseTo(sum(kl) / 6, 15);
    expect(klDivLoss(tensor(logQ), p, { reduction: 'sum' }).item()).toBeCloseTo(sum(kl), 15);
  });
  it('has gradient −y/N for the log-probabilities and passes gradcheck', () => {
    const x = tensor(logQ, { kind: 'parameter' });
    expect(
      maxAbsDiff(
        grads(x, klDivLoss(x, p, { reduction: 'batchmean' })),
        p.flat().map((v) => -v / 2),
      ),
    ).toBeLessThan(1e-16);
    expectGradcheck(
      klDivLoss(rand([2, 3], 10), rand([2, 3], 11, 'parameter', 0.1, 1), { reduction: 'batchmean' }),
    );
  });
  it("only klDivLoss accepts 'batchmean'", () => {
    expect(() => mseLoss(tensor([1]), [1], { reduction: 'batchmean' as 'mean' })).toThrow(
      "mseLoss: reduction must be 'mean', 'sum' or 'none'",
    );
  });
});
