// Every op against central differences, numericGrad at intermediate nodes, and gradcheck's failure report.
import { describe, expect, it } from 'vitest';
import {
  applyOp,
  gradcheck,
  numericGrad,
  tensor,
  tensorRule,
  value,
  type OpDef,
  type Tensor,
  type Value,
} from '../../engine/index';

// Inputs away from kinks (relu at 0, max ties) and inside log's domain.
const scalarCases: Array<[string, (x: Value, y: Value) => Value]> = [
  ['add', (x, y) => x.add(y)],
  ['sub', (x, y) => x.sub(y)],
  ['mul', (x, y) => x.mul(y)],
  ['div', (x, y) => x.div(y)],
  ['pow', (x) => x.pow(3)],
  ['pow (negative k)', (x) => x.pow(-1.5)],
  ['neg', (x) => x.neg()],
  ['exp', (x) => x.exp()],
  ['log', (x) => x.log()],
  ['tanh', (x) => x.tanh()],
  ['sigmoid', (x) => x.sigmoid()],
  ['relu', (x) => x.relu()],
];

describe('gradcheck, scalar mode', () => {
  for (const [name, f] of scalarCases) {
    it(name, () => {
      const x = value(1.3, 'x');
      const y = value(-0.7, 'y');
      const out = f(x, y).mul(f(x, y)).add(f(x, y)); // reuse the op's node in a nonlinear way
      const r = gradcheck(out); // every non-constant leaf the output depends on
      expect(r.failures).toEqual([]);
      expect(r.pass).toBe(true);
      expect(r.summary.checked).toBeGreaterThanOrEqual(1);
    });
  }
});

const rand = (shape: number[], seed: number, lo = -1, hi = 1): Tensor => {
  let s = seed;
  const n = shape.reduce((a, b) => a * b, 1);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    d[i] = lo + ((hi - lo) * s) / 2147483648;
  }
  return tensor(d, { shape });
};

const tensorCases: Array<[string, () => Tensor]> = [
  [
    'add (broadcast)',
    () =>
      rand([2, 3], 1)
        .add(rand([3], 2))
        .sum(),
  ],
  [
    'mul (broadcast)',
    () =>
      rand([2, 3], 3)
        .mul(rand([2, 1], 4))
        .sum(),
  ],
  [
    'sub',
    () =>
      rand([3], 5)
        .sub(rand([3], 6))
        .pow(2)
        .sum(),
  ],
  [
    'div',
    () =>
      rand([3], 7)
        .div(rand([3], 8, 0.5, 2))
        .sum(),
  ],
  ['pow', () => rand([4], 9, 0.5, 2).pow(2.5).sum()],
  [
    'neg',
    () =>
      rand([4], 10)
        .neg()
        .mul(rand([4], 11))
        .sum(),
  ],
  ['exp', () => rand([4], 12).exp().sum()],
  ['log', () => rand([4], 13, 0.5, 3).log().sum()],
  ['tanh', () => rand([4], 14).tanh().pow(2).sum()],
  [
    'sigmoid',
    () =>
      rand([4], 15)
        .sigmoid()
        .mul(rand([4], 16))
        .sum(),
  ],
  [
    'relu',
    () =>
      rand([6], 17)
        .relu()
        .mul(rand([6], 18))
        .sum(),
  ],
  [
    'matmul',
    () =>
      rand([3, 4], 19)
        .matmul(rand([4, 2], 20))
        .tanh()
        .sum(),
  ],
  ['sum axis', () => rand([3, 4], 21).sum(1).pow(2).sum()],
  ['mean', () => rand([3, 4], 22).mean(0, true).pow(2).mean()],
  ['max', () => rand([3, 4], 23).max(1).pow(2).sum()],
  [
    'reshape',
    () =>
      rand([6], 24)
        .reshape([2, 3])
        .mul(rand([3], 25))
        .sum(),
  ],
  [
    'transpose',
    () =>
      rand([2, 3], 26)
        .transpose()
        .mul(rand([3, 2], 27))
        .sum(),
  ],
  [
    'softmax',
    () =>
      rand([2, 3], 28)
        .softmax()
        .mul(rand([2, 3], 29))
        .sum(),
  ],
  [
    'softmax axis 0',
    () =>
      rand([2, 3], 30)
        .softmax(0)
        .mul(rand([2, 3], 31))
        .sum(),
  ],
  [
    'logSoftmax',
    () =>
      rand([2, 3], 32)
        .logSoftmax()
        .mul(rand([2, 3], 33))
        .sum(),
  ],
];

describe('gradcheck, tensor mode', () => {
  for (const [name, f] of tensorCases) {
    it(name, () => {
      const r = gradcheck(f());
      expect(r.failures).toEqual([]);
      expect(r.pass).toBe(true);
      expect(r.summary.checked).toBeGreaterThan(0);
    });
  }
});

it('gradcheck names a node that is not in the graph', () => {
  const x = value(1, 'x');
  const y = value(2, 'y');
  expect(() => gradcheck(x.exp(), [y])).toThrow(
    /gradcheck: node 'y' \(#\d+\) is not in the graph of 'exp#\d+'/,
  );
});

describe('numericGrad', () => {
  it('at an intermediate node: L = z², z = x·w → ∂L/∂z = 2z', () => {
    const x = value(2);
    const w = value(-3);
    const z = x.mul(w);
    const L = z.mul(z);
    expect(numericGrad(L, z) as number).toBeCloseTo(-12, 6);
    expect(numericGrad(L, x) as number).toBeCloseTo(2 * -6 * -3, 6);
  });

  it('for a tensor node returns its shape', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const L = a.pow(2).sum();
    const g = numericGrad(L, a);
    expect(typeof g).toBe('object');
    if (typeof g === 'number') return;
    expect(g.shape).toEqual([2, 2]);
    Array.from(g.data).forEach((v, i) => expect(v).toBeCloseTo(2 * (i + 1), 6));
  });

  it('needs a one-element root', () => {
    expect(() => numericGrad(tensor([1, 2]).mul(2), tensor([1]))).toThrow('must have one element');
  });
});

describe('gradcheck failure report', () => {
  // A deliberately wrong op: forward 2x, backward claims 3.
  const badDouble: OpDef = {
    name: 'badDouble',
    symbol: '2×',
    describe: () => ({ text: '', latex: '' }),
    tensor: tensorRule<undefined>({
      forward: ([x]) => ({ value: { shape: x!.shape, data: x!.data.map((v) => 2 * v) } }),
      vjp: (_x, _o, g) => ({ shape: g.shape, data: g.data.map((v) => 3 * v) }),
      lower: () => [],
    }),
  };

  it('names node, op, index and both numbers', () => {
    const w = tensor([1, 2], { label: 'w' });
    const L = applyOp(badDouble, [w]).sum();
    const r = gradcheck(L, [w]);
    expect(r.pass).toBe(false);
    expect(r.summary.failed).toBe(2);
    expect(r.failures[1]).toMatch(
      /^gradcheck: node 'w' \(#\d+, op leaf\) index 1: analytic 3 vs numeric 2\.0000/,
    );
    const e = r.nodes[0]!.entries[0]!;
    expect(e.analytic).toBe(3);
    expect(e.numeric).toBeCloseTo(2, 6);
    expect(e.absErr).toBeCloseTo(1, 6);
    expect(e.relErr).toBeCloseTo(0.5, 6);
    expect(r.summary.text).toMatch(/^FAIL: 0\/2 elements/);
  });
});

describe('gradcheck sampling', () => {
  it('maxElementsPerNode checks evenly spaced elements, first and last included', () => {
    const w = tensor(
      Float64Array.from({ length: 10 }, (_, i) => i / 10),
      { label: 'w' },
    );
    const L = w.pow(2).sum();
    const r = gradcheck(L, [w], { maxElementsPerNode: 4 });
    expect(r.nodes[0]!.entries.map((e) => e.index)).toEqual([0, 3, 6, 9]);
    r.nodes[0]!.entries.forEach((e) => expect(e.analytic).toBeCloseTo((2 * e.index) / 10, 12));
    expect(r.pass).toBe(true);
  });
});
