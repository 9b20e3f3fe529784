/** compareModes: counts, the memory estimate's arithmetic, and gradients left exactly once on both graphs. */
import { describe, expect, it, vi } from 'vitest';
import { smallMatmul } from '../../helpers/smallMatmul';
import { compareModes, fastest } from '../../../engine/lower/measure';

describe('compareModes', () => {
  it('measures both modes and leaves one backward pass of gradients on each graph', () => {
    const { A, L } = smallMatmul();
    L.backward(); // an earlier pass must not pile up with the comparison's
    const m = compareModes(L, 2);
    expect(m.tensor.nodes).toBe(6);
    expect(m.tensor.edges).toBe(5);
    expect(m.scalar.nodes).toBe(31);
    expect(m.scalar.edges).toBe(38);
    // Tensor: 6 nodes × 2 (value and gradient) × 400 bytes + 21 elements × 2 × 8 bytes.
    expect(m.tensor.bytes).toBe(6 * 2 * 400 + 21 * 16);
    expect(m.scalar.bytes).toBe(31 * 144);
    for (const s of [m.tensor, m.scalar]) {
      expect(s.forwardMs).toBeGreaterThanOrEqual(0);
      expect(s.backwardMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(s.forwardMs + s.backwardMs)).toBe(true);
    }
    // ∂L/∂A = R Bᵀ = [[−1, −1], [13, 18]] in both modes, once (timing repeats must not accumulate).
    expect(Array.from(A.grad?.data ?? [])).toEqual([-1, -1, 13, 18]);
    expect(m.lowering.scalarOf.get(A.id)?.map((v) => v.grad)).toEqual([-1, -1, 13, 18]);
    expect(m.diff.gradAbs).toBe(0);
  });

  it('fastest batches calls until a batch is measurable, and returns the time per call', () => {
    let runs = 0;
    const ms = fastest(() => runs++, 0, 0.5);
    // At least one calibration batch and three timed batches.
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(ms).toBeGreaterThanOrEqual(0);
    // A call that takes 1 ms measures as 1 ms per call, not per batch. A fake clock that each call moves by
    // exactly 1 ms keeps this exact on a loaded machine (a wall-clock busy loop would flake).
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const per = fastest(() => (now += 1), 5, 2);
      expect(per).toBe(1);
      // A clock that never moves measures nothing: unknown (NaN), not 0 µs.
      expect(fastest(() => 0, 5, 2)).toBeNaN();
      // A cold first call (5 ms) then 0.01 ms calls, on a clock that shows only whole 0.1 ms (as a browser's
      // coarsened clock): the batch size from the cold call is 1, too short to see; longer batches find the
      // time (0.01 ms, to within the clock's rounding), not "unknown".
      let t = 0;
      let cold = true;
      now = 0;
      clock.mockImplementation(() => Math.floor(t * 10) / 10);
      const coarse = fastest(
        () => {
          t += cold ? 5 : 0.01;
          cold = false;
          return 0;
        },
        5,
        2,
      );
      expect(coarse).toBeGreaterThan(0.005);
      expect(coarse).toBeLessThan(0.02);
    } finally {
      clock.mockRestore();
    }
  });
});
