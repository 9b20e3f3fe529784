/**
 * Movement ops: they rearrange elements and do no arithmetic, so backward rearranges the gradient back.
 * reshape:    y = x viewed with attrs.shape (one −1 is inferred);  ∂L/∂x = reshape(∂L/∂y, x.shape)
 * transpose:  y = x with axes permuted by attrs.perm (default: reversed);  ∂L/∂x = permute(∂L/∂y, perm⁻¹)
 */
import { ShapeError, shapeStr } from '../core/errors';
import type { Attrs, TensorData } from '../core/types';
import type { Value } from '../scalar/value';
import { permute, td } from '../tensor/kernels';
import { sizeOf, stridesOf } from '../tensor/layout';
import { callWithAttrs } from './describe';
import { tensorRule, type OpDef } from './opdef';
import { forEachIndex } from '../tensor/kernels';

/** The target shape with a −1 filled in; a ShapeError if the sizes differ. */
export function resolveReshape(from: readonly number[], to: readonly number[]): number[] {
  const n = sizeOf(from);
  const free = to.filter((d) => d === -1).length;
  const known = to.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const bad = () =>
    new ShapeError(`reshape: cannot reshape ${shapeStr(from)} (${n} elements) to ${shapeStr(to)}`);
  if (free > 1 || to.some((d) => d < -1 || !Number.isInteger(d))) throw bad();
  if (free === 1) {
    if (known === 0 || n % known !== 0) throw bad();
    return to.map((d) => (d === -1 ? n / known : d));
  }
  if (known !== n) throw bad();
  return [...to];
}

/** attrs.perm or the reversed axes; checked to be a permutation of 0..rank−1. */
export function resolvePerm(shape: readonly number[], attrs: Attrs): number[] {
  const rank = shape.length;
  const perm = (attrs.perm as readonly number[] | null | undefined) ?? shape.map((_, i) => rank - 1 - i);
  const ok = perm.length === rank && [...perm].sort((a, b) => a - b).every((p, i) => p === i);
  if (!ok)
    throw new ShapeError(
      `transpose: perm [${perm.join(',')}] is not a permutation of the axes of ${shapeStr(shape)}`,
    );
  return [...perm];
}

export const reshapeOp: OpDef = {
  name: 'reshape',
  symbol: 'reshape',
  describe: callWithAttrs('reshape', ['shape']),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      const shape = resolveReshape((x as TensorData).shape, attrs.shape as readonly number[]);
      return { value: td(shape, (x as TensorData).data.slice()) };
    },
    vjp([x], _out, g) {
      return td((x as TensorData).shape, g.data);
    },
    lower([x]) {
      return [...(x as readonly Value[])];
    },
  }),
};

export const transposeOp: OpDef = {
  name: 'transpose',
  symbol: 'ᵀ',
  describe: callWithAttrs('transpose', ['perm']),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      return { value: permute(x as TensorData, resolvePerm((x as TensorData).shape, attrs)) };
    },
    vjp([x], _out, g, attrs) {
      const perm = resolvePerm((x as TensorData).shape, attrs);
      const inverse = new Array<number>(perm.length);
      perm.forEach((p, i) => (inverse[p] = i));
      return permute(g, inverse);
    },
    lower([x], [shape], outShape, attrs) {
      const perm = resolvePerm(shape as readonly number[], attrs);
      const own = stridesOf(shape as readonly number[]);
      const out = new Array<Value>(sizeOf(outShape));
      forEachIndex(outShape, [perm.map((p) => own[p] as number)], (i, [src]) => {
        out[i] = (x as readonly Value[])[src as number] as Value;
      });
      return out;
    },
  }),
};
