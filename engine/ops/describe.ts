/** Formula builders for `OpDef.describe`: the op's symbols, then the same line with numbers. */
import { tex } from '../core/format';
import type { DescribeArgs, Formula } from './opdef';

/** Wrap a negative formatted number in parentheses: `(−3.0000)`. */
export function paren(s: string): string {
  return s.startsWith('−') ? `(${s})` : s;
}

function formula(text: string): Formula {
  return { text, latex: tex(text) };
}

/** `z = x · w = 2.0000 × (−3.0000) = −6.0000`: `sym` between labels, `num` between numbers. */
export function infix(sym: string, num = sym) {
  return (a: DescribeArgs): Formula =>
    formula(
      `${a.outLabel} = ${a.labels[0]} ${sym} ${a.labels[1]} = ${paren(a.values[0] ?? '')} ${num} ${paren(a.values[1] ?? '')} = ${a.outValue}`,
    );
}

/** `y = tanh(x) = tanh(0.5000) = 0.4621` */
export function call(name: string) {
  return (a: DescribeArgs): Formula =>
    formula(
      `${a.outLabel} = ${name}(${a.labels.join(', ')}) = ${name}(${a.values.join(', ')}) = ${a.outValue}`,
    );
}

/** `y = name(x; axis=1) = …`: a call with attributes named. */
export function callWithAttrs(name: string, keys: readonly string[]) {
  return (a: DescribeArgs): Formula => {
    const extra = keys
      .filter((k) => a.attrs[k] !== undefined && a.attrs[k] !== null)
      .map((k) => `${k}=${JSON.stringify(a.attrs[k])}`);
    const args = [...a.labels, ...extra].join(', ');
    const vals = [...a.values, ...extra].join(', ');
    return formula(`${a.outLabel} = ${name}(${args}) = ${name}(${vals}) = ${a.outValue}`);
  };
}
