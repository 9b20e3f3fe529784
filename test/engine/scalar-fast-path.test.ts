// Scalar backward's fast path: a rule's written-out `backward` must add exactly ∂L/∂out · local(…, i) per
// input, so that taking it instead of `local` changes no bit of any gradient.
import { describe, expect, it } from 'vitest';
import { allOps, value, type Attrs } from '../../engine/index';

const samples = [-2.5, -1, -0.3, 0, 0.7, 1, 3.25];

describe('scalar fast path', () => {
  it('every rule with a `backward` agrees with its `local` bit for bit', () => {
    let checked = 0;
    for (const op of allOps()) {
      const rule = op.scalar;
      if (!rule?.backward) continue;
      const attrs: Attrs = op.name === 'pow' ? { k: 3 } : {};
      const arity = ['add', 'mul'].includes(op.name) ? 2 : 1;
      for (const u of samples)
        for (const v of samples) {
          if (op.name === 'log' && u <= 0) continue;
          const xs = arity === 2 ? [u, v] : [u];
          const out = rule.forward(xs, attrs);
          const gOut = v * 1.7 - 0.4;
          // positions: inputs at 0 (and 1), the node at 2; gradients start from a nonzero sum
          const x = new Float64Array([u, arity === 2 ? v : 0, out]);
          const g = new Float64Array([0.125, -0.5, gOut]);
          rule.backward(g, x, 2, 0, arity === 2 ? 1 : -1, attrs);
          expect(g[0], `${op.name}(${xs}) ∂/∂x0`).toBe(0.125 + gOut * rule.local(xs, out, attrs, 0));
          if (arity === 2)
            expect(g[1], `${op.name}(${xs}) ∂/∂x1`).toBe(-0.5 + gOut * rule.local(xs, out, attrs, 1));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a node used as both inputs (x·x) gets both contributions', () => {
    const x = value(3);
    x.mul(x).backward();
    expect(x.grad).toBe(6);
  });
});
