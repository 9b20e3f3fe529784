/** Prints a sandbox tree back to source with only the parentheses it needs (parse ∘ print = identity). */
import type { BinaryOp, Expr, Program } from './ast';

const PREC: Record<BinaryOp, number> = { '+': 10, '-': 10, '*': 20, '/': 20, '@': 20, '^': 30 };
const NEG_PREC = 25;
const ATOM_PREC = 100;

function prec(e: Expr): number {
  if (e.kind === 'bin') return PREC[e.op];
  if (e.kind === 'neg') return NEG_PREC;
  // A negative number prints as "-2", which parses as a negation: treat it as one.
  if (e.kind === 'num' && (e.value < 0 || Object.is(e.value, -0))) return NEG_PREC;
  return ATOM_PREC;
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return Object.is(e.value, -0) ? '-0' : String(e.value);
    case 'var':
      return e.name;
    case 'call':
      return `${e.fn}(${printExpr(e.arg)})`;
    case 'array':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'neg': {
      const inner = printExpr(e.arg);
      return prec(e.arg) < NEG_PREC ? `-(${inner})` : `-${inner}`;
    }
    case 'bin': {
      const p = PREC[e.op];
      const rightAssoc = e.op === '^';
      const l = printExpr(e.left);
      const r = printExpr(e.right);
      const lp = prec(e.left) < p || (rightAssoc && prec(e.left) <= p);
      const rp = prec(e.right) < p || (!rightAssoc && prec(e.right) === p);
      return `${lp ? `(${l})` : l} ${e.op} ${rp ? `(${r})` : r}`;
    }
  }
}

export function printProgram(p: Program): string {
  return p.statements
    .map((s) => (s.name ? `${s.name} = ${printExpr(s.expr)}` : printExpr(s.expr)))
    .join('; ');
}
