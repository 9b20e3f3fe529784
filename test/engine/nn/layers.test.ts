import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  batchNorm,
  conv2d,
  dropout,
  linear,
  maxPool2d,
  rng,
  ShapeError,
  tensor,
} from '../../../engine/index';
import { expectGradcheck, expectLoweringAgrees, rand, weightedSum } from './helpers';
import { LECTURE_IMAGE, maxAbsDiff } from './numeric';

describe('linear', () => {
  it('computes x Wᵀ + b with W stored [out, in] as PyTorch', () => {
    const x = tensor([
      [1, 2],
      [3, -1],
    ]);
    const W = tensor(
      [
        [1, 0],
        [2, 1],
        [-1, 1],
      ],
      { kind: 'parameter' },
    );
    const b = tensor([0.5, 0, -2], { kind: 'parameter' });
    // Row 1: [1·1+2·0, 1·2+2·1, −1+2] + b = [1.5, 4, −1]; row 2: [3, 5, −4] + b = [3.5, 5, −6].
    expect(linear(x, W, b).toArray()).toEqual([
      [1.5, 4, -1],
      [3.5, 5, -6],
    ]);
    expect(linear(tensor([1, 2]), W).toArray()).toEqual([1, 4, 1]);
  });
  it('has hand-worked gradients: ∂L/∂W = gᵀx, ∂L/∂b = Σ_n g, ∂L/∂x = g W', () => {
    const x = tensor([[1, 2]], { kind: 'parameter' });
    const W = tensor(
      [
        [3, 4],
        [5, 6],
      ],
      { kind: 'parameter' },
    );
    const b = tensor([1, 1], { kind: 'parameter' });
    linear(x, W, b).sum().backward();
    expect(W.grad?.toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(b.grad?.toArray()).toEqual([1, 1]);
    expect(x.grad?.toArray()).toEqual([[8, 10]]);
  });
  it('passes gradcheck and lowers to the same numbers', () => {
    const out = linear(rand([5, 4], 1), rand([3, 4], 2), rand([3], 3));
    expectGradcheck(weightedSum(out));
    expectLoweringAgrees(linear(rand([5, 4], 1), rand([3, 4], 2), rand([3], 3)));
  });
  it('names the op and all shapes when features differ', () => {
    expect(() => linear(rand([2, 3], 1), rand([4, 5], 2))).toThrow(
      "linear: x's features differ from W's in: x is [2,3], W is [4,5]",
    );
  });
});

describe('conv2d', () => {
  it("averages the lecture's 5×5 image over 3×3 windows: 98 98 93 / 84 97 72 / 108 108 91", () => {
    const x = tensor(LECTURE_IMAGE, { shape: [1, 1, 5, 5] });
    const w = tensor(new Array(9).fill(1 / 9), { shape: [1, 1, 3, 3], kind: 'parameter' });
    const z = conv2d(x, w);
    expect(z.shape).toEqual([1, 1, 3, 3]);
    expect(Array.from(z.data, Math.round)).toEqual([98, 98, 93, 84, 97, 72, 108, 108, 91]);
  });
  it('is cross-correlation (no kernel flip), with stride and zero padding as PyTorch', () => {
    const x = tensor([1, 2, 3, 4], { shape: [1, 1, 2, 2] });
    const w = tensor([1, 0, 0, 0], { shape: [1, 1, 2, 2] });
    // Padding 1 puts a zero border around x; the 2×2 filter picks each window's top-left entry.
    const z = conv2d(x, w, tensor([10]), { padding: 1 });
    expect(z.toArray()).toEqual([
      [
        [
          [10, 10, 10],
          [10, 11, 12],
          [10, 13, 14],
        ],
      ],
    ]);
    const s2 = conv2d(
      tensor(LECTURE_IMAGE, { shape: [1, 1, 5, 5] }),
      tensor(new Array(9).fill(1), { shape: [1, 1, 3, 3] }),
      null,
      {
        stride: 2,
      },
    );
    // Window sums at (0,0), (0,2), (2,0), (2,2); e.g. (2,0): 89+123+150 + 10+178+140 + 190+14+76 = 970.
    expect(Array.from(s2.data)).toEqual([880, 834, 970, 819]);
  });
  it('passes gradcheck for x, w and b (stride 2, padding 1, 2 channels in, 3 out)', () => {
    const make = () =>
      conv2d(rand([2, 2, 5, 4], 4), rand([3, 2, 3, 2], 5), rand([3], 6), { stride: 2, padding: 1 });
    expectGradcheck(weightedSum(make()));
    expectLoweringAgrees(make());
  });
  it('names both shapes when channels differ', () => {
    expect(() => conv2d(rand([1, 2, 5, 5], 1), rand([1, 3, 3, 3], 2))).toThrow(
      'conv2d: input channels differ',
    );
    expect(() => conv2d(rand([1, 1, 5, 5], 1), rand([2, 1, 3, 3], 2), rand([3], 3))).toThrow(ShapeError);
    expect(() => conv2d(rand([1, 1, 5, 5], 1), rand([2, 1, 3, 3], 2), rand([3], 3))).toThrow(
      'conv2d: bias must be [2] for w [2,1,3,3], got b [3]',
    );
    expect(() => maxPool2d(rand([1, 1, 2, 2], 1), { kernel: 3 })).toThrow(
      'maxPool2d: kernel 3 larger than input x=[1,1,2,2]',
    );
  });
});

describe('pooling', () => {
  const image = () => tensor(LECTURE_IMAGE, { shape: [1, 1, 5, 5], kind: 'parameter' });
  it('avgPool2d 3×3 stride 1 on the lecture image', () => {
    expect(Array.from(avgPool2d(image(), { kernel: 3, stride: 1 }).data, Math.round)).toEqual([
      98, 98, 93, 84, 97, 72, 108, 108, 91,
    ]);
  });
  it('maxPool2d 2×2 (stride defaults to the kernel) routes the gradient to the first maximum', () => {
    const x = image();
    const z = maxPool2d(x, { kernel: 2 });
    expect(z.toArray()).toEqual([
      [
        [
          [190, 150],
          [178, 150],
        ],
      ],
    ]);
    z.sum().backward();
    const g = Array.from(x.grad!.data);
    expect(g.filter((v) => v !== 0).length).toBe(4);
    expect([g[1], g[3], g[16], g[12], g[18]]).toEqual([1, 1, 1, 1, 0]);
  });
  it('avgPool2d sends 1/k² of each upstream gradient to every cell of its window', () => {
    const x = image();
    avgPool2d(x, { kernel: 3, stride: 1 }).sum().backward();
    // The centre cell is in all 9 windows, a corner in one.
    expect(x.grad!.data[12]).toBeCloseTo(1, 14);
    expect(x.grad!.data[0]).toBeCloseTo(1 / 9, 14);
  });
  it('pass gradcheck and lower to the same numbers', () => {
    // Distinct values so that no max is tied within ±ε of the central difference.
    const x = () =>
      tensor(
        Array.from({ length: 2 * 2 * 6 * 5 }, (_, i) => ((i * 37) % 61) / 7),
        { shape: [2, 2, 6, 5], kind: 'parameter' },
      );
    expectGradcheck(weightedSum(maxPool2d(x(), { kernel: 2 })));
    expectGradcheck(weightedSum(avgPool2d(x(), { kernel: 3, stride: 2 })));
    expectLoweringAgrees(maxPool2d(x(), { kernel: 3, stride: 1 }));
    expectLoweringAgrees(avgPool2d(x(), { kernel: 2 }));
  });
});

describe('dropout', () => {
  it('keeps units with rng() ≥ p, scales them by 1/(1 − p), and records the mask as an input', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], { kind: 'parameter' });
    const r = rng(1337);
    // mulberry32(1337) starts 0.184, 0.190, 0.810, … ; with p = 0.5 the first two units are dropped.
    const draws = Array.from({ length: 6 }, () => r());
    const expectedMask = draws.map((u) => (u >= 0.5 ? 1 : 0));
    const y = dropout(x, 0.5, { training: true, rng: rng(1337) });
    const mask = y.inputs[1];
    expect(mask.label).toBe('mask');
    expect(mask.kind).toBe('constant');
    expect(Array.from(mask.data)).toEqual(expectedMask);
    expect(expectedMask.slice(0, 3)).toEqual([0, 0, 1]);
    expect(Array.from(y.data)).toEqual([1, 2, 3, 4, 5, 6].map((v, i) => v * expectedMask[i] * 2));
    y.sum().backward();
    expect(Array.from(x.grad!.data)).toEqual(expectedMask.map((m) => 2 * m));
  });
  it('is the identity in eval mode and for p = 0', () => {
    const x = rand([3, 4], 1);
    expect(dropout(x, 0.3, { training: false })).toBe(x);
    expect(dropout(x, 0, { training: true, rng: rng(1) })).toBe(x);
  });
  it('keeps about 1 − p of the units and preserves the mean in expectation', () => {
    const x = tensor(new Array(20000).fill(1));
    const y = dropout(x, 0.3, { training: true, rng: rng(5) });
    const kept = Array.from(y.inputs[1].data).reduce((a, v) => a + v, 0) / 20000;
    expect(Math.abs(kept - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(y.mean().item() - 1)).toBeLessThan(0.015);
  });
  it('passes gradcheck, lowers to the same numbers, and rejects a bad p', () => {
    expectGradcheck(weightedSum(dropout(rand([4, 5], 2), 0.4, { rng: rng(3) })));
    expectLoweringAgrees(dropout(rand([4, 5], 2), 0.4, { rng: rng(3) }));
    expect(() => dropout(rand([2], 1), 1.5)).toThrow('dropout: p must be in [0, 1], got 1.5');
    expect(() => dropout(rand([2], 1), 0.5)).toThrow('dropout: training mode needs { rng }');
  });
});

describe('batchNorm', () => {
  it('normalizes each feature with the batch mean and biased variance in training', () => {
    // Feature 0: 1,2,3,4 → μ 2.5, σ² 1.25. Feature 1: 2,4,6,8 → μ 5, σ² 5.
    const x = tensor([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
    ]);
    const gamma = tensor([2, 1], { kind: 'parameter' });
    const beta = tensor([0.5, -1], { kind: 'parameter' });
    const rm = tensor([0, 0], { kind: 'constant' });
    const rv = tensor([1, 1], { kind: 'constant' });
    const y = batchNorm(x, gamma, beta, { training: true, runningMean: rm, runningVar: rv });
    const s0 = Math.sqrt(1.25 + 1e-5);
    const s1 = Math.sqrt(5 + 1e-5);
    const want = [1, 2, 3, 4].flatMap((v) => [(2 * (v - 2.5)) / s0 + 0.5, (2 * v - 5) / s1 - 1]);
    expect(maxAbsDiff(y.data, want)).toBeLessThan(1e-14);
    // Running stats as PyTorch (momentum 0.1): μ ← 0.9·0 + 0.1·μ; σ² ← 0.9·1 + 0.1·σ²·m/(m−1) (unbiased).
    expect(rm.data[0]).toBeCloseTo(0.25, 15);
    expect(rm.data[1]).toBeCloseTo(0.5, 15);
    expect(rv.data[0]).toBeCloseTo(0.9 + (0.1 * (1.25 * 4)) / 3, 15);
    expect(rv.data[1]).toBeCloseTo(0.9 + (0.1 * (5 * 4)) / 3, 15);
  });
  it('uses the running statistics in eval mode and does not change them', () => {
    const x = tensor([
      [1, 2],
      [3, 5],
    ]);
    const rm = tensor([1, 2], { kind: 'constant' });
    const rv = tensor([4, 0.25], { kind: 'constant' });
    const y = batchNorm(x, tensor([1, 2]), tensor([0, 1]), {
      training: false,
      runningMean: rm,
      runningVar: rv,
      eps: 0,
    });
    // (x − μ)/σ · γ + β: [(1−1)/2, (2−2)/0.5·2 + 1], [(3−1)/2, (5−2)/0.5·2 + 1].
    expect(y.toArray()).toEqual([
      [0, 1],
      [1, 13],
    ]);
    expect(Array.from(rm.data)).toEqual([1, 2]);
  });
  it('normalizes over N, H and W per channel for 4-d input', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], { shape: [2, 2, 1, 2] });
    const y = batchNorm(x, tensor([1, 1]), tensor([0, 0]), { training: true, eps: 0 });
    // Channel 0 holds 1,2,5,6 (μ 3.5, σ² 4.25); channel 1 holds 3,4,7,8 (μ 5.5).
    const s = Math.sqrt(4.25);
    expect(
      maxAbsDiff(
        y.data,
        [-2.5, -1.5, -2.5, -1.5, 1.5, 2.5, 1.5, 2.5].map((v) => v / s),
      ),
    ).toBeLessThan(1e-15);
  });
  it('passes gradcheck in train and eval mode and lowers to the same numbers', () => {
    const train = () =>
      batchNorm(rand([3, 2, 2, 2], 7), rand([2], 8, 'parameter', 0.5, 1.5), rand([2], 9), { training: true });
    expectGradcheck(weightedSum(train()));
    expectLoweringAgrees(train());
    const evalMode = () =>
      batchNorm(rand([4, 3], 7), rand([3], 8), rand([3], 9), {
        training: false,
        runningMean: rand([3], 10, 'constant'),
        runningVar: rand([3], 11, 'constant', 0.5, 2),
      });
    expectGradcheck(weightedSum(evalMode()));
    expectLoweringAgrees(evalMode());
  });
  it('names the parameter whose shape is wrong', () => {
    expect(() => batchNorm(rand([4, 3], 1), rand([2], 2), rand([3], 3), { training: true })).toThrow(
      'batchNorm: gamma must be [3] for x [4,3], got [2]',
    );
    expect(() => batchNorm(rand([1, 3], 1), rand([3], 2), rand([3], 3), { training: true })).toThrow(
      'batchNorm: training needs more than one value per channel, got x [1,3]',
    );
    expect(() => batchNorm(rand([4, 3], 1), rand([3], 2), rand([3], 3), { training: false })).toThrow(
      'batchNorm: eval mode needs runningMean and runningVar',
    );
  });
});
