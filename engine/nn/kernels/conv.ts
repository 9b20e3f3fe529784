/**
 * 2-d convolution (cross-correlation, as PyTorch's conv2d) over NCHW Float64Arrays, by im2col + matrix
 * product. For image n, output channel o and position (i, j):
 *   z[n,o,i,j] = b[o] + Σ_{c,p,q} w[o,c,p,q] · x[n, c, i·s + p − pad, j·s + q − pad]   (x = 0 outside)
 * im2col lays the window of every output position out as one column, so the sum is W[O, C·kH·kW] · cols.
 */
import { EngineError, ShapeError } from '../../core/errors';
import { gemmNN, gemmNT, gemmTN } from '../../tensor/gemm';

export interface ConvGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  kH: number;
  kW: number;
  stride: number;
  padding: number;
  Ho: number;
  Wo: number;
}

/** Sizes of a convolution; throws a message naming both shapes when they do not fit. */
export function convGeometry(
  op: string,
  xShape: readonly number[],
  wShape: readonly number[],
  stride: number,
  padding: number,
): ConvGeometry {
  const shapes = `x=[${xShape.join(',')}] w=[${wShape.join(',')}]`;
  if (xShape.length !== 4) throw new ShapeError(`${op}: input must be 4-d NCHW, got ${shapes}`);
  if (wShape.length !== 4) throw new ShapeError(`${op}: weight must be 4-d [outC,inC,kH,kW], got ${shapes}`);
  if (!Number.isInteger(stride) || stride < 1)
    throw new EngineError(`${op}: stride must be a positive integer, got ${stride}`);
  if (!Number.isInteger(padding) || padding < 0)
    throw new EngineError(`${op}: padding must be a non-negative integer, got ${padding}`);
  const [N, C, H, W] = xShape as [number, number, number, number];
  const [O, Cw, kH, kW] = wShape as [number, number, number, number];
  if (C !== Cw) throw new ShapeError(`${op}: input channels differ, ${shapes}`);
  const Ho = Math.floor((H + 2 * padding - kH) / stride) + 1;
  const Wo = Math.floor((W + 2 * padding - kW) / stride) + 1;
  if (Ho < 1 || Wo < 1)
    throw new ShapeError(`${op}: kernel larger than padded input, ${shapes} padding=${padding}`);
  return { N, C, H, W, O, kH, kW, stride, padding, Ho, Wo };
}

/** cols[(c·kH + p)·kW + q, i·Wo + j] = x[n, c, i·s + p − pad, j·s + q − pad] for one image (offset xOff). */
export function im2col(x: Float64Array, xOff: number, g: ConvGeometry, cols: Float64Array): void {
  const { C, H, W, kH, kW, stride, padding, Ho, Wo } = g;
  const P = Ho * Wo;
  for (let c = 0; c < C; c++) {
    const xc = xOff + c * H * W;
    for (let p = 0; p < kH; p++) {
      for (let q = 0; q < kW; q++) {
        const row = ((c * kH + p) * kW + q) * P;
        for (let i = 0; i < Ho; i++) {
          const h = i * stride + p - padding;
          const r = row + i * Wo;
          if (h < 0 || h >= H) {
            cols.fill(0, r, r + Wo);
            continue;
          }
          const xr = xc + h * W;
          for (let j = 0; j < Wo; j++) {
            const w = j * stride + q - padding;
            cols[r + j] = w >= 0 && w < W ? x[xr + w] : 0;
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: adds each column entry back to the input pixel it came from. */
export function col2imAdd(cols: Float64Array, g: ConvGeometry, dx: Float64Array, dxOff: number): void {
  const { C, H, W, kH, kW, stride, padding, Ho, Wo } = g;
  const P = Ho * Wo;
  for (let c = 0; c < C; c++) {
    const xc = dxOff + c * H * W;
    for (let p = 0; p < kH; p++) {
      for (let q = 0; q < kW; q++) {
        const row = ((c * kH + p) * kW + q) * P;
        for (let i = 0; i < Ho; i++) {
          const h = i * stride + p - padding;
          if (h < 0 || h >= H) continue;
          const r = row + i * Wo;
          const xr = xc + h * W;
          for (let j = 0; j < Wo; j++) {
            const w = j * stride + q - padding;
            if (w >= 0 && w < W) dx[xr + w] += cols[r + j];
          }
        }
      }
    }
  }
}

/** Forward: returns z [N,O,Ho,Wo] and the im2col columns of every image (kept for the weight gradient). */
export function conv2dForward(
  x: Float64Array,
  w: Float64Array,
  b: Float64Array | null,
  g: ConvGeometry,
): { out: Float64Array; cols: Float64Array } {
  const { N, C, O, kH, kW, Ho, Wo } = g;
  const K = C * kH * kW;
  const P = Ho * Wo;
  const out = new Float64Array(N * O * P);
  const cols = new Float64Array(N * K * P);
  for (let n = 0; n < N; n++) {
    const colsN = cols.subarray(n * K * P, (n + 1) * K * P);
    im2col(x, n * C * g.H * g.W, g, colsN);
    const outN = out.subarray(n * O * P, (n + 1) * O * P);
    if (b) for (let o = 0; o < O; o++) outN.fill(b[o], o * P, (o + 1) * P);
    gemmNN(w, colsN, outN, O, K, P);
  }
  return { out, cols };
}

/** ∂L/∂w[o,c,p,q] = Σ_{n,i,j} ∂L/∂z[n,o,i,j] · x[n, c, i·s + p − pad, j·s + q − pad]  (= gOut · colsᵀ) */
export function conv2dGradWeight(gOut: Float64Array, cols: Float64Array, g: ConvGeometry): Float64Array {
  const { N, C, O, kH, kW, Ho, Wo } = g;
  const K = C * kH * kW;
  const P = Ho * Wo;
  const dw = new Float64Array(O * K);
  for (let n = 0; n < N; n++) {
    gemmNT(gOut.subarray(n * O * P, (n + 1) * O * P), cols.subarray(n * K * P, (n + 1) * K * P), dw, O, P, K);
  }
  return dw;
}

/** ∂L/∂x = col2im(Wᵀ · ∂L/∂z): every pixel collects w · upstream from each window it sits in. */
export function conv2dGradInput(gOut: Float64Array, w: Float64Array, g: ConvGeometry): Float64Array {
  const { N, C, H, W, O, kH, kW, Ho, Wo } = g;
  const K = C * kH * kW;
  const P = Ho * Wo;
  const dx = new Float64Array(N * C * H * W);
  const dcols = new Float64Array(K * P);
  for (let n = 0; n < N; n++) {
    dcols.fill(0);
    gemmTN(w, gOut.subarray(n * O * P, (n + 1) * O * P), dcols, K, O, P);
    col2imAdd(dcols, g, dx, n * C * H * W);
  }
  return dx;
}

/** ∂L/∂b[o] = Σ_{n,i,j} ∂L/∂z[n,o,i,j] */
export function conv2dGradBias(gOut: Float64Array, g: ConvGeometry): Float64Array {
  const { N, O, Ho, Wo } = g;
  const P = Ho * Wo;
  const db = new Float64Array(O);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const base = (n * O + o) * P;
      let s = 0;
      for (let k = 0; k < P; k++) s += gOut[base + k];
      db[o] += s;
    }
  }
  return db;
}
