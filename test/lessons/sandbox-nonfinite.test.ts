// A NaN or ±∞ in a sandbox program is shown where the node that made it was written, named as the debugger
// names nodes (no internal ids).
import { describe, expect, it } from 'vitest';
import { buildSandbox, nonFiniteError } from '../../lessons/sandbox/build';

describe('sandbox: non-finite values', () => {
  it('log(0) on line 2 is reported at line 2, at log, naming y', () => {
    const g = buildSandbox('x = 0\ny = log(x)');
    const e = nonFiniteError(g)!;
    // "y = log(x)": log starts at column 5 of line 2.
    expect(e.pos).toEqual({ line: 2, column: 5 });
    expect(e.detail).toBe("forward: log node 'y' produced -Infinity from finite inputs (0)");
    expect(e.message).not.toMatch(/#\d{2,}/);
  });

  it('an unnamed node inside an expression is named #k, at its operator', () => {
    // a = 1; b = 0; y = a / b + 1: 1/b = b^{−1} is +∞ at the "/" (line 1, column 21).
    const g = buildSandbox('a = 1; b = 0; y = a / b + 1');
    const e = nonFiniteError(g)!;
    expect(e.pos).toEqual({ line: 1, column: 21 });
    expect(e.detail).toMatch(/^forward: pow node '#\d' produced Infinity from finite inputs \(0\)$/);
  });

  it('tensor programs too: log of a vector with a 0, summed', () => {
    const g = buildSandbox('v = [1, 0]\ny = sum(log(v))');
    const e = nonFiniteError(g)!;
    // "y = sum(log(v))": log starts at column 9 of line 2.
    expect(e.pos).toEqual({ line: 2, column: 9 });
    expect(e.detail).toMatch(/^forward: log node '#\d' produced -Infinity from finite inputs/);
  });

  it('null when every value and gradient is finite', () => {
    expect(nonFiniteError(buildSandbox('x = 2; y = tanh(x)'))).toBeNull();
  });
});
