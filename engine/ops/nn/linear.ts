/**
 * linear:  z^{[l]} = a^{[l−1]} W^{[l]ᵀ} + b^{[l]}   (x [N,in], W [out,in] as PyTorch stores it, b [out])
 *   ∂L/∂x = ∂L/∂z · W,   ∂L/∂W = (∂L/∂z)ᵀ · x,   ∂L/∂b = Σ_n ∂L/∂z[n,:]
 * One op rather than matmul + transpose + add, so the inspector shows the lecture's W x + b as one step and
 * the product runs on rows of x and W as stored (no transposed copy). A 1-d x [in] gives z [out].
 */
import { ShapeError, shapeStr } from '../../core/errors';
import type { TensorData } from '../../core/types';
import type { Value } from '../../scalar/value';
import { gemmNN, gemmNT, gemmTN } from '../../tensor/gemm';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

export function linearSizes(
  xShape: readonly number[],
  wShape: readonly number[],
  bShape: readonly number[] | undefined,
): { N: number; inF: number; outF: number } {
  const shapes = `x is ${shapeStr(xShape)}, W is ${shapeStr(wShape)}${bShape ? `, b is ${shapeStr(bShape)}` : ''}`;
  if (wShape.length !== 2) throw new ShapeError(`linear: W must be 2-d [out,in]: ${shapes}`);
  if (xShape.length !== 1 && xShape.length !== 2)
    throw new ShapeError(`linear: x must be [N,in] or [in]: ${shapes}`);
  const [outF, inF] = wShape;
  if (xShape[xShape.length - 1] !== inF)
    throw new ShapeError(`linear: x's features differ from W's in: ${shapes}`);
  if (bShape && (bShape.length !== 1 || bShape[0] !== outF))
    throw new ShapeError(`linear: b must be [${outF}] to match W's out: ${shapes}`);
  return { N: xShape.length === 2 ? xShape[0] : 1, inF, outF };
}

export const linearOp: OpDef = {
  name: 'linear',
  symbol: 'Wx+b',
  describe: (a) =>
    formula(
      `${a.outLabel} = ${a.labels[0]} ${a.labels[1]}ᵀ${a.labels[2] ? ` + ${a.labels[2]}` : ''} = ${a.values[0]} ${a.values[1]}ᵀ${a.values[2] ? ` + ${a.values[2]}` : ''} = ${a.outValue}`,
    ),
  tensor: tensorRule<undefined>({
    forward([x, w, b]) {
      const { N, inF, outF } = linearSizes(x.shape, w.shape, b?.shape);
      const out = new Float64Array(N * outF);
      if (b) for (let n = 0; n < N; n++) out.set(b.data, n * outF);
      gemmNT(x.data, w.data, out, N, inF, outF);
      return { value: { shape: x.shape.length === 2 ? [N, outF] : [outF], data: out } };
    },
    vjp([x, w], _out, g, _attrs, _saved, i): TensorData {
      const { N, inF, outF } = linearSizes(x.shape, w.shape, undefined);
      if (i === 0) {
        const dx = new Float64Array(N * inF);
        gemmNN(g.data, w.data, dx, N, outF, inF);
        return { shape: x.shape, data: dx };
      }
      if (i === 1) {
        const dw = new Float64Array(outF * inF);
        gemmTN(g.data, x.data, dw, outF, N, inF);
        return { shape: w.shape, data: dw };
      }
      const db = new Float64Array(outF);
      for (let n = 0; n < N; n++) for (let o = 0; o < outF; o++) db[o] += g.data[n * outF + o];
      return { shape: [outF], data: db };
    },
    // z[n,o] = b[o] + Σ_k x[n,k] · W[o,k]: one multiply per weight, then a chain of adds.
    lower(x, shapes): Value[] {
      const { N, inF, outF } = linearSizes(shapes[0], shapes[1], shapes[2]);
      const [xs, ws, bs] = x;
      const out: Value[] = [];
      for (let n = 0; n < N; n++)
        for (let o = 0; o < outF; o++) {
          let acc = xs[n * inF].mul(ws[o * inF]);
          for (let k = 1; k < inF; k++) acc = acc.add(xs[n * inF + k].mul(ws[o * inF + k]));
          out.push(bs ? acc.add(bs[o]) : acc);
        }
      return out;
    },
  }),
};
