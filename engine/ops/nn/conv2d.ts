/**
 * conv2d (cross-correlation, as PyTorch), x [N,C,H,W], w [O,C,kH,kW], b [O] optional, stride s, padding pad:
 *   z[n,o,i,j] = b[o] + Σ_{c,p,q} w[o,c,p,q] · x[n, c, i·s+p−pad, j·s+q−pad]
 *   ∂L/∂w[o,c,p,q] = Σ_{n,i,j} ∂L/∂z[n,o,i,j] · x[n, c, i·s+p−pad, j·s+q−pad]
 *   ∂L/∂x[n,c,h,v] = Σ over every (o, i, j, p, q) whose window puts w[o,c,p,q] on x[n,c,h,v] of w · ∂L/∂z
 *   ∂L/∂b[o]       = Σ_{n,i,j} ∂L/∂z[n,o,i,j]
 * Runs as im2col + matrix product (engine/nn/kernels/conv.ts); the columns are kept for ∂L/∂w.
 */
import { ShapeError, shapeStr } from '../../core/errors';
import type { Value } from '../../scalar/value';
import {
  conv2dForward,
  conv2dGradBias,
  conv2dGradInput,
  conv2dGradWeight,
  convGeometry,
  type ConvGeometry,
} from '../../nn/kernels/conv';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

interface Saved {
  g: ConvGeometry;
  cols: Float64Array;
}

export const conv2dOp: OpDef = {
  name: 'conv2d',
  symbol: '∗',
  describe: (a) =>
    formula(
      `${a.outLabel} = conv2d(${a.labels.join(', ')}; stride=${a.attrs.stride}, padding=${a.attrs.padding}) = conv2d(${a.values.join(', ')}) = ${a.outValue}`,
    ),
  tensor: tensorRule<Saved>({
    forward([x, w, b], attrs) {
      const g = convGeometry('conv2d', x.shape, w.shape, attrs.stride as number, attrs.padding as number);
      if (b && (b.shape.length !== 1 || b.shape[0] !== g.O))
        throw new ShapeError(
          `conv2d: bias must be [${g.O}] for w ${shapeStr(w.shape)}, got b ${shapeStr(b.shape)}`,
        );
      const { out, cols } = conv2dForward(x.data, w.data, b ? b.data : null, g);
      return { value: { shape: [g.N, g.O, g.Ho, g.Wo], data: out }, saved: { g, cols } };
    },
    vjp([x, w], _out, gOut, attrs, saved, i) {
      const g =
        saved?.g ?? convGeometry('conv2d', x.shape, w.shape, attrs.stride as number, attrs.padding as number);
      if (i === 0) return { shape: x.shape, data: conv2dGradInput(gOut.data, w.data, g) };
      if (i === 1) {
        // Without the forward's columns (e.g. a re-run from a trace), rebuild them.
        const cols = saved?.cols ?? conv2dForward(x.data, w.data, null, g).cols;
        return { shape: w.shape, data: conv2dGradWeight(gOut.data, cols, g) };
      }
      return { shape: [g.O], data: conv2dGradBias(gOut.data, g) };
    },
    // Each output is its window's multiplies chained by adds (taps that fall in the padding are skipped).
    lower(x, shapes, _outShape, attrs): Value[] {
      const g = convGeometry('conv2d', shapes[0], shapes[1], attrs.stride as number, attrs.padding as number);
      const [xs, ws, bs] = x;
      const { N, C, H, W, O, kH, kW, stride, padding, Ho, Wo } = g;
      const out: Value[] = [];
      for (let n = 0; n < N; n++)
        for (let o = 0; o < O; o++)
          for (let i = 0; i < Ho; i++)
            for (let j = 0; j < Wo; j++) {
              let acc: Value | null = bs ? bs[o] : null;
              for (let c = 0; c < C; c++)
                for (let p = 0; p < kH; p++)
                  for (let q = 0; q < kW; q++) {
                    const h = i * stride + p - padding;
                    const v = j * stride + q - padding;
                    if (h < 0 || h >= H || v < 0 || v >= W) continue;
                    const t = ws[((o * C + c) * kH + p) * kW + q].mul(xs[((n * C + c) * H + h) * W + v]);
                    acc = acc ? acc.add(t) : t;
                  }
              // A window entirely in the padding (only with padding ≥ kernel) is 0.
              out.push(acc ?? ws[0].mul(0));
            }
      return out;
    },
  }),
};
