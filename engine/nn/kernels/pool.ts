/**
 * 2-d pooling over NCHW Float64Arrays, k×k windows moved by stride s, no padding (as PyTorch's defaults):
 *   max:     z[n,c,i,j] = max_{p,q<k} x[n, c, i·s + p, j·s + q]
 *   average: z[n,c,i,j] = (1/k²) Σ_{p,q<k} x[n, c, i·s + p, j·s + q]
 * Max pooling records, per output, the flat input index that won (the first one on ties, like PyTorch), so the
 * backward step routes each upstream gradient to that single input.
 */
import { EngineError, ShapeError } from '../../core/errors';

export interface PoolGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  k: number;
  stride: number;
  Ho: number;
  Wo: number;
}

export function poolGeometry(
  op: string,
  xShape: readonly number[],
  kernel: number,
  stride: number,
): PoolGeometry {
  if (xShape.length !== 4) throw new ShapeError(`${op}: input must be 4-d NCHW, got x=[${xShape.join(',')}]`);
  if (!Number.isInteger(kernel) || kernel < 1)
    throw new EngineError(`${op}: kernel must be a positive integer, got ${kernel}`);
  if (!Number.isInteger(stride) || stride < 1)
    throw new EngineError(`${op}: stride must be a positive integer, got ${stride}`);
  const [N, C, H, W] = xShape as [number, number, number, number];
  const Ho = Math.floor((H - kernel) / stride) + 1;
  const Wo = Math.floor((W - kernel) / stride) + 1;
  if (Ho < 1 || Wo < 1)
    throw new ShapeError(`${op}: kernel ${kernel} larger than input x=[${xShape.join(',')}]`);
  return { N, C, H, W, k: kernel, stride, Ho, Wo };
}

/** Max pooling: the outputs and, per output, the flat index into x of the arg-max. */
export function maxPoolForward(x: Float64Array, g: PoolGeometry): { out: Float64Array; argmax: Int32Array } {
  const { N, C, H, W, k, stride, Ho, Wo } = g;
  const out = new Float64Array(N * C * Ho * Wo);
  const argmax = new Int32Array(out.length);
  let o = 0;
  for (let nc = 0; nc < N * C; nc++) {
    const base = nc * H * W;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++, o++) {
        let best = -Infinity;
        let at = base + i * stride * W + j * stride;
        for (let p = 0; p < k; p++) {
          const r = base + (i * stride + p) * W + j * stride;
          for (let q = 0; q < k; q++) {
            const v = x[r + q];
            // `>` keeps the first maximum; NaN wins so that a NaN input is not silently hidden.
            if (v > best || (v !== v && best === best)) {
              best = v;
              at = r + q;
            }
          }
        }
        out[o] = best;
        argmax[o] = at;
      }
    }
  }
  return { out, argmax };
}

/** ∂L/∂x[argmax[o]] += ∂L/∂z[o]; every other input gets 0. */
export function maxPoolBackward(gOut: Float64Array, argmax: Int32Array, xSize: number): Float64Array {
  const dx = new Float64Array(xSize);
  for (let o = 0; o < gOut.length; o++) dx[argmax[o]] += gOut[o];
  return dx;
}

export function avgPoolForward(x: Float64Array, g: PoolGeometry): Float64Array {
  const { N, C, H, W, k, stride, Ho, Wo } = g;
  const out = new Float64Array(N * C * Ho * Wo);
  const inv = 1 / (k * k);
  let o = 0;
  for (let nc = 0; nc < N * C; nc++) {
    const base = nc * H * W;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++, o++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const r = base + (i * stride + p) * W + j * stride;
          for (let q = 0; q < k; q++) s += x[r + q];
        }
        out[o] = s * inv;
      }
    }
  }
  return out;
}

/** ∂L/∂x[n,c,h,w] = (1/k²) Σ over the windows containing (h, w) of ∂L/∂z. */
export function avgPoolBackward(gOut: Float64Array, g: PoolGeometry): Float64Array {
  const { N, C, H, W, k, stride, Ho, Wo } = g;
  const dx = new Float64Array(N * C * H * W);
  const inv = 1 / (k * k);
  let o = 0;
  for (let nc = 0; nc < N * C; nc++) {
    const base = nc * H * W;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++, o++) {
        const v = gOut[o] * inv;
        for (let p = 0; p < k; p++) {
          const r = base + (i * stride + p) * W + j * stride;
          for (let q = 0; q < k; q++) dx[r + q] += v;
        }
      }
    }
  }
  return dx;
}
