// Property tests (fast-check): random expression graphs pass gradcheck in both modes, and the same code run
// on Values and on one-element tensors gives identical numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradcheck, tensor, value, type Tensor, type Value } from '../../engine/index';

/** The methods both modes share; a program is written once against this. */
interface Num<T> {
  add(o: T | number): T;
  sub(o: T | number): T;
  mul(o: T | number): T;
  div(o: T | number): T;
  pow(k: number): T;
  neg(): T;
  exp(): T;
  log(): T;
  tanh(): T;
  sigmoid(): T;
  relu(): T;
}

type Step = { op: number; i: number; j: number; c: number };

/** Smooth ops only (domains kept safe: log of 1 + a², exp of tanh, division by 1 + b²), for gradcheck. */
function smooth<T extends Num<T>>(op: number, a: T, b: T, c: number): T {
  switch (op % 10) {
    case 0:
      return a.add(b);
    case 1:
      return a.sub(b);
    case 2:
      return a.mul(b);
    case 3:
      return a.div(b.mul(b).add(1));
    case 4:
      return a.tanh();
    case 5:
      return a.sigmoid();
    case 6:
      return a.mul(a).add(1).log();
    case 7:
      return a.tanh().exp();
    case 8:
      return a.pow(2).mul(c);
    default:
      return a.neg().add(c);
  }
}

/** Everything, relu included, for the mode-agreement property (no gradcheck, so kinks do not matter). */
function anyOp<T extends Num<T>>(op: number, a: T, b: T, c: number): T {
  return op % 12 === 10 ? a.relu() : op % 12 === 11 ? a.mul(b).relu().add(a) : smooth(op, a, b, c);
}

function run<T extends Num<T>>(inputs: T[], steps: Step[], f: typeof smooth): T {
  const pool = [...inputs];
  for (const s of steps) {
    const a = pool[s.i % pool.length] as T;
    const b = pool[s.j % pool.length] as T;
    pool.push(f(s.op, a, b, s.c));
  }
  // Sum the last few nodes so several paths (and reuse) reach the output.
  return pool.slice(-3).reduce((acc, x) => acc.add(x));
}

const stepArb = fc.record({
  op: fc.nat(100),
  i: fc.nat(50),
  j: fc.nat(50),
  c: fc.double({ min: -2, max: 2, noNaN: true }),
});
const inputsArb = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 3 });
const programArb = fc.record({ xs: inputsArb, steps: fc.array(stepArb, { minLength: 1, maxLength: 12 }) });

const plus0 = (x: number) => x + 0; // −0 and 0 are the same number here

describe('random expression graphs', () => {
  it('scalar mode passes gradcheck', () => {
    fc.assert(
      fc.property(programArb, ({ xs, steps }) => {
        const out = run(
          xs.map((x) => value(x)),
          steps,
          smooth,
        );
        const r = gradcheck(out);
        expect(r.failures).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('tensor mode (with broadcasting) passes gradcheck', () => {
    const shapes = [[3], [2, 3], [1, 3], [2, 1], []];
    fc.assert(
      fc.property(
        programArb,
        fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }),
        fc.nat(1000),
        ({ xs, steps }, shapeIdx, seed) => {
          const inputs = xs.map((x, k) => {
            const shape = shapes[shapeIdx[k] as number] as number[];
            const n = shape.reduce((p, d) => p * d, 1);
            const d = Float64Array.from({ length: n }, (_, i) => x + Math.sin(seed + 7 * i + k));
            return tensor(d, { shape });
          });
          const out = run(inputs, steps, smooth).sum();
          const r = gradcheck(out);
          expect(r.failures).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('Values and one-element tensors give identical values and gradients', () => {
    fc.assert(
      fc.property(programArb, ({ xs, steps }) => {
        const vs: Value[] = xs.map((x) => value(x));
        const ts: Tensor[] = xs.map((x) => tensor(x));
        const vOut = run(vs, steps, anyOp);
        const tOut = run(ts, steps, anyOp);
        expect(plus0(tOut.item())).toBe(plus0(vOut.data));
        vOut.backward();
        tOut.backward();
        // An input the output never uses keeps grad null (tensor) or 0 (Value).
        expect(ts.map((t) => plus0(t.grad?.item() ?? 0))).toEqual(vs.map((v) => plus0(v.grad)));
      }),
      { numRuns: 200 },
    );
  });
});
