/**
 * Reproducible randomness for initialization, dropout masks and data sets: mulberry32, the standard 32-bit
 * generator (state += 0x6D2B79F5, two xor-shift-multiply rounds, result / 2^32). Same seed, same numbers, in
 * every run and on every machine, so lessons and tests can state exact values.
 */
import { EngineError } from '../core/errors';

/** A seeded generator: call it for the next uniform number in [0, 1); the methods draw other distributions. */
export interface Rng {
  (): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(0, 1) by Box–Muller (one uniform pair per draw, so the stream stays simple to follow). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** The 32-bit state, to resume a stream later with `rng(state)`. */
  state(): number;
}

/** mulberry32 seeded with `seed` (any number; its low 32 bits are used). */
export function rng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new EngineError(`rng: seed must be a finite number, got ${seed}`);
  let a = seed | 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = next as Rng;
  r.uniform = (lo, hi) => lo + (hi - lo) * next();
  r.normal = () => {
    // 1 − u keeps the log's argument in (0, 1].
    const u1 = 1 - next();
    const u2 = next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  r.int = (n) => Math.floor(next() * n);
  r.state = () => a;
  return r;
}
