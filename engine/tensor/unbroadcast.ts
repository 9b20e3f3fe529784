/**
 * The one place broadcasting is undone in backward: a gradient computed in the broadcast (output) shape is
 * summed over the axes the input was repeated along, so it has exactly the input's shape.
 * E.g. b [3] added to x [2,3]: ∂L/∂b_j = Σ_i ∂L/∂z_ij.
 */
import { ShapeError, shapeStr } from '../core/errors';
import type { TensorData } from '../core/types';
import { broadcastStrides, sameShape, sizeOf, type Shape } from './layout';
import { forEachIndex, td } from './kernels';

export function unbroadcast(grad: TensorData, shape: Shape): TensorData {
  if (sameShape(grad.shape, shape)) return grad;
  const n = sizeOf(shape);
  if (grad.data.length === n) return td(shape, grad.data); // same elements, e.g. [1,3] vs [3]
  const offset = grad.shape.length - shape.length;
  let ok = offset >= 0;
  for (let i = 0; ok && i < shape.length; i++) {
    const d = shape[i] as number;
    ok = d === 1 || d === grad.shape[offset + i];
  }
  if (!ok)
    throw new ShapeError(
      `unbroadcast: gradient of shape ${shapeStr(grad.shape)} cannot reduce to ${shapeStr(shape)}`,
    );
  const out = new Float64Array(n);
  if (n === 1) {
    let s = 0;
    for (let i = 0; i < grad.data.length; i++) s += grad.data[i] as number;
    out[0] = s;
    return td(shape, out);
  }
  // Read the output through the input's broadcast strides: repeated positions add into one slot.
  const into = broadcastStrides(shape, grad.shape);
  forEachIndex(grad.shape, [into], (i, [o]) => {
    out[o as number] = (out[o as number] as number) + (grad.data[i] as number);
  });
  return td(shape, out);
}
