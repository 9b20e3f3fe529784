/**
 * Plain reference versions of the nn kernels: the formula written as nested loops, no im2col, no unrolling.
 * Tests compare the fast kernels with these (and these with hand-worked numbers). The matrix product's
 * reference, `matmulReference`, sits beside the products in engine/tensor/gemm.ts.
 */

/** z[n,o,i,j] = b[o] + Σ_{c,p,q} w[o,c,p,q] · x[n, c, i·s+p−pad, j·s+q−pad], straight from the definition. */
export function conv2dReference(
  x: Float64Array,
  xShape: readonly number[],
  w: Float64Array,
  wShape: readonly number[],
  b: Float64Array | null,
  stride: number,
  padding: number,
): { out: Float64Array; shape: number[] } {
  const [N, C, H, W] = xShape;
  const [O, , kH, kW] = wShape;
  const Ho = Math.floor((H + 2 * padding - kH) / stride) + 1;
  const Wo = Math.floor((W + 2 * padding - kW) / stride) + 1;
  const out = new Float64Array(N * O * Ho * Wo);
  for (let n = 0; n < N; n++)
    for (let o = 0; o < O; o++)
      for (let i = 0; i < Ho; i++)
        for (let j = 0; j < Wo; j++) {
          let s = b ? b[o] : 0;
          for (let c = 0; c < C; c++)
            for (let p = 0; p < kH; p++)
              for (let q = 0; q < kW; q++) {
                const h = i * stride + p - padding;
                const v = j * stride + q - padding;
                if (h < 0 || h >= H || v < 0 || v >= W) continue;
                s += w[((o * C + c) * kH + p) * kW + q] * x[((n * C + c) * H + h) * W + v];
              }
          out[((n * O + o) * Ho + i) * Wo + j] = s;
        }
  return { out, shape: [N, O, Ho, Wo] };
}

/** Pooling from the definition: the max or the mean of each k×k window. */
export function poolReference(
  x: Float64Array,
  xShape: readonly number[],
  kind: 'max' | 'avg',
  k: number,
  stride: number,
): { out: Float64Array; shape: number[] } {
  const [N, C, H, W] = xShape;
  const Ho = Math.floor((H - k) / stride) + 1;
  const Wo = Math.floor((W - k) / stride) + 1;
  const out = new Float64Array(N * C * Ho * Wo);
  for (let nc = 0; nc < N * C; nc++)
    for (let i = 0; i < Ho; i++)
      for (let j = 0; j < Wo; j++) {
        const window: number[] = [];
        for (let p = 0; p < k; p++)
          for (let q = 0; q < k; q++) window.push(x[nc * H * W + (i * stride + p) * W + j * stride + q]);
        out[(nc * Ho + i) * Wo + j] =
          kind === 'max' ? Math.max(...window) : window.reduce((a, v) => a + v, 0) / window.length;
      }
  return { out, shape: [N, C, Ho, Wo] };
}
