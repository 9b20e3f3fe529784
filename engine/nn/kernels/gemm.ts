/**
 * Dense matrix products over row-major Float64Array slices, for the nn kernels (linear, conv via im2col).
 * Each accumulates into `c` (c += …), so a caller can sum over a batch without a temporary.
 *
 * Why the blocking: in plain JS the cost is loads and stores, not multiplies. NN and TN update four rows of
 * c from four k's at once (16 multiplies per 4 loads of b and 4 load/stores of c); NT forms a 4×2 block of
 * dot products (8 multiplies per 6 loads). Measured here about 2–3× the one-row i-k-j loop.
 * `matmulReference` (reference.ts) is the plain triple loop the tests compare with.
 */

/** c[M,N] += a[M,K] · b[K,N] */
export function gemmNN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  blockedAxpy(a, b, c, M, K, N, K, 1);
}

/** c[M,N] += a[K,M]ᵀ · b[K,N] (a sum of outer products of rows of a and b) */
export function gemmTN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  blockedAxpy(a, b, c, M, K, N, 1, M);
}

/**
 * c[i,:] += Σ_k A(i,k) · b[k,:] where A(i,k) = a[i·si + k·sk]: (si, sk) = (K, 1) reads a as [M,K],
 * (1, M) reads it transposed.
 */
function blockedAxpy(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
  si: number,
  sk: number,
): void {
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const a0 = i * si,
      a1 = a0 + si,
      a2 = a1 + si,
      a3 = a2 + si;
    const c0 = i * N,
      c1 = c0 + N,
      c2 = c1 + N,
      c3 = c2 + N;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const o0 = k * sk,
        o1 = o0 + sk,
        o2 = o1 + sk,
        o3 = o2 + sk;
      const p0 = a[a0 + o0],
        p1 = a[a1 + o0],
        p2 = a[a2 + o0],
        p3 = a[a3 + o0];
      const q0 = a[a0 + o1],
        q1 = a[a1 + o1],
        q2 = a[a2 + o1],
        q3 = a[a3 + o1];
      const r0 = a[a0 + o2],
        r1 = a[a1 + o2],
        r2 = a[a2 + o2],
        r3 = a[a3 + o2];
      const s0 = a[a0 + o3],
        s1 = a[a1 + o3],
        s2 = a[a2 + o3],
        s3 = a[a3 + o3];
      const b0 = k * N,
        b1 = b0 + N,
        b2 = b1 + N,
        b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        const u = b[b0 + j],
          v = b[b1 + j],
          w = b[b2 + j],
          z = b[b3 + j];
        c[c0 + j] += p0 * u + q0 * v + r0 * w + s0 * z;
        c[c1 + j] += p1 * u + q1 * v + r1 * w + s1 * z;
        c[c2 + j] += p2 * u + q2 * v + r2 * w + s2 * z;
        c[c3 + j] += p3 * u + q3 * v + r3 * w + s3 * z;
      }
    }
    for (; k < K; k++) {
      const o = k * sk;
      const p0 = a[a0 + o],
        p1 = a[a1 + o],
        p2 = a[a2 + o],
        p3 = a[a3 + o];
      const bk = k * N;
      for (let j = 0; j < N; j++) {
        const u = b[bk + j];
        c[c0 + j] += p0 * u;
        c[c1 + j] += p1 * u;
        c[c2 + j] += p2 * u;
        c[c3 + j] += p3 * u;
      }
    }
  }
  for (; i < M; i++) {
    const ci = i * N;
    for (let k = 0; k < K; k++) {
      const v = a[i * si + k * sk];
      if (v === 0) continue;
      const bk = k * N;
      for (let j = 0; j < N; j++) c[ci + j] += v * b[bk + j];
    }
  }
}

/** c[M,N] += a[M,K] · b[N,K]ᵀ (rows of a dotted with rows of b) */
export function gemmNT(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const a0 = i * K,
      a1 = a0 + K,
      a2 = a1 + K,
      a3 = a2 + K;
    const c0 = i * N,
      c1 = c0 + N,
      c2 = c1 + N,
      c3 = c2 + N;
    let j = 0;
    for (; j + 1 < N; j += 2) {
      const b0 = j * K,
        b1 = b0 + K;
      let s00 = 0,
        s10 = 0,
        s20 = 0,
        s30 = 0,
        s01 = 0,
        s11 = 0,
        s21 = 0,
        s31 = 0;
      for (let k = 0; k < K; k++) {
        const u = b[b0 + k],
          v = b[b1 + k];
        const x0 = a[a0 + k],
          x1 = a[a1 + k],
          x2 = a[a2 + k],
          x3 = a[a3 + k];
        s00 += x0 * u;
        s10 += x1 * u;
        s20 += x2 * u;
        s30 += x3 * u;
        s01 += x0 * v;
        s11 += x1 * v;
        s21 += x2 * v;
        s31 += x3 * v;
      }
      c[c0 + j] += s00;
      c[c1 + j] += s10;
      c[c2 + j] += s20;
      c[c3 + j] += s30;
      c[c0 + j + 1] += s01;
      c[c1 + j + 1] += s11;
      c[c2 + j + 1] += s21;
      c[c3 + j + 1] += s31;
    }
    for (; j < N; j++) {
      const bj = j * K;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let k = 0; k < K; k++) {
        const u = b[bj + k];
        s0 += a[a0 + k] * u;
        s1 += a[a1 + k] * u;
        s2 += a[a2 + k] * u;
        s3 += a[a3 + k] * u;
      }
      c[c0 + j] += s0;
      c[c1 + j] += s1;
      c[c2 + j] += s2;
      c[c3 + j] += s3;
    }
  }
  for (; i < M; i++) {
    const ai = i * K;
    for (let j = 0; j < N; j++) {
      const bj = j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += a[ai + k] * b[bj + k];
      c[i * N + j] += s;
    }
  }
}
