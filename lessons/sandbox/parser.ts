/**
 * A hand-written Pratt parser for the sandbox language. It never evaluates code; it only builds a tree.
 *
 *   program   = statement { (";" | newline) statement }
 *   statement = name "=" expr | expr
 *   expr      = expr ("+"|"-") expr | expr ("*"|"/"|"@") expr | expr "^" expr   (right-assoc.)
 *             | "-" expr | number | name | fn "(" expr ")" | "(" expr ")" | array
 *   array     = "[" item { "," item } "]"          (new lines allowed inside)
 *   item      = ["-"] number | array
 *
 * Binding powers: + − 10, × ÷ @ 20, unary − 25, ^ 30, so −x^2 = −(x^2) as in maths, and W @ x + b is
 * (W @ x) + b as in NumPy.
 */
import {
  FUNCTIONS,
  type ArrayItem,
  type BinaryOp,
  type Expr,
  type FunctionName,
  type Program,
  type Statement,
} from './ast';
import { ParseError } from './errors';
import { tokenize, type Token } from './lexer';

const INFIX: Record<string, { lbp: number; rbp: number }> = {
  '+': { lbp: 10, rbp: 11 },
  '-': { lbp: 10, rbp: 11 },
  '*': { lbp: 20, rbp: 21 },
  '/': { lbp: 20, rbp: 21 },
  '@': { lbp: 20, rbp: 21 },
  '^': { lbp: 30, rbp: 29 },
};
const PREFIX_MINUS_BP = 25;
/** Guards the recursion: a pathological input like "((((…" is an error, not a stack overflow. */
const MAX_DEPTH = 200;

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(name);
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'end of input';
  if (t.type === 'sep') return t.text === ';' ? '";"' : 'end of line';
  return `"${t.text}"`;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.i++;
    return t;
  }

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      while (this.peek().type === 'sep') this.next();
      if (this.peek().type === 'eof') break;
      statements.push(this.statement());
      const t = this.peek();
      if (t.type !== 'sep' && t.type !== 'eof') {
        throw new ParseError(`unexpected ${describe(t)}`, t.pos, 'an operator, ";" or a new line');
      }
    }
    if (statements.length === 0) {
      throw new ParseError(
        'nothing to compute',
        this.peek().pos,
        'a statement such as "y = tanh(2 * -3 + 6.88)"',
      );
    }
    return { statements };
  }

  private statement(): Statement {
    const t = this.peek();
    if (t.type === 'ident' && this.peek(1).type === 'assign') {
      if (isFunctionName(t.text)) {
        throw new ParseError(`"${t.text}" is a function and cannot be assigned`, t.pos, 'a variable name');
      }
      this.next();
      this.next();
      return { name: t.text, expr: this.expr(0), pos: t.pos };
    }
    return { name: null, expr: this.expr(0), pos: t.pos };
  }

  private expr(minBp: number): Expr {
    if (++this.depth > MAX_DEPTH)
      throw new ParseError('expression nested too deeply', this.peek().pos, `at most ${MAX_DEPTH} levels`);
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      const bp = t.type === 'op' ? INFIX[t.text] : undefined;
      if (!bp || bp.lbp < minBp) break;
      this.next();
      const right = this.expr(bp.rbp);
      left = { kind: 'bin', op: t.text as BinaryOp, left, right, pos: t.pos };
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'num':
        return { kind: 'num', value: Number(t.text), pos: t.pos };
      case 'op':
        if (t.text === '-') return { kind: 'neg', arg: this.expr(PREFIX_MINUS_BP), pos: t.pos };
        break;
      case 'lparen': {
        const inner = this.expr(0);
        this.expect('rparen', '")"', t);
        return inner;
      }
      case 'lbracket':
        return this.array(t);
      case 'ident': {
        if (this.peek().type === 'lparen') {
          if (!isFunctionName(t.text)) {
            throw new ParseError(`unknown function "${t.text}"`, t.pos, `one of ${FUNCTIONS.join(', ')}`);
          }
          const open = this.next();
          const arg = this.expr(0);
          this.expect('rparen', '")"', open);
          return { kind: 'call', fn: t.text, arg, pos: t.pos };
        }
        if (isFunctionName(t.text)) {
          throw new ParseError(
            `function "${t.text}" needs an argument`,
            this.peek().pos,
            `"(" after ${t.text}`,
          );
        }
        return { kind: 'var', name: t.text, pos: t.pos };
      }
      default:
        break;
    }
    throw new ParseError(`unexpected ${describe(t)}`, t.pos, 'a number, a name, "-", a function, "(" or "["');
  }

  /** A literal array after its "[": numbers (with an optional minus) or nested arrays, comma-separated. */
  private array(open: Token): Expr {
    if (++this.depth > MAX_DEPTH)
      throw new ParseError('array nested too deeply', open.pos, `at most ${MAX_DEPTH} levels`);
    const items: ArrayItem[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.next();
      if (t.type === 'lbracket') {
        items.push(this.array(t) as ArrayItem);
      } else if (t.type === 'num') {
        items.push({ kind: 'num', value: Number(t.text), pos: t.pos });
      } else if (t.type === 'op' && t.text === '-' && this.peek().type === 'num') {
        const n = this.next();
        items.push({ kind: 'num', value: -Number(n.text), pos: t.pos });
      } else {
        throw new ParseError(
          t.type === 'rbracket' && items.length === 0
            ? 'an empty array'
            : `unexpected ${describe(t)} in an array`,
          t.pos,
          'a number, "-" and a number, or "[" (array items are numbers, not expressions)',
        );
      }
      this.skipNewlines();
      const sep = this.peek();
      if (sep.type === 'comma') {
        this.next();
        continue;
      }
      this.expect('rbracket', '"," or "]"', open);
      break;
    }
    this.depth--;
    return { kind: 'array', items, pos: open.pos };
  }

  /** Inside brackets a new line is only layout. */
  private skipNewlines(): void {
    while (this.peek().type === 'sep' && this.peek().text !== ';') this.next();
  }

  private expect(type: Token['type'], what: string, opened: Token): void {
    const t = this.peek();
    if (t.type !== type) {
      throw new ParseError(
        `unexpected ${describe(t)}`,
        t.pos,
        `${what} to close the "${opened.text}" at line ${opened.pos.line}, column ${opened.pos.column}`,
      );
    }
    this.next();
  }
}

/** Parses sandbox source. Throws only `ParseError`. */
export function parseProgram(src: string): Program {
  return new Parser(tokenize(src)).program();
}
