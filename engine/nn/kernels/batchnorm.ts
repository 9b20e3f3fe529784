/**
 * Batch normalization over Float64Arrays, per channel c, over the m = N (·H·W for 4-d) values of that channel:
 *   μ_c = (1/m) Σ x,   σ²_c = (1/m) Σ (x − μ_c)²   (biased, as PyTorch normalizes in training)
 *   x̂ = (x − μ_c) / √(σ²_c + ε),   y = γ_c · x̂ + β_c
 * In eval mode μ and σ² are the running statistics, so y is an affine map of x.
 */
import { ShapeError } from '../../core/errors';

/** Sizes of a [N,C] or [N,C,H,W] input: C channels, each seen `inner` times per sample. */
export interface BnGeometry {
  N: number;
  C: number;
  inner: number;
}

export function bnGeometry(op: string, xShape: readonly number[]): BnGeometry {
  if (xShape.length !== 2 && xShape.length !== 4)
    throw new ShapeError(`${op}: input must be [N,C] or [N,C,H,W], got x=[${xShape.join(',')}]`);
  const N = xShape[0];
  const C = xShape[1];
  const inner = xShape.length === 4 ? xShape[2] * xShape[3] : 1;
  return { N, C, inner };
}

/** Per-channel mean and biased variance (two passes, for accuracy). */
export function channelStats(x: Float64Array, g: BnGeometry): { mean: Float64Array; variance: Float64Array } {
  const { N, C, inner } = g;
  const m = N * inner;
  const mean = new Float64Array(C);
  const variance = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let n = 0; n < N; n++) {
      const base = (n * C + c) * inner;
      for (let k = 0; k < inner; k++) s += x[base + k];
    }
    const mu = s / m;
    let v = 0;
    for (let n = 0; n < N; n++) {
      const base = (n * C + c) * inner;
      for (let k = 0; k < inner; k++) {
        const d = x[base + k] - mu;
        v += d * d;
      }
    }
    mean[c] = mu;
    variance[c] = v / m;
  }
  return { mean, variance };
}

/** y = γ (x − μ)/√(σ² + ε) + β with the given per-channel μ, σ²; also returns x̂ and 1/√(σ² + ε). */
export function bnNormalize(
  x: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  mean: Float64Array,
  variance: Float64Array,
  eps: number,
  g: BnGeometry,
): { out: Float64Array; xhat: Float64Array; invStd: Float64Array } {
  const { N, C, inner } = g;
  const out = new Float64Array(x.length);
  const xhat = new Float64Array(x.length);
  const invStd = new Float64Array(C);
  for (let c = 0; c < C; c++) invStd[c] = 1 / Math.sqrt(variance[c] + eps);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * inner;
      const mu = mean[c],
        is = invStd[c],
        ga = gamma[c],
        be = beta[c];
      for (let k = 0; k < inner; k++) {
        const h = (x[base + k] - mu) * is;
        xhat[base + k] = h;
        out[base + k] = ga * h + be;
      }
    }
  }
  return { out, xhat, invStd };
}

/** Σ over the channel's m values of a (and of a·b when b is given): ∂L/∂β = Σ g, ∂L/∂γ = Σ g·x̂. */
export function channelSum(a: Float64Array, b: Float64Array | null, g: BnGeometry): Float64Array {
  const { N, C, inner } = g;
  const s = new Float64Array(C);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * inner;
      let acc = 0;
      if (b) for (let k = 0; k < inner; k++) acc += a[base + k] * b[base + k];
      else for (let k = 0; k < inner; k++) acc += a[base + k];
      s[c] += acc;
    }
  }
  return s;
}

/**
 * Training-mode ∂L/∂x, with μ and σ² depending on x:
 *   ∂L/∂x = (γ/(m·√(σ²+ε))) · (m·∂L/∂y − Σ ∂L/∂y − x̂ · Σ ∂L/∂y·x̂)
 */
export function bnGradInputTrain(
  gOut: Float64Array,
  xhat: Float64Array,
  gamma: Float64Array,
  invStd: Float64Array,
  g: BnGeometry,
): Float64Array {
  const { N, C, inner } = g;
  const m = N * inner;
  const sumG = channelSum(gOut, null, g);
  const sumGX = channelSum(gOut, xhat, g);
  const dx = new Float64Array(gOut.length);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * inner;
      const f = (gamma[c] * invStd[c]) / m;
      for (let k = 0; k < inner; k++)
        dx[base + k] = f * (m * gOut[base + k] - sumG[c] - xhat[base + k] * sumGX[c]);
    }
  }
  return dx;
}

/** Eval-mode ∂L/∂x = γ/√(σ²_running + ε) · ∂L/∂y (the statistics are constants). */
export function bnGradInputEval(
  gOut: Float64Array,
  gamma: Float64Array,
  invStd: Float64Array,
  g: BnGeometry,
): Float64Array {
  const { N, C, inner } = g;
  const dx = new Float64Array(gOut.length);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * inner;
      const f = gamma[c] * invStd[c];
      for (let k = 0; k < inner; k++) dx[base + k] = f * gOut[base + k];
    }
  }
  return dx;
}
