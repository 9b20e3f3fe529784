/** Test helpers: seeded data and a float64 central difference, independent of the engine's own gradcheck. */
import { rng } from '../../../engine/nn/rng';

export function randomArray(n: number, seed: number, lo = -1, hi = 1): Float64Array {
  const r = rng(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = r.uniform(lo, hi);
  return a;
}

/** ∂f/∂x[i] ≈ (f(x + h e_i) − f(x − h e_i)) / 2h for every i (x is restored afterwards). */
export function centralDifference(f: () => number, x: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const keep = x[i];
    x[i] = keep + h;
    const up = f();
    x[i] = keep - h;
    const down = f();
    x[i] = keep;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Σ a ⊙ b: turns an array output into a scalar loss with upstream gradient b. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The lecture's 5×5 image (CS229 backprop slides, "Convolutions"/"Average pooling"). */
export const LECTURE_IMAGE = [
  120, 190, 140, 150, 200, 17, 21, 30, 8, 27, 89, 123, 150, 73, 56, 10, 178, 140, 150, 18, 190, 14, 76, 69,
  87,
];
