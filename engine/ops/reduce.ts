/**
 * Reductions over one axis (attrs.axis, negative counts from the end) or over all elements (axis null).
 * attrs.keepDims keeps the reduced axis with length 1.
 *
 * sum:  y = Σ_k x_k,        ∂y/∂x_k = 1         — the upstream gradient is copied back to every element.
 * max:  y = max_k x_k,      ∂y/∂x_k = [k = argmax] — only the (first) maximum receives the gradient.
 * mean is derived: mean(x) = sum(x) · 1/n.
 */
import type { Attrs, TensorData } from '../core/types';
import type { Value } from '../scalar/value';
import { broadcastTo, maxAxis, sumAxis, td } from '../tensor/kernels';
import { normalizeAxis, sizeOf } from '../tensor/layout';
import { callWithAttrs } from './describe';
import { tensorRule, type OpDef } from './opdef';

interface Plan {
  /** The input seen as [outer, len, inner] around the reduced axis. */
  view: TensorData;
  axis: number;
  outShape: number[];
  /** The output shape with the reduced axis kept as 1 (for broadcasting the gradient back). */
  keptShape: number[];
}

/** Where a reduction goes: the axis, and the output shape with or without the reduced axis. */
export function reducePlan(x: TensorData, attrs: Attrs, op: string): Plan {
  const axisAttr = attrs.axis;
  if (axisAttr === undefined || axisAttr === null) {
    const view = td([x.data.length], x.data);
    const keptShape = x.shape.map(() => 1);
    return { view, axis: 0, outShape: attrs.keepDims ? keptShape : [], keptShape };
  }
  const axis = normalizeAxis(axisAttr as number, x.shape, op);
  const keptShape = x.shape.map((d, i) => (i === axis ? 1 : d));
  const outShape = attrs.keepDims ? keptShape : x.shape.filter((_, i) => i !== axis);
  return { view: x, axis, outShape, keptShape };
}

export const sumOp: OpDef = {
  name: 'sum',
  symbol: 'Σ',
  describe: callWithAttrs('Σ', ['axis']),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      const p = reducePlan(x as TensorData, attrs, 'sum');
      return { value: td(p.outShape, sumAxis(p.view, p.axis)) };
    },
    vjp([x], _out, g, attrs) {
      const p = reducePlan(x as TensorData, attrs, 'sum');
      return td((x as TensorData).shape, broadcastTo(td(p.keptShape, g.data), (x as TensorData).shape));
    },
    lower([x], [shape], outShape, attrs) {
      const xs = x as readonly Value[];
      const p = reducePlan(td(shape as number[], new Float64Array(xs.length)), attrs, 'sum');
      return groups(p, sizeOf(outShape)).map((idx) =>
        idx.slice(1).reduce((acc, k) => acc.add(xs[k] as Value), xs[idx[0] as number] as Value),
      );
    },
  }),
};

export const maxOp: OpDef = {
  name: 'max',
  symbol: 'max',
  describe: callWithAttrs('max', ['axis']),
  tensor: tensorRule<Int32Array>({
    forward([x], attrs) {
      const p = reducePlan(x as TensorData, attrs, 'max');
      const { values, argmax } = maxAxis(p.view, p.axis);
      return { value: td(p.outShape, values), saved: argmax };
    },
    vjp([x], _out, g, _attrs, argmax) {
      const r = new Float64Array((x as TensorData).data.length);
      const am = argmax as Int32Array;
      for (let j = 0; j < am.length; j++)
        r[am[j] as number] = (r[am[j] as number] as number) + (g.data[j] as number);
      return td((x as TensorData).shape, r);
    },
    // The lowered max is the maximal element itself: the gradient reaches exactly that element.
    lower([x], _shapes, _outShape, _attrs, argmax) {
      return Array.from(argmax as Int32Array, (k) => (x as readonly Value[])[k] as Value);
    },
  }),
};

/** For each output element, the flat input indices it reduces over. */
function groups(p: Plan, outSize: number): number[][] {
  const shape = p.view.shape;
  let inner = 1;
  for (let i = p.axis + 1; i < shape.length; i++) inner *= shape[i] as number;
  const len = shape[p.axis] as number;
  const out: number[][] = [];
  for (let j = 0; j < outSize; j++) {
    const o = Math.floor(j / inner);
    const i = j % inner;
    const idx: number[] = [];
    for (let k = 0; k < len; k++) idx.push((o * len + k) * inner + i);
    out.push(idx);
  }
  return out;
}
