/**
 * The unary elementwise primitives. Each rule gives the forward f(x) and its local derivative f′(x)
 * beside it; the tensor rule applies them elementwise (see `elementwise.ts`). `backward` is the same chain
 * rule written out for scalar mode's fast path (y at `at`, x at i): ∂L/∂x += ∂L/∂y · f′(x).
 */
import { call, paren } from './describe';
import { tex } from '../core/format';
import { unaryTensorRule } from './elementwise';
import type { OpDef, ScalarRule } from './opdef';

function unary(
  name: string,
  symbol: string,
  rule: ScalarRule,
  lowerOne: Parameters<typeof unaryTensorRule>[1],
  describe: OpDef['describe'] = call(name),
): OpDef {
  return { name, symbol, describe, scalar: rule, tensor: unaryTensorRule(rule, lowerOne) };
}

/** neg:  y = −x,  ∂y/∂x = −1 */
export const negOp = unary(
  'neg',
  '−',
  {
    forward: (x) => -(x[0] as number),
    local: () => -1,
    backward: (g, _x, at, i) => {
      g[i] += (g[at] as number) * -1;
    },
  },
  (x) => x.neg(),
  (a) => {
    const text = `${a.outLabel} = −${a.labels[0]} = −${paren(a.values[0] ?? '')} = ${a.outValue}`;
    return { text, latex: tex(text) };
  },
);

/**
 * pow:  y = x^k (k a fixed number, attrs.k),  ∂y/∂x = k·x^{k−1}
 * For k = 0, y = 1 is constant and ∂y/∂x = 0 everywhere (as PyTorch), not 0·x^{−1} = NaN at x = 0.
 */
export const powOp = unary(
  'pow',
  'xᵏ',
  {
    forward: (x, attrs) => Math.pow(x[0] as number, attrs.k as number),
    local: (x, _out, attrs) => {
      const k = attrs.k as number;
      return k === 0 ? 0 : k * Math.pow(x[0] as number, k - 1);
    },
    backward: (g, x, at, i, _j, attrs) => {
      const k = attrs.k as number;
      g[i] += (g[at] as number) * (k === 0 ? 0 : k * Math.pow(x[i] as number, k - 1));
    },
  },
  (x, attrs) => x.pow(attrs.k as number),
  (a) => {
    const k = String(a.attrs.k).replace('-', '−');
    const text = `${a.outLabel} = ${a.labels[0]}^${k} = ${paren(a.values[0] ?? '')}^${k} = ${a.outValue}`;
    return { text, latex: tex(text.split(`^${k}`).join(`^{${k}}`)) };
  },
);

/** exp:  y = e^x,  ∂y/∂x = e^x = y */
export const expOp = unary(
  'exp',
  'exp',
  {
    forward: (x) => Math.exp(x[0] as number),
    local: (_x, out) => out,
    backward: (g, x, at, i) => {
      g[i] += (g[at] as number) * (x[at] as number);
    },
  },
  (x) => x.exp(),
);

/** log:  y = ln x,  ∂y/∂x = 1/x  (x ≤ 0 gives NaN or −∞, reported as non-finite) */
export const logOp = unary(
  'log',
  'log',
  {
    forward: (x) => Math.log(x[0] as number),
    local: (x) => 1 / (x[0] as number),
    backward: (g, x, at, i) => {
      g[i] += (g[at] as number) * (1 / (x[i] as number));
    },
  },
  (x) => x.log(),
);

/** tanh:  y = tanh x,  ∂y/∂x = 1 − y² */
export const tanhOp = unary(
  'tanh',
  'tanh',
  {
    forward: (x) => Math.tanh(x[0] as number),
    local: (_x, out) => 1 - out * out,
    backward: (g, x, at, i) => {
      const y = x[at] as number;
      g[i] += (g[at] as number) * (1 - y * y);
    },
  },
  (x) => x.tanh(),
);

/**
 * sigmoid:  σ(x) = 1 / (1 + e^{−x}),  ∂σ/∂x = σ(x)(1 − σ(x))
 * Kept a primitive (not built from exp and div): σ(1−σ) is a point the lecture makes.
 * Forward avoids overflow of e^{−x} for very negative x by using e^{x}/(1 + e^{x}) there.
 */
export const sigmoidOp = unary(
  'sigmoid',
  'σ',
  {
    forward: (x) => {
      const v = x[0] as number;
      if (v >= 0) return 1 / (1 + Math.exp(-v));
      const e = Math.exp(v);
      return e / (1 + e);
    },
    local: (_x, out) => out * (1 - out),
    backward: (g, x, at, i) => {
      const y = x[at] as number;
      g[i] += (g[at] as number) * (y * (1 - y));
    },
  },
  (x) => x.sigmoid(),
  call('σ'),
);

/**
 * relu:  y = max(0, x),  ∂y/∂x = 1 if x > 0 else 0.
 * Written as a step (x > 0), not max(0, x): at x = 0 the derivative is 0, no half-gradient (as in tinygrad).
 */
export const reluOp = unary(
  'relu',
  'relu',
  {
    forward: (x) => ((x[0] as number) > 0 ? (x[0] as number) : 0),
    local: (x) => ((x[0] as number) > 0 ? 1 : 0),
    backward: (g, x, at, i) => {
      g[i] += (g[at] as number) * ((x[i] as number) > 0 ? 1 : 0);
    },
  },
  (x) => x.relu(),
);
