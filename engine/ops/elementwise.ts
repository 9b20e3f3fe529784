/**
 * Tensor rules for elementwise ops, derived from the op's scalar rule so each derivative is written once:
 * forward applies f to every element (with broadcasting for two inputs), and the vector-Jacobian product is
 * ∂L/∂x_i = ∂L/∂z ⊙ ∂z/∂x_i, elementwise, in the output's shape (the engine then unbroadcasts it).
 * Lowering builds one scalar node per output element through `lowerBroadcast`.
 */
import type { Attrs, TensorData } from '../core/types';
import type { Value } from '../scalar/value';
import { td } from '../tensor/kernels';
import { broadcastShapes, broadcastStrides, sizeOf, type Shape } from '../tensor/layout';
import { forEachIndex } from '../tensor/kernels';
import { tensorRule, type ScalarRule, type TensorRule } from './opdef';

/** Build each output element from the matching (broadcast) input elements. */
export function lowerBroadcast(
  x: readonly (readonly Value[])[],
  shapes: readonly Shape[],
  outShape: Shape,
  f: (args: Value[]) => Value,
): Value[] {
  const strides = shapes.map((s) => broadcastStrides(s, outShape));
  const out = new Array<Value>(sizeOf(outShape));
  forEachIndex(outShape, strides, (i, offs) => {
    out[i] = f(offs.map((o, k) => (x[k] as readonly Value[])[o] as Value));
  });
  return out;
}

/** Unary op x ↦ f(x): map forward, g ⊙ f′(x) backward. */
export function unaryTensorRule(
  rule: ScalarRule,
  lowerOne: (x: Value, attrs: Attrs) => Value,
): TensorRule<unknown> {
  return tensorRule<undefined>({
    forward([x], attrs) {
      const a = x as TensorData;
      const out = new Float64Array(a.data.length);
      const arg = [0];
      for (let i = 0; i < out.length; i++) {
        arg[0] = a.data[i] as number;
        out[i] = rule.forward(arg, attrs);
      }
      return { value: td(a.shape, out) };
    },
    vjp([x], out, g, attrs) {
      const a = x as TensorData;
      const r = new Float64Array(g.data.length);
      const arg = [0];
      for (let i = 0; i < r.length; i++) {
        arg[0] = a.data[i] as number;
        r[i] = (g.data[i] as number) * rule.local(arg, out.data[i] as number, attrs, 0);
      }
      return td(a.shape, r);
    },
    lower(x, _shapes, _outShape, attrs) {
      return (x[0] as readonly Value[]).map((v) => lowerOne(v, attrs));
    },
  });
}

/** Binary op (x, y) ↦ f(x, y) with NumPy broadcasting; `vjp` may be given when it is cheaper than the generic one. */
export function binaryTensorRule(
  name: string,
  rule: ScalarRule,
  lowerOne: (x: Value, y: Value) => Value,
  vjp?: TensorRule<undefined>['vjp'],
): TensorRule<unknown> {
  return tensorRule<undefined>({
    forward([a, b], attrs) {
      const shape = broadcastShapes((a as TensorData).shape, (b as TensorData).shape, name);
      const n = sizeOf(shape);
      const out = new Float64Array(n);
      const arg = [0, 0];
      eachPair(a as TensorData, b as TensorData, shape, (i, xa, xb) => {
        arg[0] = xa;
        arg[1] = xb;
        out[i] = rule.forward(arg, attrs);
      });
      return { value: td(shape, out) };
    },
    vjp:
      vjp ??
      ((x, out, g, attrs, _saved, which) => {
        const r = new Float64Array(g.data.length);
        const arg = [0, 0];
        eachPair(x[0] as TensorData, x[1] as TensorData, out.shape, (i, xa, xb) => {
          arg[0] = xa;
          arg[1] = xb;
          r[i] = (g.data[i] as number) * rule.local(arg, out.data[i] as number, attrs, which);
        });
        return td(out.shape, r);
      }),
    lower(x, shapes, outShape) {
      return lowerBroadcast(x, shapes, outShape, ([p, q]) => lowerOne(p as Value, q as Value));
    },
  });
}

/** Visit (a, b) element pairs in the broadcast shape, with fast paths for equal shapes and a scalar side. */
export function eachPair(
  a: TensorData,
  b: TensorData,
  shape: Shape,
  visit: (i: number, x: number, y: number) => void,
): void {
  const n = sizeOf(shape);
  const ad = a.data;
  const bd = b.data;
  if (ad.length === n && bd.length === n) {
    for (let i = 0; i < n; i++) visit(i, ad[i] as number, bd[i] as number);
  } else if (bd.length === 1 && ad.length === n) {
    for (let i = 0; i < n; i++) visit(i, ad[i] as number, bd[0] as number);
  } else if (ad.length === 1 && bd.length === n) {
    for (let i = 0; i < n; i++) visit(i, ad[0] as number, bd[i] as number);
  } else {
    const sa = broadcastStrides(a.shape, shape);
    const sb = broadcastStrides(b.shape, shape);
    forEachIndex(shape, [sa, sb], (i, [ia, ib]) =>
      visit(i, ad[ia as number] as number, bd[ib as number] as number),
    );
  }
}
