/**
 * Sandbox program → engine graph of scalar Values. Variables assigned a plain number become leaves
 * labelled by name; a variable used twice is the same node (so its gradients add up). The last
 * statement is the output.
 */
import { value, type Value } from '../../engine/index';
import type { Expr, Program } from './ast';
import { ParseError } from './errors';
import { parseProgram } from './parser';

export interface SandboxGraph {
  root: Value;
  /** Variables in order of definition. */
  variables: Map<string, Value>;
  program: Program;
}

/** The value of an expression made of numbers only (for exponents), or null if it has a variable. */
function constantValue(e: Expr): number | null {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
    case 'call':
      return null;
    case 'neg': {
      const v = constantValue(e.arg);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = constantValue(e.left);
      const r = constantValue(e.right);
      if (l === null || r === null) return null;
      return e.op === '+'
        ? l + r
        : e.op === '-'
          ? l - r
          : e.op === '*'
            ? l * r
            : e.op === '/'
              ? l / r
              : l ** r;
    }
  }
}

export function buildProgram(program: Program): SandboxGraph {
  const vars = new Map<string, Value>();
  const toValue = (e: Expr): Value => {
    switch (e.kind) {
      case 'num':
        return value(e.value, String(e.value));
      case 'var': {
        const v = vars.get(e.name);
        if (!v) {
          const known = [...vars.keys()];
          throw new ParseError(
            `"${e.name}" is not defined`,
            e.pos,
            known.length
              ? `one of ${known.join(', ')}, or define it first (${e.name} = …)`
              : `a definition first (${e.name} = …)`,
          );
        }
        return v;
      }
      case 'neg':
        return toValue(e.arg).neg();
      case 'call': {
        const a = toValue(e.arg);
        return e.fn === 'exp'
          ? a.exp()
          : e.fn === 'log'
            ? a.log()
            : e.fn === 'tanh'
              ? a.tanh()
              : e.fn === 'sigmoid'
                ? a.sigmoid()
                : a.relu();
      }
      case 'bin': {
        const l = toValue(e.left);
        if (e.op === '^') {
          const k = constantValue(e.right);
          if (k === null || !Number.isFinite(k)) {
            throw new ParseError(
              'the exponent must be a number',
              e.right.pos,
              'a constant exponent such as 2 or 0.5',
            );
          }
          return l.pow(k);
        }
        const r = toValue(e.right);
        return e.op === '+' ? l.add(r) : e.op === '-' ? l.sub(r) : e.op === '*' ? l.mul(r) : l.div(r);
      }
    }
  };
  let root: Value | null = null;
  for (const s of program.statements) {
    let v: Value;
    if (s.name && s.expr.kind === 'num') {
      v = value(s.expr.value, s.name);
    } else if (s.name && s.expr.kind === 'neg' && s.expr.arg.kind === 'num') {
      v = value(-s.expr.arg.value, s.name); // "w = -3" is a leaf, not neg(3)
    } else {
      v = toValue(s.expr);
      if (s.name && s.expr.kind !== 'var') v.label = s.name;
    }
    if (s.name) vars.set(s.name, v);
    root = v;
  }
  return { root: root as Value, variables: vars, program };
}

/** Parses and builds in one go. Throws `ParseError` for syntax and name errors. */
export function buildSandbox(src: string): SandboxGraph {
  return buildProgram(parseProgram(src));
}
