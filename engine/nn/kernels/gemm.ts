/**
 * Dense matrix products over row-major Float64Array slices, for the nn kernels (linear, conv via im2col).
 * Each accumulates into `c` (c += …), so a caller can sum over a batch without a temporary. The loops walk
 * memory contiguously and work on four output rows at once: each loaded element of the shared operand is
 * used four times, which is where the speed comes from in plain JS.
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
    for (let k = 0; k < K; k++) {
      const v0 = a[a0 + k],
        v1 = a[a1 + k],
        v2 = a[a2 + k],
        v3 = a[a3 + k];
      const bk = k * N;
      for (let j = 0; j < N; j++) {
        const bv = b[bk + j];
        c[c0 + j] += v0 * bv;
        c[c1 + j] += v1 * bv;
        c[c2 + j] += v2 * bv;
        c[c3 + j] += v3 * bv;
      }
    }
  }
  for (; i < M; i++) {
    const ai = i * K,
      ci = i * N;
    for (let k = 0; k < K; k++) {
      const v = a[ai + k];
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
    for (let j = 0; j < N; j++) {
      const bj = j * K;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let k = 0; k < K; k++) {
        const bv = b[bj + k];
        s0 += a[a0 + k] * bv;
        s1 += a[a1 + k] * bv;
        s2 += a[a2 + k] * bv;
        s3 += a[a3 + k] * bv;
      }
      c[i * N + j] += s0;
      c[(i + 1) * N + j] += s1;
      c[(i + 2) * N + j] += s2;
      c[(i + 3) * N + j] += s3;
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

/** c[M,N] += a[K,M]ᵀ · b[K,N] (a sum of outer products of rows of a and b) */
export function gemmTN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const c0 = i * N,
      c1 = c0 + N,
      c2 = c1 + N,
      c3 = c2 + N;
    for (let k = 0; k < K; k++) {
      const ak = k * M + i;
      const v0 = a[ak],
        v1 = a[ak + 1],
        v2 = a[ak + 2],
        v3 = a[ak + 3];
      const bk = k * N;
      for (let j = 0; j < N; j++) {
        const bv = b[bk + j];
        c[c0 + j] += v0 * bv;
        c[c1 + j] += v1 * bv;
        c[c2 + j] += v2 * bv;
        c[c3 + j] += v3 * bv;
      }
    }
  }
  for (; i < M; i++) {
    const ci = i * N;
    for (let k = 0; k < K; k++) {
      const v = a[k * M + i];
      if (v === 0) continue;
      const bk = k * N;
      for (let j = 0; j < N; j++) c[ci + j] += v * b[bk + j];
    }
  }
}
