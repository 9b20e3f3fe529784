/** Deterministic 2-D two-class toy data sets (TensorFlow Playground style), drawn from a seeded rng. */
import { rng } from '../../engine/index';
import type { TrainingSetup } from '../format/types';

export interface Dataset {
  /** N points (x₁, x₂) in [−1, 1]². */
  x: [number, number][];
  /** Labels 0 or 1. */
  y: number[];
}

export function makeDataset(kind: TrainingSetup['dataset'], n: number, seed: number): Dataset {
  const r = rng(seed);
  const x: [number, number][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    if (kind === 'circles') {
      // Inner disc (class 1) inside an outer ring (class 0).
      const radius = label === 1 ? r.uniform(0, 0.35) : r.uniform(0.6, 0.95);
      const angle = r.uniform(0, 2 * Math.PI);
      x.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    } else if (kind === 'xor') {
      const a = r.uniform(0.1, 0.9) * (r() < 0.5 ? -1 : 1);
      const b = r.uniform(0.1, 0.9) * (r() < 0.5 ? -1 : 1);
      x.push([a, b]);
      y.push(a * b > 0 ? 1 : 0);
      continue;
    } else {
      // Two interleaved half-moons.
      const t = r.uniform(0, Math.PI);
      const p: [number, number] =
        label === 1
          ? [0.5 * Math.cos(t) - 0.25, 0.5 * Math.sin(t) - 0.1]
          : [0.5 - 0.5 * Math.cos(t) - 0.25, -0.5 * Math.sin(t) + 0.15];
      x.push([p[0] + r.uniform(-0.05, 0.05), p[1] + r.uniform(-0.05, 0.05)]);
    }
    y.push(label);
  }
  return { x, y };
}
