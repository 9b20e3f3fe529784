/**
 * The scalar engine against micrograd itself (bench/workloads/a2Micrograd.ts: engine.py and nn.py written line
 * for line in plain JS, with closures and a recursive sort): the benchmark's A2 step, 68,814 nodes, in both.
 * The loss is the same to the bit (the same operations in the same order); each of the 337 gradients is the
 * same up to the order in which its contributions are summed.
 */
import { describe, expect, it } from 'vitest';
import { makeA2Micrograd } from '../../bench/workloads/a2Micrograd';
import { A2_FIRST_LOSS, makeA2, params } from '../../bench/workloads/a2ScalarMlp';

describe('scalar mode against a plain-JS micrograd', () => {
  it('gives the loss and the 337 gradients of micrograd’s demo step, and again after two SGD updates', () => {
    const ours = makeA2();
    const mg = makeA2Micrograd();
    const ps = params(ours.model);
    expect(mg.params.length).toBe(337);
    expect(ps.length).toBe(337);
    for (let k = 0; k < 3; k++) {
      const loss = ours.step(k).loss;
      const mgLoss = mg.step(k);
      if (k === 0) {
        expect(loss).toBe(A2_FIRST_LOSS);
        expect(mgLoss).toBe(A2_FIRST_LOSS);
      } else {
        expect(Math.abs(loss - mgLoss)).toBeLessThanOrEqual(1e-13 * Math.abs(mgLoss));
      }
      let nonzero = 0;
      for (let i = 0; i < ps.length; i++) {
        const g = ps[i]!.grad;
        const want = mg.params[i]!.grad;
        expect(Math.abs(g - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want) + 1e-15);
        if (want !== 0) nonzero++;
      }
      // Most parameters take part (a ReLU unit dead on all 100 points gives exact zeros to both).
      expect(nonzero).toBeGreaterThan(250);
    }
  });
});
