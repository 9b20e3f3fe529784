import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tensor } from '../../engine/index';
import type { Expr } from '../../lessons/sandbox/ast';
import { buildSandbox, type SandboxGraph } from '../../lessons/sandbox/build';
import { ParseError } from '../../lessons/sandbox/errors';
import { printExpr } from '../../lessons/sandbox/print';

function tensorGraph(src: string): Extract<SandboxGraph, { mode: 'tensor' }> {
  const g = buildSandbox(src);
  if (g.mode !== 'tensor') throw new Error(`expected tensor mode for ${src}`);
  return g;
}
const out = (src: string) => tensorGraph(src).root.toArray();
const grad = (g: SandboxGraph, name: string) => (g.variables.get(name) as Tensor).grad?.toArray();

describe('sandbox tensor expressions', () => {
  it('chooses tensor mode for an array, @ or a whole-tensor function, scalar mode otherwise', () => {
    expect(buildSandbox('x = 2; y = x * x').mode).toBe('scalar');
    expect(buildSandbox('y = [2] * 3').mode).toBe('tensor');
    expect(buildSandbox('y = sum(2)').mode).toBe('tensor');
    expect(out('W = [[2]]; y = W @ [3]')).toEqual([6]);
  });

  it('multiplies a matrix by a vector, a vector by a matrix, and two vectors as NumPy does', () => {
    // [[1,2],[3,4]]·[1,1] = [1+2, 3+4]
    expect(out('y = [[1, 2], [3, 4]] @ [1, 1]')).toEqual([3, 7]);
    // [1,2]·[[1,0,2],[0,1,3]] = [1, 2, 2+6]
    expect(out('y = [1, 2] @ [[1, 0, 2], [0, 1, 3]]')).toEqual([1, 2, 8]);
    // 1·4 + 2·5 + 3·6
    expect(out('y = [1, 2, 3] @ [4, 5, 6]')).toBe(32);
    // [[1,2],[3,4]]·[[0,1],[1,0]] swaps the columns
    expect(out('y = [[1, 2], [3, 4]] @ [[0, 1], [1, 0]]')).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it('backpropagates through @ for a vector: ∂sum(Wx)/∂x = column sums of W, ∂/∂W = x in every row', () => {
    const g = tensorGraph('W = [[1, 2], [3, 4]]; x = [5, 6]; y = sum(W @ x)');
    expect(g.root.item()).toBe(5 + 12 + 15 + 24);
    g.root.backward();
    expect(grad(g, 'x')).toEqual([4, 6]);
    expect(grad(g, 'W')).toEqual([
      [5, 6],
      [5, 6],
    ]);
  });

  it('softmax sums to 1, and its values and logSoftmax match the formula', () => {
    expect(out('y = sum(softmax([1, 2, 3]))')).toBeCloseTo(1, 14);
    // softmax([0, ln 3]) = [1, 3] / 4
    const p = out(`y = softmax([0, ${Math.log(3)}])`) as number[];
    expect(p[0]).toBeCloseTo(0.25, 14);
    expect(p[1]).toBeCloseTo(0.75, 14);
    const l = out('y = logSoftmax([0, 0])') as number[];
    expect(l[0]).toBeCloseTo(-Math.log(2), 14);
    expect(l[1]).toBeCloseTo(-Math.log(2), 14);
  });

  it('broadcasts numbers (one-element tensors) and reduces with sum and mean', () => {
    const g = tensorGraph('x = [1, 2]; k = 3; y = sum(x * k + 1)');
    expect(g.variables.get('k')!.shape).toEqual([]);
    expect(g.root.item()).toBe(1 * 3 + 1 + (2 * 3 + 1));
    g.root.backward();
    expect(grad(g, 'x')).toEqual([3, 3]);
    expect(grad(g, 'k')).toBe(1 + 2);
    const m = tensorGraph('A = [[1, 2], [3, 4]]; y = mean(A)');
    expect(m.root.item()).toBe(2.5);
    m.root.backward();
    expect(grad(m, 'A')).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
    // Elementwise functions and ^ apply per element: relu([-1, 2])^2 = [0, 4]
    expect(out('y = relu([-1, 2]) ^ 2')).toEqual([0, 4]);
  });

  it('builds the example layer, worked from the formula', () => {
    const g = tensorGraph(
      'x = [1, -2]; W = [[0.5, -1], [2, 0.25]]; b = [0.1, 0.2]; y = sum(tanh(W @ x + b))',
    );
    // W x = [0.5·1 + (−1)(−2), 2·1 + 0.25·(−2)] = [2.5, 1.5]; + b = [2.6, 1.7]
    expect(g.root.item()).toBeCloseTo(Math.tanh(2.6) + Math.tanh(1.7), 14);
    expect(g.root.label).toBe('y');
    expect([...g.variables.keys()]).toEqual(['x', 'W', 'b', 'y']);
    g.root.backward();
    const d = [1 - Math.tanh(2.6) ** 2, 1 - Math.tanh(1.7) ** 2];
    const gb = grad(g, 'b') as number[];
    expect(gb[0]).toBeCloseTo(d[0], 14);
    expect(gb[1]).toBeCloseTo(d[1], 14);
    const gx = grad(g, 'x') as number[];
    expect(gx[0]).toBeCloseTo(0.5 * d[0] + 2 * d[1], 14); // Wᵀ d
    expect(gx[1]).toBeCloseTo(-1 * d[0] + 0.25 * d[1], 14);
  });

  it('builds the softmax cross-entropy example: L = log(e² + e + e^0.1) − 2, ∂L/∂z = softmax(z) − y', () => {
    const g = tensorGraph('z = [2, 1, 0.1]\ny = [1, 0, 0]  # one-hot: class 0\nL = -sum(y * logSoftmax(z))');
    const s = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
    expect(g.root.item()).toBeCloseTo(Math.log(s) - 2, 14);
    g.root.backward();
    const gz = grad(g, 'z') as number[];
    expect(gz[0]).toBeCloseTo(Math.exp(2) / s - 1, 14);
    expect(gz[1]).toBeCloseTo(Math.exp(1) / s, 14);
    expect(gz[2]).toBeCloseTo(Math.exp(0.1) / s, 14);
  });

  it('shows shape mismatches with the engine’s message at the operator', () => {
    expect(() => buildSandbox('y = [1, 2] + [1, 2, 3]')).toThrow(ParseError);
    expect(() => buildSandbox('y = [1, 2] + [1, 2, 3]')).toThrow(
      'line 1, column 12: add: shapes cannot broadcast: a is [2], b is [3]',
    );
    expect(() => buildSandbox('W = [[1, 2], [3, 4]]\ny = W @ [1, 2, 3]')).toThrow(
      'line 2, column 7: matmul: inner dimensions differ: a is [2,2], b is [3]',
    );
    expect(() => buildSandbox('y = 2 @ 3')).toThrow(
      'line 1, column 7: matmul: expects vectors or matrices: a is [], b is []',
    );
    expect(() => buildSandbox('y = [[1, 2], [3]]')).toThrow(
      'line 1, column 14: the items of an array must all have the same shape: this one is an array of shape [1], the first is an array of shape [2]',
    );
    expect(() => buildSandbox('y = [1, [2]]')).toThrow('line 1, column 9: the items of an array');
  });

  it('builds random valid programs over scalars and arrays, failing only with a ParseError', () => {
    const P = { line: 1, column: 1 };
    const leaf = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((value): Expr => ({ kind: 'num', value, pos: P })),
      fc.constantFrom('x', 'w', 'v', 'M').map((name): Expr => ({ kind: 'var', name, pos: P })),
    );
    const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        tie('e').map((arg): Expr => ({ kind: 'neg', arg, pos: P })),
        fc
          .tuple(fc.constantFrom('+', '-', '*', '/', '^', '@' as const), tie('e'), tie('e'))
          .map(([op, left, right]): Expr => ({ kind: 'bin', op, left, right, pos: P })),
        fc
          .tuple(
            fc.constantFrom('exp', 'tanh', 'relu', 'sum', 'mean', 'softmax', 'logSoftmax' as const),
            tie('e'),
          )
          .map(([fn, arg]): Expr => ({ kind: 'call', fn, arg, pos: P })),
      ),
    })).e;
    fc.assert(
      fc.property(exprArb, fc.boolean(), (e, tensors) => {
        const defs = tensors
          ? 'x = 2; w = -1; v = [1, 2]; M = [[1, 0], [2, 3]]'
          : 'x = 2; w = -1; v = 3; M = 4';
        try {
          const g = buildSandbox(`${defs}\ny = ${printExpr(e)}`);
          expect(g.root.label).toBe(e.kind === 'var' ? e.name : 'y');
        } catch (err) {
          if (!(err instanceof ParseError)) throw err;
        }
      }),
      { numRuns: 500 },
    );
  });
});
