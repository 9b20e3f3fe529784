// Value.backward's two orders: the sweep over the creation tape (the root was made since the last backward)
// and the depth-first walk (anything else). Both must give the hand-worked gradients, and the same bits.
import { describe, expect, it } from 'vitest';
import { NonFiniteError, parameter, value, type Value } from '../../engine/index';
import { topoValues } from '../../engine/scalar/value';
import { TAPE_CAP, tape } from '../../engine/scalar/tape';

/** f = (x·y + x)·(y + 3) with x = 2, y = −1.5: ∂f/∂x = (y + 1)(y + 3) = −0.75, ∂f/∂y = x(y + 3) + (xy + x) = 2. */
function build(x: Value, y: Value): Value {
  return x.mul(y).add(x).mul(y.add(3));
}

describe('scalar backward: sweep and walk', () => {
  it('a graph made since the last backward is swept and gives the hand-worked gradients', () => {
    const x = value(2, 'x');
    const y = value(-1.5, 'y');
    const f = build(x, y);
    expect(f._mark).toBe(tape.mark); // on the tape: the sweep runs
    f.backward();
    expect(f.data).toBe(-1.5); // (−3 + 2)·1.5
    expect(x.grad).toBe(-0.75);
    expect(y.grad).toBe(2);
    expect(f.grad).toBe(1);
  });

  it('weights made before the tape (earlier steps) are leaves the sweep gives slots to', () => {
    const w = parameter(2, 'w');
    value(0).mul(w).backward(); // a backward: later nodes start a new tape, w is now before it
    w.grad = 0;
    const y = value(-1.5, 'y');
    const f = build(w, y);
    f.backward();
    expect([w.grad, y.grad]).toEqual([-0.75, 2]);
  });

  it('a graph built on nodes from before the last backward is walked, with the same result', () => {
    const x = value(2, 'x');
    const y = value(-1.5, 'y');
    const xy = x.mul(y);
    xy.backward(); // ∂(xy)/∂x = y, ∂(xy)/∂y = x
    expect([x.grad, y.grad]).toEqual([-1.5, 2]);
    const f = xy.add(x).mul(y.add(3)); // xy is a function node from the old tape: the sweep must give up
    f.backward();
    expect([x.grad, y.grad]).toEqual([-1.5 - 0.75, 2 + 2]);
    expect(xy.grad).toBe(1 + 1.5); // 1 from its own backward, then ∂f/∂(xy) = y + 3
  });

  it('backward twice accumulates (the second pass walks)', () => {
    const x = value(2, 'x');
    const y = value(-1.5, 'y');
    const f = build(x, y);
    f.backward();
    f.backward();
    expect([x.grad, y.grad]).toEqual([-1.5, 4]);
  });

  it('a node walked since it was made (graphOf, trace) takes the walk, same numbers', () => {
    const x = value(2, 'x');
    const y = value(-1.5, 'y');
    const f = build(x, y);
    topoValues(f);
    expect(f._mark).not.toBe(tape.mark);
    f.backward();
    expect([x.grad, y.grad]).toEqual([-0.75, 2]);
  });

  // s = Σ_k (x·c_k)·(x + k/3): x has 2·K consumers, summed in creation order by both paths. K = 400 is large
  // enough for the walk's radix sort; `gap` nodes made halfway through put the ids > 2¹⁶ apart.
  it.each([
    { K: 40, gap: 0 },
    { K: 400, gap: 0 },
    { K: 400, gap: 65_000 },
  ])('sweep and walk give the same bits (K = $K, gap $gap)', ({ K, gap }) => {
    const make = () => {
      const x = value(0.3, 'x');
      const terms: Value[] = [];
      for (let k = 1; k <= K; k++) {
        if (k === K / 2) for (let q = 0; q < gap; q++) value(q);
        terms.push(x.mul(1 / (k + 0.7)).mul(x.add(k / 3)));
      }
      // summed last term first, so the depth-first order meets the terms opposite to their creation
      let s = terms[K - 1] as Value;
      for (let k = K - 2; k >= 0; k--) s = s.add(terms[k] as Value);
      return { x, s };
    };
    const a = make();
    a.s.backward(); // swept
    const b = make();
    topoValues(b.s); // forces the walk
    b.s.backward();
    expect(b.x.grad).toBe(a.x.grad);
    // and both match the derivative by hand: d/dx Σ c_k x (x + k/3) = Σ c_k (2x + k/3)
    let hand = 0;
    for (let k = 1; k <= K; k++) hand += (1 / (k + 0.7)) * (2 * 0.3 + k / 3);
    expect(Math.abs(a.x.grad - hand) / hand).toBeLessThan(1e-13);
  });

  it('a non-finite pass through the sweep changes no .grad and names the culprit', () => {
    const x = value(800, 'x');
    const w = value(0.5, 'w');
    const e = x.exp(); // e^800 = ∞
    e.label = 'e';
    const f = e.mul(w);
    expect(f._mark).toBe(tape.mark);
    expect(() => f.backward()).toThrow(NonFiniteError);
    expect(() => f.backward()).toThrow(/exp node 'e'/);
    expect([x.grad, w.grad, e.grad, f.grad]).toEqual([0, 0, 0, 0]);
  });

  it('a graph longer than the tape still gets its gradients (the tape restarts, the walk takes over)', () => {
    const x = value(1.0000001, 'x');
    let p: Value = x;
    // p = x^(n) by repeated multiplication: ∂p/∂x = n·x^(n−1)
    const n = TAPE_CAP + 10;
    for (let k = 1; k < n; k++) p = p.mul(x);
    expect(p._mark).toBe(tape.mark); // the root is on the new tape, its early inputs are not
    p.backward();
    const hand = n * Math.pow(1.0000001, n - 1);
    expect(Math.abs(x.grad - hand) / hand).toBeLessThan(1e-9);
  });
});
