// Scalar mode: each op's forward and backward against numbers worked out by hand from the formulas.
import { describe, expect, it } from 'vitest';
import { EngineError, NonFiniteError, parameter, value, zeroGrad } from '../../engine/index';

describe('scalar ops: forward and local derivative by hand', () => {
  it('add: z = x + y, ∂z/∂x = ∂z/∂y = 1', () => {
    const x = value(2);
    const y = value(-3);
    const z = x.add(y);
    z.backward();
    expect(z.data).toBe(-1);
    expect([x.grad, y.grad]).toEqual([1, 1]);
  });

  it('mul: z = x·y, ∂z/∂x = y, ∂z/∂y = x', () => {
    const x = value(2);
    const y = value(-3);
    const z = x.mul(y);
    z.backward();
    expect(z.data).toBe(-6);
    expect([x.grad, y.grad]).toEqual([-3, 2]);
  });

  it('sub (derived x + (−y)): ∂/∂x = 1, ∂/∂y = −1', () => {
    const x = value(5);
    const y = value(3);
    const z = x.sub(y);
    z.backward();
    expect(z.data).toBe(2);
    expect([x.grad, y.grad]).toEqual([1, -1]);
    expect(z.op).toBe('add');
  });

  it('div (derived x · y^{−1}): ∂/∂x = 1/y, ∂/∂y = −x/y²', () => {
    const x = value(3);
    const y = value(4);
    const z = x.div(y);
    z.backward();
    expect(z.data).toBe(0.75);
    expect(x.grad).toBe(0.25);
    expect(y.grad).toBeCloseTo(-3 / 16, 15);
  });

  it('pow: x^3 at 2 is 8, derivative 3·2² = 12', () => {
    const x = value(2);
    const z = x.pow(3);
    z.backward();
    expect(z.data).toBe(8);
    expect(x.grad).toBe(12);
  });

  it('neg: −x, derivative −1', () => {
    const x = value(1.5);
    const z = x.neg();
    z.backward();
    expect(z.data).toBe(-1.5);
    expect(x.grad).toBe(-1);
  });

  it('exp: e^1 and derivative e^1', () => {
    const x = value(1);
    const z = x.exp();
    z.backward();
    expect(z.data).toBeCloseTo(2.718281828459045, 14);
    expect(x.grad).toBeCloseTo(2.718281828459045, 14);
  });

  it('log: ln 4 and derivative 1/4', () => {
    const x = value(4);
    const z = x.log();
    z.backward();
    expect(z.data).toBeCloseTo(1.3862943611198906, 14);
    expect(x.grad).toBe(0.25);
  });

  it('tanh: tanh 0.5 = 0.46211715726, derivative 1 − tanh² = 0.78644773296', () => {
    const x = value(0.5);
    const z = x.tanh();
    z.backward();
    expect(z.data).toBeCloseTo(0.46211715726000974, 12);
    expect(x.grad).toBeCloseTo(0.7864477329659274, 12);
  });

  it('sigmoid: σ(0) = 1/2, σ′(0) = 1/4; σ(2) = 0.880797, σ′ = σ(1−σ) = 0.104994', () => {
    const x = value(0);
    const z = x.sigmoid();
    z.backward();
    expect(z.data).toBe(0.5);
    expect(x.grad).toBe(0.25);
    const y = value(2);
    const s = y.sigmoid();
    s.backward();
    expect(s.data).toBeCloseTo(0.8807970779778823, 14);
    expect(y.grad).toBeCloseTo(0.10499358540350662, 14);
  });

  it('sigmoid of a very negative input stays finite and positive', () => {
    const s = value(-800).sigmoid();
    expect(s.data).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(s.data)).toBe(true);
  });

  it('relu: passes positives, blocks negatives, derivative 0 at exactly 0', () => {
    for (const [x0, y0, g0] of [
      [3, 3, 1],
      [-2, 0, 0],
      [0, 0, 0],
    ] as const) {
      const x = value(x0);
      const y = x.relu();
      y.backward();
      expect(y.data).toBe(y0);
      expect(x.grad).toBe(g0);
    }
  });
});

describe('graph semantics', () => {
  it('micrograd sanity check: y = −20, ∂y/∂x = 46', () => {
    const x = value(-4);
    const z = x.mul(2).add(2).add(x);
    const q = z.relu().add(z.mul(x));
    const h = z.mul(z).relu();
    const y = h.add(q).add(q.mul(x));
    y.backward();
    expect(y.data).toBe(-20);
    expect(x.grad).toBe(46);
  });

  it('a reused node sums its consumers: a = 1; b = a + a; c = b + b gives a.grad = 4', () => {
    const a = value(1);
    const b = a.add(a);
    const c = b.add(b);
    c.backward();
    expect(c.data).toBe(4);
    expect(b.grad).toBe(2);
    expect(a.grad).toBe(4);
  });

  it('backward twice doubles every gradient (intermediates too); zeroGrad resets', () => {
    const x = value(3);
    const w = parameter(-2);
    const z = x.mul(w);
    const y = z.mul(z); // y = (xw)² → ∂y/∂x = 2·x·w² = 24, ∂y/∂z = 2z = −12
    y.backward();
    expect([x.grad, w.grad, z.grad]).toEqual([24, -36, -12]);
    y.backward();
    expect([x.grad, w.grad, z.grad]).toEqual([48, -72, -24]);
    zeroGrad(y);
    expect([x.grad, w.grad, z.grad, y.grad]).toEqual([0, 0, 0, 0]);
  });

  it('numbers become constant leaves; value/parameter set kind and label', () => {
    const x = value(2, 'x');
    const w = parameter(0.5, 'w');
    const z = x.mul(3);
    expect(x.kind).toBe('data');
    expect(w.kind).toBe('parameter');
    expect(x.label).toBe('x');
    expect(z.inputs[1]?.kind).toBe('constant');
    expect(z.inputs[1]?.data).toBe(3);
    expect(z.kind).toBe('function');
    expect(z.mode).toBe('scalar');
  });

  it('a constant is labelled by its value as it is now, with the real minus sign, until given a label', () => {
    const c = value(1).mul(-2.5).inputs[1]!;
    expect(c.kind).toBe('constant');
    expect(c.label).toBe('−2.5');
    // An edited constant (the debugger's "set" on a leaf) reads its new value.
    c.data = 3;
    expect(c.label).toBe('3');
    c.label = 'k';
    c.data = 4;
    expect(c.label).toBe('k');
    expect(value(7).label).toBe('');
  });

  it('ids increase in creation order', () => {
    const a = value(1);
    const b = value(2);
    const c = a.add(b);
    expect(a.id).toBeLessThan(b.id);
    expect(b.id).toBeLessThan(c.id);
  });
});

describe('scalar errors', () => {
  it('rejects NaN and infinite data with the argument named', () => {
    expect(() => value(NaN)).toThrow(EngineError);
    expect(() => value(NaN)).toThrow('value: data must be a finite number, got NaN');
    expect(() => value(Infinity)).toThrow('got Infinity');
    expect(() => value(1).mul(NaN)).toThrow('constant: data must be a finite number, got NaN');
  });

  it('rejects a non-Value operand', () => {
    expect(() => value(1).add({} as never)).toThrow('add: expected a Value or a number');
  });

  it('backward reports the first node that went non-finite, and changes no grad', () => {
    const x = value(-1, 'x');
    const y = x.log(); // ln(−1) = NaN from a finite input
    y.label = 'y';
    const z = y.mul(2);
    let err: unknown;
    try {
      z.backward();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NonFiniteError);
    const report = (err as NonFiniteError).report;
    expect(report.node).toBe(y.id);
    expect(report.op).toBe('log');
    expect(report.phase).toBe('forward');
    expect(report.inputValues).toEqual([-1]);
    expect(report.message).toContain("log node 'y'");
    expect(x.grad).toBe(0);
  });

  it('backward reports a gradient that overflows from finite values', () => {
    const x = value(1e-200, 'x');
    const y = x.pow(0.5).mul(1); // ∂/∂x = 0.5·x^{−1/2} = 5e99, finite
    y.backward();
    const t = value(0, 't');
    const u = t.pow(0.5); // value 0 is finite, ∂u/∂t = 0.5·0^{−0.5} = ∞
    expect(() => u.backward()).toThrow(/backward: gradient of leaf node 't'/);
  });
});

describe('division by a plain zero', () => {
  it('is an error naming div, in both modes', () => {
    expect(() => value(1).div(0)).toThrow('div: division by the number 0');
  });
});
