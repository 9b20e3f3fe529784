/**
 * Dense matrix products over row-major Float64Arrays: the one home of the matrix-product loops, used by the
 * matmul op (forward through `matmulKernel`, backward through NT and TN), linear, and conv's im2col product.
 * Each accumulates into `c` (c += op(a)·op(b)), so a caller can start from a bias or sum over a batch without
 * a temporary, and a transposed operand is read in place rather than copied.
 *
 * Why the blocking: in plain JS the cost is loads and stores, not multiplies. NN and TN update four rows of c
 * from four steps of k per pass over a row (16 multiplies per 4 loads of b and 4 load/stores of c, where the
 * plain i-k-j loop does 1 multiply per load of b and load/store of c); NT forms a 4×2 block of dot products
 * (8 multiplies per 6 loads). NN runs a 256² product at about 4.5 GFLOP/s here, the plain loop at about 1.
 *
 * Summation order (the tests assert it bit for bit):
 * - NN and TN: each c[i,j] adds a[i,p]·b[p,j] one p at a time, in order, straight onto c:
 *   c + t₀ + t₁ + … + t_{K−1} evaluated left to right, which is exactly the plain i-k-j loop
 *   (`matmulReference`), and the order matmul's scalar lowering sums in, so a tensor matmul and its lowered
 *   graph agree to the last bit.
 * - NT: each c[i,j] is a dot product summed from 0 in order, then added to c once:
 *   c + (((0 + t₀) + t₁) + … + t_{K−1}). Onto a zeroed c that is the reference bit for bit too; onto a nonzero
 *   c (linear's bias, conv's batch of weight gradients) it is the same sum rounded once more at a different
 *   place, equal to the reference within rounding.
 */

import { loadWasmGemm, type WasmGemm } from './wasm/gemmWasm';

/** c[M,N] += a[M,K] · b[K,N] */
export function gemmNN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  rowsTimesB(a, b, c, M, K, N, K, 1);
}

/** c[M,N] += a[K,M]ᵀ · b[K,N] (a sum of outer products of rows of a and rows of b) */
export function gemmTN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  rowsTimesB(a, b, c, M, K, N, 1, M);
}

/**
 * The WebAssembly SIMD kernel (./wasm/gemm.wat) for NN, TN and NT, when switched on with `useWasmKernels`:
 * the same numbers bit for bit, faster on large products (its operands are copied in and out, so products
 * under WASM_MIN multiply-adds stay in TypeScript). Off by default: the TypeScript loops are the reference,
 * and what the tests run unless they switch it on.
 */
let wasm: WasmGemm | null = null;
const WASM_MIN = 1 << 15;

/**
 * Use the WebAssembly SIMD kernel for the NN, TN and NT matrix products (true) or the TypeScript loops
 * (false). Returns whether the kernel is now in use: switching on where WebAssembly SIMD cannot run (no
 * WebAssembly, a Content-Security-Policy that refuses it) keeps the TypeScript loops.
 */
export function useWasmKernels(on: boolean): boolean {
  if (!on) {
    wasm = null;
    return false;
  }
  if (wasm === null) {
    const k = loadWasmGemm();
    wasm = k instanceof Error ? null : k;
  }
  return wasm !== null;
}

/** Whether the WebAssembly kernel is in use. */
export function wasmKernelsInUse(): boolean {
  return wasm !== null;
}

/** Run a product of `work` multiply-adds on the WebAssembly kernel if it is on and worth it; false: not run. */
function viaWasm(work: number, run: (k: WasmGemm) => void): boolean {
  if (wasm === null || work < WASM_MIN) return false;
  try {
    run(wasm);
    return true;
  } catch (e) {
    // Only a memory that cannot grow (a product of gigabytes) lands here, before c is written: the
    // TypeScript loops then start from the same c.
    if (e instanceof RangeError) return false;
    throw e;
  }
}

/**
 * c[i,:] += Σ_p A(i,p) · b[p,:], p in order, where A(i,p) = a[i·si + p·sk]: (si, sk) = (K, 1) reads a as
 * [M,K], (1, M) reads it as the transpose of a [K,M]. Four rows of c at a time, four p per pass over them
 * (or the WebAssembly kernel, when on).
 */
function rowsTimesB(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
  si: number,
  sk: number,
): void {
  if (viaWasm(M * K * N, (k) => k.rowsTimesB(a, b, c, M, K, N, si, sk))) return;
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const a0 = i * si;
    const a1 = a0 + si;
    const a2 = a1 + si;
    const a3 = a2 + si;
    const c0 = i * N;
    const c1 = c0 + N;
    const c2 = c1 + N;
    const c3 = c2 + N;
    let p = 0;
    for (; p + 3 < K; p += 4) {
      // A(i..i+3, p..p+3): row r of A gives (xr, yr, zr, wr)
      const o0 = p * sk;
      const o1 = o0 + sk;
      const o2 = o1 + sk;
      const o3 = o2 + sk;
      const x0 = a[a0 + o0];
      const x1 = a[a1 + o0];
      const x2 = a[a2 + o0];
      const x3 = a[a3 + o0];
      const y0 = a[a0 + o1];
      const y1 = a[a1 + o1];
      const y2 = a[a2 + o1];
      const y3 = a[a3 + o1];
      const z0 = a[a0 + o2];
      const z1 = a[a1 + o2];
      const z2 = a[a2 + o2];
      const z3 = a[a3 + o2];
      const w0 = a[a0 + o3];
      const w1 = a[a1 + o3];
      const w2 = a[a2 + o3];
      const w3 = a[a3 + o3];
      const r0 = p * N;
      const r1 = r0 + N;
      const r2 = r1 + N;
      const r3 = r2 + N;
      for (let j = 0; j < N; j++) {
        const u = b[r0 + j];
        const v = b[r1 + j];
        const s = b[r2 + j];
        const t = b[r3 + j];
        // Left to right: ((((c + x·u) + y·v) + z·s) + w·t), one p at a time as the i-k-j loop adds them.
        c[c0 + j] = c[c0 + j] + x0 * u + y0 * v + z0 * s + w0 * t;
        c[c1 + j] = c[c1 + j] + x1 * u + y1 * v + z1 * s + w1 * t;
        c[c2 + j] = c[c2 + j] + x2 * u + y2 * v + z2 * s + w2 * t;
        c[c3 + j] = c[c3 + j] + x3 * u + y3 * v + z3 * s + w3 * t;
      }
    }
    for (; p < K; p++) {
      // the last K mod 4 rows of b, one at a time
      const o = p * sk;
      const x0 = a[a0 + o];
      const x1 = a[a1 + o];
      const x2 = a[a2 + o];
      const x3 = a[a3 + o];
      const r = p * N;
      for (let j = 0; j < N; j++) {
        const u = b[r + j];
        c[c0 + j] = c[c0 + j] + x0 * u;
        c[c1 + j] = c[c1 + j] + x1 * u;
        c[c2 + j] = c[c2 + j] + x2 * u;
        c[c3 + j] = c[c3 + j] + x3 * u;
      }
    }
  }
  for (; i < M; i++) {
    // the last M mod 4 rows of c, plainly
    const ai = i * si;
    const ci = i * N;
    for (let p = 0; p < K; p++) {
      const x = a[ai + p * sk];
      const r = p * N;
      for (let j = 0; j < N; j++) c[ci + j] = c[ci + j] + x * b[r + j];
    }
  }
}

/** c[M,N] += a[M,K] · b[N,K]ᵀ (rows of a dotted with rows of b; each dot product summed from 0, then added) */
export function gemmNT(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  M: number,
  K: number,
  N: number,
): void {
  if (viaWasm(M * K * N, (k) => k.nt(a, b, c, M, K, N))) return;
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const a0 = i * K;
    const a1 = a0 + K;
    const a2 = a1 + K;
    const a3 = a2 + K;
    const c0 = i * N;
    const c1 = c0 + N;
    const c2 = c1 + N;
    const c3 = c2 + N;
    let j = 0;
    for (; j + 1 < N; j += 2) {
      // a 4×2 block of dot products: rows i..i+3 of a with rows j, j+1 of b
      const b0 = j * K;
      const b1 = b0 + K;
      let s00 = 0;
      let s10 = 0;
      let s20 = 0;
      let s30 = 0;
      let s01 = 0;
      let s11 = 0;
      let s21 = 0;
      let s31 = 0;
      for (let p = 0; p < K; p++) {
        const u = b[b0 + p];
        const v = b[b1 + p];
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const x2 = a[a2 + p];
        const x3 = a[a3 + p];
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
      // an odd last row of b
      const bj = j * K;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < K; p++) {
        const u = b[bj + p];
        s0 += a[a0 + p] * u;
        s1 += a[a1 + p] * u;
        s2 += a[a2 + p] * u;
        s3 += a[a3 + p] * u;
      }
      c[c0 + j] += s0;
      c[c1 + j] += s1;
      c[c2 + j] += s2;
      c[c3 + j] += s3;
    }
  }
  for (; i < M; i++) {
    // the last M mod 4 rows of a, plainly
    const ai = i * K;
    for (let j = 0; j < N; j++) {
      const bj = j * K;
      let s = 0;
      for (let p = 0; p < K; p++) s += a[ai + p] * b[bj + p];
      c[i * N + j] += s;
    }
  }
}

/**
 * The plain i-k-j loop, c[M,N] += a[M,K] · b[K,N] onto a new zeroed c unless one is given: the reference the
 * blocked kernels are tested against (bit for bit for NN and TN), and the benchmark's floor.
 */
export function matmulReference(
  a: Float64Array,
  b: Float64Array,
  M: number,
  K: number,
  N: number,
  c: Float64Array = new Float64Array(M * N),
): Float64Array {
  for (let i = 0; i < M; i++)
    for (let p = 0; p < K; p++) {
      const x = a[i * K + p];
      for (let j = 0; j < N; j++) c[i * N + j] = c[i * N + j] + x * b[p * N + j];
    }
  return c;
}
