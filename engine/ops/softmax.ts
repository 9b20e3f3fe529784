/**
 * softmax along attrs.axis (default −1), computed with the log-sum-exp shift m = max_j x_j so that
 * e^{x_j − m} ≤ 1 never overflows:
 *   softmax:     y_k = e^{x_k − m} / Σ_j e^{x_j − m}
 *                ∂L/∂x_k = y_k (∂L/∂y_k − Σ_j ∂L/∂y_j y_j)
 *   logSoftmax:  y_k = x_k − m − log Σ_j e^{x_j − m}
 *                ∂L/∂x_k = ∂L/∂y_k − softmax(x)_k Σ_j ∂L/∂y_j
 */
import type { Attrs, TensorData } from '../core/types';
import type { Value } from '../scalar/value';
import { axisSplit, td } from '../tensor/kernels';
import { normalizeAxis } from '../tensor/layout';
import { callWithAttrs } from './describe';
import { tensorRule, type OpDef } from './opdef';

function axisOf(x: TensorData, attrs: Attrs, op: string): number {
  const a = attrs.axis;
  return normalizeAxis(a === undefined || a === null ? -1 : (a as number), x.shape, op);
}

/**
 * Visit every line along `axis`: `idx(k)` gives the flat index of its k-th element. One loop shape serves
 * forward and backward of both ops.
 */
function eachLine(
  shape: readonly number[],
  axis: number,
  visit: (idx: (k: number) => number, len: number) => void,
): void {
  const { outer, len, inner } = axisSplit(shape, axis);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      visit((k) => base + k * inner, len);
    }
}

/** y = softmax(x) or log softmax(x) along `axis`, shifted by the line's max. */
function softmaxForward(x: TensorData, axis: number, log: boolean): Float64Array {
  const out = new Float64Array(x.data.length);
  const d = x.data;
  eachLine(x.shape, axis, (idx, len) => {
    let m = -Infinity;
    for (let k = 0; k < len; k++) m = Math.max(m, d[idx(k)] as number);
    if (m === -Infinity || Number.isNaN(m)) m = 0; // all −∞ (or NaN): no shift; the NaN stays visible
    let s = 0;
    for (let k = 0; k < len; k++) s += Math.exp((d[idx(k)] as number) - m);
    const logS = Math.log(s);
    for (let k = 0; k < len; k++) {
      const z = (d[idx(k)] as number) - m;
      out[idx(k)] = log ? z - logS : Math.exp(z) / s;
    }
  });
  return out;
}

/** Lowered softmax: scalar exps, one sum and divides; the shift m is a constant (softmax ignores it). */
function lowerLine(xs: readonly Value[], log: boolean): Value[] {
  const m = Math.max(...xs.map((v) => v.data));
  const shifted = xs.map((v) => v.sub(m));
  const exps = shifted.map((z) => z.exp());
  const s = exps.slice(1).reduce((acc, e) => acc.add(e), exps[0] as Value);
  if (!log) return exps.map((e) => e.div(s));
  const logS = s.log();
  return shifted.map((z) => z.sub(logS));
}

function lowerAlong(x: readonly Value[], shape: readonly number[], attrs: Attrs, log: boolean): Value[] {
  const axis = axisOf(td(shape, new Float64Array(0)), attrs, log ? 'logSoftmax' : 'softmax');
  const out = new Array<Value>(x.length);
  eachLine(shape, axis, (idx, len) => {
    const line: Value[] = [];
    for (let k = 0; k < len; k++) line.push(x[idx(k)] as Value);
    lowerLine(line, log).forEach((v, k) => (out[idx(k)] = v));
  });
  return out;
}

export const softmaxOp: OpDef = {
  name: 'softmax',
  symbol: 'softmax',
  describe: callWithAttrs('softmax', ['axis']),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      const a = x as TensorData;
      return { value: td(a.shape, softmaxForward(a, axisOf(a, attrs, 'softmax'), false)) };
    },
    vjp([x], out, g, attrs) {
      const a = x as TensorData;
      const r = new Float64Array(a.data.length);
      const y = out.data;
      eachLine(a.shape, axisOf(a, attrs, 'softmax'), (idx, len) => {
        let dot = 0;
        for (let k = 0; k < len; k++) dot += (g.data[idx(k)] as number) * (y[idx(k)] as number);
        for (let k = 0; k < len; k++) r[idx(k)] = (y[idx(k)] as number) * ((g.data[idx(k)] as number) - dot);
      });
      return td(a.shape, r);
    },
    lower([x], [shape], _out, attrs) {
      return lowerAlong(x as readonly Value[], shape as readonly number[], attrs, false);
    },
  }),
};

export const logSoftmaxOp: OpDef = {
  name: 'logSoftmax',
  symbol: 'log softmax',
  describe: callWithAttrs('logSoftmax', ['axis']),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      const a = x as TensorData;
      return { value: td(a.shape, softmaxForward(a, axisOf(a, attrs, 'logSoftmax'), true)) };
    },
    vjp([x], out, g, attrs) {
      const a = x as TensorData;
      const r = new Float64Array(a.data.length);
      eachLine(a.shape, axisOf(a, attrs, 'logSoftmax'), (idx, len) => {
        let total = 0;
        for (let k = 0; k < len; k++) total += g.data[idx(k)] as number;
        // softmax(x)_k = e^{y_k} since y is log softmax.
        for (let k = 0; k < len; k++)
          r[idx(k)] = (g.data[idx(k)] as number) - Math.exp(out.data[idx(k)] as number) * total;
      });
      return td(a.shape, r);
    },
    lower([x], [shape], _out, attrs) {
      return lowerAlong(x as readonly Value[], shape as readonly number[], attrs, true);
    },
  }),
};
