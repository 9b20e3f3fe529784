/**
 * B1 — 256×256 by 256×256 matmul, in GFLOP/s (2·n³ flops). Beside it a plain-JS i-k-j loop, the floor any
 * kernel should beat, and tfjs (cpu, wasm) on the same numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { tensor } from '../../engine/index';
import { normalArray } from '../data';

export const N = 256;
export const FLOPS = 2 * N * N * N;

export function b1Inputs(): { a: Float64Array; b: Float64Array } {
  return { a: normalArray(N * N, 1), b: normalArray(N * N, 2) };
}

/** The floor: a plain i-k-j triple loop over row-major Float64Arrays. */
export function ikjMatmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      const bRow = k * n;
      const cRow = i * n;
      for (let j = 0; j < n; j++) c[cRow + j] += aik * b[bRow + j];
    }
  }
  return c;
}

export function makeB1Ours(a: Float64Array, b: Float64Array): () => Float64Array {
  const ta = tensor(a, { shape: [N, N] });
  const tb = tensor(b, { shape: [N, N] });
  return () => ta.matmul(tb).data;
}

export function makeB1Tf(a: Float64Array, b: Float64Array): { run: () => Float32Array; dispose: () => void } {
  const ta = tf.tensor2d(Float32Array.from(a), [N, N]);
  const tb = tf.tensor2d(Float32Array.from(b), [N, N]);
  return {
    run: () => {
      const c = tf.matMul(ta, tb);
      const d = c.dataSync() as Float32Array;
      c.dispose();
      return d;
    },
    dispose: () => tf.dispose([ta, tb]),
  };
}

/** Largest |x − y| / (1 + |y|): float32 peers agree with float64 to about 1e-5 here. */
export function maxRelDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return m;
}
