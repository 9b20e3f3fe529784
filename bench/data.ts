/**
 * Deterministic inputs for the benchmarks, drawn from mulberry32 (the engine's `rng`), exactly as the
 * benchmark issue describes them, so that their first losses can be checked to the last digit.
 */
import { rng } from '../engine/index';

export type Rng = () => number;

/** Standard normal by Box–Muller, one number per two uniforms (cosine branch), as the issue defines it. */
export function gauss(r: Rng): number {
  const u1 = r();
  const u2 = r();
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

/** 100 two-moons points: i < 50 on the upper arc (label −1), i ≥ 50 on the lower one (label +1), plus noise 0.1·N(0,1). */
export function twoMoons(): { xs: [number, number][]; ys: number[] } {
  const xs: [number, number][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 100; i++) {
    if (i < 50) {
      const t = (Math.PI * i) / 49;
      xs.push([Math.cos(t), Math.sin(t)]);
      ys.push(-1);
    } else {
      const t = (Math.PI * (i - 50)) / 49;
      xs.push([1 - Math.cos(t), 0.5 - Math.sin(t)]);
      ys.push(1);
    }
  }
  const r = rng(42);
  for (const p of xs) {
    p[0] += 0.1 * gauss(r);
    p[1] += 0.1 * gauss(r);
  }
  return { xs, ys };
}

/** n numbers from a standard normal. */
export function normalArray(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = gauss(r);
  return out;
}

/** Glorot-uniform: U(±√(6/(fan_in + fan_out))). */
export function glorotArray(n: number, fanIn: number, fanOut: number, seed: number): Float64Array {
  const r = rng(seed);
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * r() - 1) * a;
  return out;
}
