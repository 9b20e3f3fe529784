import { describe, expect, it } from 'vitest';
import { snapZoom } from '../../../renderer/src/graph/cyBase';

describe('snapZoom: a zoom within rounding of a power of two becomes exact', () => {
  it('snaps four 0.8× steps and four 1.25× steps back to exactly 1', () => {
    let z = 1;
    for (let i = 0; i < 4; i++) z *= 0.8;
    for (let i = 0; i < 4; i++) z *= 1.25;
    expect(z).not.toBe(1); // 1.0000000000000002 in floating point
    expect(snapZoom(z)).toBe(1);
  });
  it('snaps near 2, 0.5 and 0.25 too, and leaves every other zoom alone', () => {
    expect(snapZoom(2 * (1 + 1e-12))).toBe(2);
    expect(snapZoom(0.5 * (1 - 1e-12))).toBe(0.5);
    expect(snapZoom(0.25 + 1e-15)).toBe(0.25);
    expect(snapZoom(1.25)).toBe(1.25);
    expect(snapZoom(0.8)).toBe(0.8);
    expect(snapZoom(1 + 1e-6)).toBe(1 + 1e-6);
  });
});
