import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../lessons/sandbox/ast';
import { ParseError } from '../../lessons/sandbox/errors';
import { parseProgram } from '../../lessons/sandbox/parser';
import { printExpr, printProgram } from '../../lessons/sandbox/print';

/** The tree without positions, for comparing a round trip. */
function strip(e: Expr): unknown {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
      return e.name;
    case 'neg':
      return ['neg', strip(e.arg)];
    case 'call':
      return [e.fn, strip(e.arg)];
    case 'bin':
      return [e.op, strip(e.left), strip(e.right)];
    case 'array':
      return { array: e.items.map(strip) };
  }
}

const P = { line: 1, column: 1 };

/** Literal arrays: numbers of either sign (including −0) or nested arrays, ragged or not (parsing allows it). */
const arrayArb: fc.Arbitrary<Expr> = fc.letrec<{ a: Expr }>((tie) => ({
  a: fc
    .array(
      fc.oneof(
        { depthSize: 'small', maxDepth: 3 },
        fc
          .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
          .map((value): Expr => ({ kind: 'num', value, pos: P })),
        tie('a'),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((items): Expr => ({ kind: 'array', items: items as never, pos: P })),
})).a;

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map((value): Expr => ({ kind: 'num', value, pos: P })),
    fc.constantFrom('x', 'w', 'b', 'x1', 'y_2').map((name): Expr => ({ kind: 'var', name, pos: P })),
    tie('e').map((arg): Expr => ({ kind: 'neg', arg, pos: P })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '^', '@' as const), tie('e'), tie('e'))
      .map(([op, left, right]): Expr => ({ kind: 'bin', op, left, right, pos: P })),
    fc
      .tuple(
        fc.constantFrom(
          'exp',
          'log',
          'tanh',
          'sigmoid',
          'relu',
          'sum',
          'mean',
          'softmax',
          'logSoftmax' as const,
        ),
        tie('e'),
      )
      .map(([fn, arg]): Expr => ({ kind: 'call', fn, arg, pos: P })),
    arrayArb,
  ),
})).e;

describe('sandbox parser', () => {
  it('parses the micrograd example into statements, with precedence', () => {
    const p = parseProgram('x = 2; w = -3; b = 6.88; y = tanh(x*w + b)');
    expect(p.statements.map((s) => s.name)).toEqual(['x', 'w', 'b', 'y']);
    expect(strip(p.statements[1].expr)).toEqual(['neg', 3]);
    expect(strip(p.statements[3].expr)).toEqual(['tanh', ['+', ['*', 'x', 'w'], 'b']]);
  });

  it('gives ^ right associativity and binds it tighter than unary minus', () => {
    expect(strip(parseProgram('-x^2^3').statements[0].expr)).toEqual(['neg', ['^', 'x', ['^', 2, 3]]]);
    expect(strip(parseProgram('a - b - c').statements[0].expr)).toEqual(['-', ['-', 'a', 'b'], 'c']);
    expect(strip(parseProgram('a / b * c').statements[0].expr)).toEqual(['*', ['/', 'a', 'b'], 'c']);
  });

  it('accepts newlines, comments and the typographic minus', () => {
    const p = parseProgram('x = 1 # input\n\ny = \u2212x');
    expect(strip(p.statements[1].expr)).toEqual(['neg', 'x']);
    expect(p.statements[1].pos).toEqual({ line: 3, column: 1 });
  });

  it.each([
    ['x = 2 +', 'line 1, column 8: unexpected end of input; expected a number'],
    [
      'y = (x + 1',
      'line 1, column 11: unexpected end of input; expected ")" to close the "(" at line 1, column 5',
    ],
    ['x = 1\ny = x $ 2', 'line 2, column 7: unexpected character "$"'],
    [
      'y = foo(2)',
      'line 1, column 5: unknown function "foo"; expected one of exp, log, tanh, sigmoid, relu, sum, mean, softmax, logSoftmax',
    ],
    [
      'y = [1, x]',
      'line 1, column 9: unexpected "x" in an array; expected a number, "-" and a number, or "["',
    ],
    ['y = []', 'line 1, column 6: an empty array'],
    [
      'y = [1, 2',
      'line 1, column 10: unexpected end of input; expected "," or "]" to close the "[" at line 1, column 5',
    ],
    ['y = [1 2]', 'line 1, column 8: unexpected "2"; expected "," or "]"'],
    ['y = [1, -x]', 'line 1, column 9: unexpected "-" in an array'],
    ['y = W @ @ x', 'line 1, column 9: unexpected "@"'],
    ['y = 2 3', 'line 1, column 7: unexpected "3"; expected an operator'],
    ['exp = 3', 'line 1, column 1: "exp" is a function and cannot be assigned'],
    ['', 'nothing to compute'],
  ])('reports %j with its position', (src, message) => {
    expect(() => parseProgram(src)).toThrow(ParseError);
    expect(() => parseProgram(src)).toThrow(message);
  });

  it('parses literal arrays (signed numbers, nested, across lines) and @ at the precedence of *', () => {
    expect(strip(parseProgram('[1, -2.5, 3e2]').statements[0].expr)).toEqual({ array: [1, -2.5, 300] });
    const m = parseProgram('W = [[1, 2],\n     [3, 4]]\ny = W').statements;
    expect(m).toHaveLength(2);
    expect(strip(m[0].expr)).toEqual({ array: [{ array: [1, 2] }, { array: [3, 4] }] });
    expect(m[0].expr.pos).toEqual({ line: 1, column: 5 });
    expect(m[1].pos).toEqual({ line: 3, column: 1 });
    expect(strip(parseProgram('W @ x + b').statements[0].expr)).toEqual(['+', ['@', 'W', 'x'], 'b']);
    expect(strip(parseProgram('a * B @ c').statements[0].expr)).toEqual(['@', ['*', 'a', 'B'], 'c']);
    expect(strip(parseProgram('-W @ x').statements[0].expr)).toEqual(['@', ['neg', 'W'], 'x']);
    expect(strip(parseProgram('sum(logSoftmax(z))').statements[0].expr)).toEqual([
      'sum',
      ['logSoftmax', 'z'],
    ]);
  });

  it('rejects absurd nesting with a ParseError instead of overflowing the stack', () => {
    expect(() => parseProgram('('.repeat(5000) + 'x')).toThrow('nested too deeply');
    expect(() => parseProgram('['.repeat(5000) + '1')).toThrow('array nested too deeply');
  });

  it('never throws anything but ParseError on random input, and always returns', () => {
    const alphabet = fc.constantFrom(
      ...'xyw12.e+-*/^@()[],=;\n #\u2212abc$ '.split(''),
      'exp',
      'tanh',
      'relu(',
      'sum(',
      'softmax',
      'logSoftmax(',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        ),
        (src) => {
          try {
            parseProgram(src);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips random valid expressions through print → parse', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const printed = printExpr(e);
        const back = parseProgram(printed).statements;
        expect(back).toHaveLength(1);
        expect(strip(back[0].expr)).toEqual(strip(e));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips whole programs', () => {
    const src = 'x = 2; w = -3; b = 6.88; y = tanh(x * w + b)';
    expect(printProgram(parseProgram(src))).toBe(src);
    const t = 'x = [1, -2]; W = [[0.5, -1], [2, 0.25]]; b = [0.1, 0.2]; y = sum(tanh(W @ x + b))';
    expect(printProgram(parseProgram(t))).toBe(t);
  });
});
