// Storage kernels against plain reference loops and hand-worked cases; unbroadcast; layout helpers.
import { describe, expect, it } from 'vitest';
import { kernels, layout, tensor, unbroadcast } from '../../engine/index';

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

describe('matmul kernel', () => {
  it('is bit for bit the plain i-k-j loop for shapes around the four-row, four-step blocking (odd k, m mod 4)', () => {
    const r = lcg(7);
    for (const [m, k, n] of [
      [1, 1, 1],
      [3, 5, 2],
      [4, 4, 4],
      [7, 3, 9],
      [13, 8, 5],
      [6, 7, 3],
      [33, 65, 17],
    ] as const) {
      const a = Float64Array.from({ length: m * k }, r);
      const b = Float64Array.from({ length: k * n }, r);
      const fast = kernels.matmulKernel(a, b, m, k, n);
      const ref = kernels.matmulReference(a, b, m, k, n);
      // The same sums in the same order (p = 0, 1, … onto c): equal to the last bit.
      expect(fast.findIndex((v, i) => !Object.is(v, ref[i]))).toBe(-1);
    }
  });

  it("the matmul op's gradients are G·Bᵀ and Aᵀ·G bit for bit as the i-k-j loop (A and B read in place)", () => {
    const r = lcg(11);
    const [m, k, n] = [5, 7, 6];
    const a = Float64Array.from({ length: m * k }, r);
    const b = Float64Array.from({ length: k * n }, r);
    const g = Float64Array.from({ length: m * n }, r);
    const transpose = (x: Float64Array, rows: number, cols: number) =>
      Float64Array.from(
        { length: rows * cols },
        (_, i) => x[(i % rows) * cols + Math.floor(i / rows)] as number,
      );
    const A = tensor(a, { shape: [m, k] });
    const B = tensor(b, { shape: [k, n] });
    // Σ (A·B) ⊙ G sends exactly G back into the product.
    A.matmul(B)
      .mul(tensor(g, { shape: [m, n], kind: 'constant' }))
      .sum()
      .backward();
    const dA = kernels.matmulReference(g, transpose(b, k, n), m, n, k);
    const dB = kernels.matmulReference(transpose(a, m, k), g, k, m, n);
    expect(A.grad?.data.findIndex((v, i) => !Object.is(v, dA[i]))).toBe(-1);
    expect(B.grad?.data.findIndex((v, i) => !Object.is(v, dB[i]))).toBe(-1);
  });

  it('reference kernel by hand: [[1,2],[3,4]]·[[5],[6]] = [[17],[39]], and onto a given c', () => {
    const a = new Float64Array([1, 2, 3, 4]);
    const b = new Float64Array([5, 6]);
    expect(Array.from(kernels.matmulReference(a, b, 2, 2, 1))).toEqual([17, 39]);
    expect(Array.from(kernels.matmulReference(a, b, 2, 2, 1, new Float64Array([1, -1])))).toEqual([18, 38]);
  });
});

describe('unbroadcast', () => {
  const g = { shape: [2, 3], data: new Float64Array([1, 2, 3, 4, 5, 6]) };
  it('sums leading and size-1 axes to the input shape', () => {
    expect(Array.from(unbroadcast(g, [3]).data)).toEqual([5, 7, 9]);
    expect(unbroadcast(g, [1, 3]).shape).toEqual([1, 3]);
    expect(Array.from(unbroadcast(g, [2, 1]).data)).toEqual([6, 15]);
    expect(Array.from(unbroadcast(g, []).data)).toEqual([21]);
    expect(unbroadcast(g, [2, 3])).toBe(g);
  });
  it('rejects a shape it cannot reduce to', () => {
    expect(() => unbroadcast(g, [2])).toThrow('unbroadcast: gradient of shape [2,3] cannot reduce to [2]');
  });
});

describe('layout', () => {
  it('strides, sizes and broadcast shapes', () => {
    expect(layout.stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(layout.sizeOf([])).toBe(1);
    expect(layout.broadcastShapes([2, 1, 3], [4, 1], 'op')).toEqual([2, 4, 3]);
    expect(() => layout.broadcastShapes([2, 3], [3, 2], 'mul')).toThrow(
      'mul: shapes cannot broadcast: a is [2,3], b is [3,2]',
    );
    expect(layout.broadcastStrides([3], [2, 3])).toEqual([0, 1]);
    expect(layout.normalizeAxis(-1, [2, 3], 'sum')).toBe(1);
  });

  it('permute and reductions along an axis', () => {
    const t = { shape: [2, 3], data: new Float64Array([1, 5, 3, 4, 2, 6]) };
    expect(Array.from(kernels.permute(t, [1, 0]).data)).toEqual([1, 4, 5, 2, 3, 6]);
    expect(Array.from(kernels.sumAxis(t, 0))).toEqual([5, 7, 9]);
    const { values, argmax } = kernels.maxAxis(t, 1);
    expect(Array.from(values)).toEqual([5, 6]);
    expect(Array.from(argmax)).toEqual([1, 5]);
  });
});
