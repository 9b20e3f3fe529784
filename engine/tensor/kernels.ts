/**
 * The storage loops: map, zip (with broadcasting), reductions along an axis, permutation and matmul over
 * row-major Float64Arrays with precomputed strides. Everything else in the engine calls these; the
 * matrix-product loops themselves live in gemm.ts.
 */
import type { TensorData } from '../core/types';
import { gemmNN } from './gemm';
import { broadcastShapes, broadcastStrides, sizeOf, stridesOf, type Shape } from './layout';

export { gemmNN, gemmNT, gemmTN, matmulReference } from './gemm';

export function td(shape: Shape, data: Float64Array): TensorData {
  return { shape, data };
}

/** out[i] = f(a[i]) */
export function map(a: Float64Array, f: (x: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i] as number);
  return out;
}

/** out = f(a, b) elementwise with NumPy broadcasting; `op` names the caller in shape errors. */
export function zip(
  a: TensorData,
  b: TensorData,
  f: (x: number, y: number) => number,
  op: string,
): TensorData {
  const shape = broadcastShapes(a.shape, b.shape, op);
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const ad = a.data;
  const bd = b.data;
  if (ad.length === n && bd.length === n) {
    for (let i = 0; i < n; i++) out[i] = f(ad[i] as number, bd[i] as number);
  } else if (bd.length === 1 && ad.length === n) {
    const y = bd[0] as number;
    for (let i = 0; i < n; i++) out[i] = f(ad[i] as number, y);
  } else if (ad.length === 1 && bd.length === n) {
    const x = ad[0] as number;
    for (let i = 0; i < n; i++) out[i] = f(x, bd[i] as number);
  } else {
    const sa = broadcastStrides(a.shape, shape);
    const sb = broadcastStrides(b.shape, shape);
    forEachIndex(shape, [sa, sb], (i, [ia, ib]) => {
      out[i] = f(ad[ia as number] as number, bd[ib as number] as number);
    });
  }
  return td(shape, out);
}

/**
 * Walk every index of `shape` in row-major order, tracking one offset per stride vector (so one call reads
 * several differently-strided arrays). `offsets` is reused between calls: read it, do not keep it.
 */
export function forEachIndex(
  shape: Shape,
  strides: readonly (readonly number[])[],
  visit: (flat: number, offsets: readonly number[]) => void,
): void {
  const n = sizeOf(shape);
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  const offsets = new Array<number>(strides.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    visit(flat, offsets);
    // Increment the multi-index like an odometer, updating each offset by its stride.
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      for (let s = 0; s < strides.length; s++)
        offsets[s] = (offsets[s] as number) + ((strides[s] as number[])[d] as number);
      if ((idx[d] as number) < (shape[d] as number)) break;
      for (let s = 0; s < strides.length; s++)
        offsets[s] = (offsets[s] as number) - ((strides[s] as number[])[d] as number) * (shape[d] as number);
      idx[d] = 0;
    }
  }
}

/** Read `a` as the larger broadcast shape `shape` (used to spread a reduced gradient back). */
export function broadcastTo(a: TensorData, shape: Shape): Float64Array {
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  if (a.data.length === n) {
    out.set(a.data);
    return out;
  }
  if (a.data.length === 1) return out.fill(a.data[0] as number);
  const sa = broadcastStrides(a.shape, shape);
  forEachIndex(shape, [sa], (i, [ia]) => {
    out[i] = a.data[ia as number] as number;
  });
  return out;
}

/** Split a shape around `axis` into (outer, length, inner) so a reduction is three nested loops. */
export function axisSplit(shape: Shape, axis: number): { outer: number; len: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i] as number;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i] as number;
  return { outer, len: shape[axis] as number, inner };
}

/** Σ over one axis; the result has that axis removed (callers re-insert it for keepDims). */
export function sumAxis(a: TensorData, axis: number): Float64Array {
  const { outer, len, inner } = axisSplit(a.shape, axis);
  const out = new Float64Array(outer * inner);
  const d = a.data;
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    for (let k = 0; k < len; k++) {
      const row = base + k * inner;
      for (let i = 0; i < inner; i++)
        out[o * inner + i] = (out[o * inner + i] as number) + (d[row + i] as number);
    }
  }
  return out;
}

/** max over one axis with the flat index of the (first) maximum, for the backward pass. */
export function maxAxis(a: TensorData, axis: number): { values: Float64Array; argmax: Int32Array } {
  const { outer, len, inner } = axisSplit(a.shape, axis);
  const values = new Float64Array(outer * inner).fill(-Infinity);
  const argmax = new Int32Array(outer * inner).fill(-1);
  const d = a.data;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      for (let i = 0; i < inner; i++) {
        const src = (o * len + k) * inner + i;
        const dst = o * inner + i;
        const x = d[src] as number;
        const best = values[dst] as number;
        // First maximum wins ties; a NaN wins over numbers so it stays visible downstream.
        if (argmax[dst] === -1 || x > best || (Number.isNaN(x) && !Number.isNaN(best))) {
          values[dst] = x;
          argmax[dst] = src;
        }
      }
    }
  }
  return { values, argmax };
}

/** Permute axes: out.shape[i] = a.shape[perm[i]]. */
export function permute(a: TensorData, perm: readonly number[]): TensorData {
  const shape = perm.map((p) => a.shape[p] as number);
  const own = stridesOf(a.shape);
  const read = perm.map((p) => own[p] as number);
  const out = new Float64Array(a.data.length);
  forEachIndex(shape, [read], (i, [ia]) => {
    out[i] = a.data[ia as number] as number;
  });
  return td(shape, out);
}

/**
 * C = A·B for A [m,k] and B [k,n], row-major, on a new array: `gemmNN` (tensor/gemm.ts, where the blocking and
 * the summation order are explained) onto zeros, so bit for bit the plain i-k-j loop (`matmulReference`).
 */
export function matmulKernel(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const c = new Float64Array(m * n);
  gemmNN(a, b, c, m, k, n);
  return c;
}
