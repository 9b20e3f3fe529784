import { describe, expect, it } from 'vitest';
import { rng } from '../../../engine/nn/rng';
import { gemmNN, gemmNT, gemmTN, matmulReference } from '../../../engine/tensor/gemm';
import {
  conv2dForward,
  conv2dGradBias,
  conv2dGradInput,
  conv2dGradWeight,
  convGeometry,
} from '../../../engine/nn/kernels/conv';
import {
  avgPoolBackward,
  avgPoolForward,
  maxPoolBackward,
  maxPoolForward,
  poolGeometry,
} from '../../../engine/nn/kernels/pool';
import {
  bnGeometry,
  bnGradInputEval,
  bnGradInputTrain,
  bnNormalize,
  channelStats,
  channelSum,
} from '../../../engine/nn/kernels/batchnorm';
import { conv2dReference, poolReference } from '../../../engine/nn/kernels/reference';
import { centralDifference, dot, LECTURE_IMAGE, maxAbsDiff, randomArray } from './numeric';

describe('rng (mulberry32)', () => {
  it('gives the published first numbers for seed 1337', () => {
    const r = rng(1337);
    expect([r(), r(), r()]).toEqual([0.1844118325971067, 0.18998925131745636, 0.8104719922412187]);
  });
  it('repeats with the same seed and resumes from its state', () => {
    const a = rng(7);
    a();
    const b = rng(a.state());
    expect(a()).toBe(b());
  });
  it('draws normals with mean ≈ 0 and variance ≈ 1', () => {
    const r = rng(1);
    let s = 0,
      s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });
});

describe('gemm kernels against the plain i-k-j loop', () => {
  const transpose = (a: Float64Array, r: number, c: number) => {
    const t = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
    return t;
  };
  /** The first index where two arrays differ in any bit (Object.is also tells −0 from 0), or −1. */
  const firstBitDiff = (x: Float64Array, y: Float64Array) => {
    expect(x.length).toBe(y.length);
    return x.findIndex((v, i) => !Object.is(v, y[i]));
  };
  // Around the four-row, four-step blocking (M, K mod 4 ≠ 0; N odd for NT's pairs), then seeded random sizes.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [5, 3, 7],
    [8, 6, 4],
    [7, 9, 2],
    [4, 4, 4],
    [13, 17, 5],
    [33, 65, 17],
  ];
  const r = rng(2024);
  for (let t = 0; t < 12; t++) shapes.push([1 + r.int(23), 1 + r.int(23), 1 + r.int(23)]);
  for (const [M, K, N] of shapes) {
    it(`M=${M} K=${K} N=${N}: NN and TN bit for bit, NT bit for bit onto zeros and within rounding onto c`, () => {
      const a = randomArray(M * K, M * 1000 + K);
      const b = randomArray(K * N, K * 1000 + N);
      const c0 = randomArray(M * N, 7, -10, 10);
      for (const start of [new Float64Array(M * N), c0]) {
        const want = matmulReference(a, b, M, K, N, start.slice());
        const nn = start.slice();
        gemmNN(a, b, nn, M, K, N);
        expect(firstBitDiff(nn, want)).toBe(-1);
        const tn = start.slice();
        gemmTN(transpose(a, M, K), b, tn, M, K, N);
        expect(firstBitDiff(tn, want)).toBe(-1);
        const nt = start.slice();
        gemmNT(a, transpose(b, K, N), nt, M, K, N);
        if (start === c0) expect(maxAbsDiff(nt, want)).toBeLessThan(1e-12);
        else expect(firstBitDiff(nt, want)).toBe(-1);
      }
    });
  }
  it('accumulates: two calls add both products (c += a·b twice)', () => {
    const a = randomArray(6 * 5, 1);
    const b = randomArray(5 * 3, 2);
    const c = new Float64Array(6 * 3);
    gemmNN(a, b, c, 6, 5, 3);
    gemmNN(a, b, c, 6, 5, 3);
    const once = matmulReference(a, b, 6, 5, 3);
    expect(firstBitDiff(c, matmulReference(a, b, 6, 5, 3, once.slice()))).toBe(-1);
  });
  it('0·∞ gives NaN as in the reference (no skipped zeros), in every row', () => {
    const a = new Float64Array(5 * 2); // all zeros: rows in the blocked part and the leftover row
    const b = new Float64Array([Infinity, 1, 2, 3]);
    const c = new Float64Array(5 * 2);
    gemmNN(a, b, c, 5, 2, 2);
    expect(Array.from(c)).toEqual([NaN, 0, NaN, 0, NaN, 0, NaN, 0, NaN, 0]);
  });
});

describe('conv2d kernel', () => {
  it('averaging the lecture image with a 3×3 filter of 1/9 gives 98 98 93 / 84 97 72 / 108 108 91', () => {
    const x = Float64Array.from(LECTURE_IMAGE);
    const w = new Float64Array(9).fill(1 / 9);
    const g = convGeometry('conv2d', [1, 1, 5, 5], [1, 1, 3, 3], 1, 0);
    const { out } = conv2dForward(x, w, null, g);
    expect(Array.from(out, Math.round)).toEqual([98, 98, 93, 84, 97, 72, 108, 108, 91]);
    // First window by hand: (120+190+140+17+21+30+89+123+150)/9 = 880/9.
    expect(out[0]).toBeCloseTo(880 / 9, 12);
  });

  for (const [stride, padding] of [
    [1, 0],
    [2, 1],
    [3, 2],
  ]) {
    it(`matches the direct definition and central differences (stride ${stride}, padding ${padding})`, () => {
      const xShape = [2, 3, 7, 6];
      const wShape = [4, 3, 3, 2];
      const x = randomArray(2 * 3 * 7 * 6, 11);
      const w = randomArray(4 * 3 * 3 * 2, 12);
      const b = randomArray(4, 13);
      const g = convGeometry('conv2d', xShape, wShape, stride, padding);
      const { out, cols } = conv2dForward(x, w, b, g);
      const ref = conv2dReference(x, xShape, w, wShape, b, stride, padding);
      expect([g.N, g.O, g.Ho, g.Wo]).toEqual(ref.shape);
      expect(maxAbsDiff(out, ref.out)).toBeLessThan(1e-12);

      const up = randomArray(out.length, 14);
      const loss = () => dot(conv2dReference(x, xShape, w, wShape, b, stride, padding).out, up);
      expect(maxAbsDiff(conv2dGradWeight(up, cols, g), centralDifference(loss, w))).toBeLessThan(1e-7);
      expect(maxAbsDiff(conv2dGradInput(up, w, g), centralDifference(loss, x))).toBeLessThan(1e-7);
      expect(maxAbsDiff(conv2dGradBias(up, g), centralDifference(loss, b))).toBeLessThan(1e-7);
    });
  }

  it('names both shapes when channels differ', () => {
    expect(() => convGeometry('conv2d', [1, 2, 5, 5], [1, 3, 3, 3], 1, 0)).toThrow(
      'conv2d: input channels differ, x=[1,2,5,5] w=[1,3,3,3]',
    );
  });
});

describe('pooling kernels', () => {
  const x = Float64Array.from(LECTURE_IMAGE);
  it('averages the lecture image over 3×3 windows, stride 1', () => {
    const out = avgPoolForward(x, poolGeometry('avgPool2d', [1, 1, 5, 5], 3, 1));
    expect(Array.from(out, Math.round)).toEqual([98, 98, 93, 84, 97, 72, 108, 108, 91]);
  });
  it('max-pools the lecture image 2×2 stride 2 and keeps the first of tied maxima', () => {
    const g = poolGeometry('maxPool2d', [1, 1, 5, 5], 2, 2);
    const { out, argmax } = maxPoolForward(x, g);
    // Windows: {120,190,17,21} {140,150,30,8} {89,123,10,178} {150,73,140,150}.
    expect(Array.from(out)).toEqual([190, 150, 178, 150]);
    // The last window holds 150 at (2,2) and at (3,3): PyTorch routes the gradient to the first, flat 12.
    expect(Array.from(argmax)).toEqual([1, 3, 16, 12]);
    const dx = maxPoolBackward(Float64Array.from([1, 2, 3, 4]), argmax, 25);
    expect(dx[12]).toBe(4);
    expect(dx[18]).toBe(0);
  });
  it('matches the definition and central differences on random input', () => {
    const shape = [2, 2, 7, 6];
    const xr = randomArray(2 * 2 * 7 * 6, 21);
    for (const [k, s] of [
      [2, 2],
      [3, 1],
      [3, 2],
    ]) {
      const g = poolGeometry('pool', shape, k, s);
      const mx = maxPoolForward(xr, g);
      expect(maxAbsDiff(mx.out, poolReference(xr, shape, 'max', k, s).out)).toBe(0);
      const av = avgPoolForward(xr, g);
      expect(maxAbsDiff(av, poolReference(xr, shape, 'avg', k, s).out)).toBeLessThan(1e-15);
      const up = randomArray(av.length, 22);
      const dMax = centralDifference(() => dot(poolReference(xr, shape, 'max', k, s).out, up), xr);
      const dAvg = centralDifference(() => dot(poolReference(xr, shape, 'avg', k, s).out, up), xr);
      expect(maxAbsDiff(maxPoolBackward(up, mx.argmax, xr.length), dMax)).toBeLessThan(1e-7);
      expect(maxAbsDiff(avgPoolBackward(up, g), dAvg)).toBeLessThan(1e-7);
    }
  });
});

describe('batch-norm kernels', () => {
  it('normalizes [1,2,3,4] with μ = 2.5 and biased σ² = 1.25', () => {
    const g = bnGeometry('batchNorm', [4, 1]);
    const x = Float64Array.from([1, 2, 3, 4]);
    const { mean, variance } = channelStats(x, g);
    expect(mean[0]).toBe(2.5);
    expect(variance[0]).toBe(1.25);
    const { out } = bnNormalize(x, Float64Array.of(2), Float64Array.of(0.5), mean, variance, 1e-5, g);
    const s = Math.sqrt(1.25 + 1e-5);
    expect(Array.from(out)).toEqual([1, 2, 3, 4].map((v) => (2 * (v - 2.5)) / s + 0.5));
  });
  it('groups N, H and W per channel for 4-d input', () => {
    const g = bnGeometry('batchNorm', [2, 2, 1, 2]);
    // channel 0 holds 1,2 (n=0) and 5,6 (n=1); channel 1 holds 3,4 and 7,8.
    const { mean, variance } = channelStats(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]), g);
    expect(Array.from(mean)).toEqual([3.5, 5.5]);
    expect(Array.from(variance)).toEqual([4.25, 4.25]);
  });
  it('gives train- and eval-mode input gradients equal to central differences', () => {
    const shape = [3, 2, 2, 2];
    const g = bnGeometry('batchNorm', shape);
    const x = randomArray(24, 31);
    const gamma = randomArray(2, 32, 0.5, 1.5);
    const beta = randomArray(2, 33);
    const up = randomArray(24, 34);
    const train = () => {
      const st = channelStats(x, g);
      return bnNormalize(x, gamma, beta, st.mean, st.variance, 1e-5, g);
    };
    const { xhat, invStd } = train();
    expect(
      maxAbsDiff(
        bnGradInputTrain(up, xhat, gamma, invStd, g),
        centralDifference(() => dot(train().out, up), x),
      ),
    ).toBeLessThan(1e-7);
    expect(
      maxAbsDiff(
        channelSum(up, xhat, g),
        centralDifference(() => dot(train().out, up), gamma),
      ),
    ).toBeLessThan(1e-7);

    const rm = Float64Array.of(0.1, -0.2);
    const rv = Float64Array.of(0.9, 1.3);
    const evalOut = () => bnNormalize(x, gamma, beta, rm, rv, 1e-5, g);
    const e = evalOut();
    expect(
      maxAbsDiff(
        bnGradInputEval(up, gamma, e.invStd, g),
        centralDifference(() => dot(evalOut().out, up), x),
      ),
    ).toBeLessThan(1e-7);
  });
});
