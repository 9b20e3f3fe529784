import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWat, GEMM_MODULE, GEMM_WAT, moduleSource } from '../../scripts/build-wasm';
import { gemmNN, gemmNT, gemmTN, useWasmKernels, wasmKernelsInUse } from '../../engine/tensor/gemm';
import { loadWasmGemm, type WasmGemm } from '../../engine/tensor/wasm/gemmWasm';

/** The plain loops, written here, as the reference: c[i,j] += Σ_p a[i,p]·b[p,j], p in order, onto c. */
function ikj(a: Float64Array, b: Float64Array, c: Float64Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++)
    for (let p = 0; p < K; p++) for (let j = 0; j < N; j++) c[i * N + j] += a[i * K + p]! * b[p * N + j]!;
}
/** c[i,j] + (Σ_p a[i,p]·b[j,p] summed from 0), as gemmNT promises. */
function dots(a: Float64Array, b: Float64Array, c: Float64Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let p = 0; p < K; p++) s += a[i * K + p]! * b[j * K + p]!;
      c[i * N + j] += s;
    }
}
function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(a.length);
  for (let r = 0; r < rows; r++) for (let q = 0; q < cols; q++) t[q * rows + r] = a[r * cols + q]!;
  return t;
}
function random(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 8;
  });
}
const sameBits = (x: Float64Array, y: Float64Array): boolean => x.every((v, i) => Object.is(v, y[i]));

function kernel(): WasmGemm {
  const k = loadWasmGemm();
  if (k instanceof Error) throw k;
  return k;
}

describe('the WebAssembly matrix-product kernel', () => {
  it('is built from gemm.wat: the committed bytes are what `npm run build:wasm` makes of it', async () => {
    const bytes = await compileWat(GEMM_WAT);
    expect(readFileSync(GEMM_MODULE, 'utf8')).toBe(moduleSource(bytes));
  });

  it('multiplies a hand-worked product onto c', () => {
    // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154], onto c = 1
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    const b = Float64Array.of(7, 8, 9, 10, 11, 12);
    const c = Float64Array.of(1, 1, 1, 1);
    kernel().rowsTimesB(a, b, c, 2, 3, 2, 3, 1);
    expect([...c]).toEqual([59, 65, 140, 155]);
    // Aᵀ read in place: a stored as [3,2] = the transpose of the [2,3] above
    const c2 = Float64Array.of(0, 0, 0, 0);
    kernel().rowsTimesB(Float64Array.of(1, 4, 2, 5, 3, 6), b, c2, 2, 3, 2, 1, 2);
    expect([...c2]).toEqual([58, 64, 139, 154]);
    // b given as [N,K] (rows of b dotted with rows of a): [7 9 11; 8 10 12]
    const c3 = Float64Array.of(0.5, 0, 0, 0);
    kernel().nt(a, Float64Array.of(7, 9, 11, 8, 10, 12), c3, 2, 3, 2);
    expect([...c3]).toEqual([58.5, 64, 139, 154]);
  });

  it('sums exactly as the plain loops do, bit for bit, for any shape (odd rows, columns and depths)', () => {
    const k = kernel();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (M, K, N, seed) => {
          const a = random(M * K, seed);
          const b = random(K * N, seed + 1);
          const c0 = random(M * N, seed + 2);
          const want = c0.slice();
          ikj(a, b, want, M, K, N);
          const nn = c0.slice();
          k.rowsTimesB(a, b, nn, M, K, N, K, 1);
          const tn = c0.slice();
          k.rowsTimesB(transpose(a, M, K), b, tn, M, K, N, 1, M);
          const bt = transpose(b, K, N);
          const wantNT = c0.slice();
          dots(a, bt, wantNT, M, K, N);
          const nt = c0.slice();
          k.nt(a, bt, nt, M, K, N);
          return sameBits(nn, want) && sameBits(tn, want) && sameBits(nt, wantNT);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reuses and grows its memory across products of different sizes', () => {
    const k = kernel();
    for (const [M, K, N] of [
      [3, 4, 5],
      [130, 129, 131],
      [2, 2, 2],
    ] as const) {
      const a = random(M * K, M);
      const b = random(K * N, N);
      const want = new Float64Array(M * N);
      ikj(a, b, want, M, K, N);
      const c = new Float64Array(M * N);
      k.rowsTimesB(a, b, c, M, K, N, K, 1);
      expect(sameBits(c, want)).toBe(true);
    }
  });
});

describe('the kernel’s memory', () => {
  it('gives a large product’s memory back at the next product that fits in what it keeps', () => {
    const k = loadWasmGemm(1 << 20); // keep 1 MB
    if (k instanceof Error) throw k;
    const product = (n: number): boolean => {
      const a = random(n * n, n);
      const b = random(n * n, n + 1);
      const want = new Float64Array(n * n);
      ikj(a, b, want, n, n, n);
      const c = new Float64Array(n * n);
      k.rowsTimesB(a, b, c, n, n, n, n, 1);
      return sameBits(c, want);
    };
    expect(product(300)).toBe(true); // 3 · 300² numbers = 2.16 MB
    expect(k.bytes()).toBeGreaterThanOrEqual(3 * 300 * 300 * 8);
    expect(product(10)).toBe(true);
    expect(k.bytes()).toBe(65536); // one page, as new
    expect(product(200)).toBe(true); // 0.96 MB: fits, kept
    expect(k.bytes()).toBeGreaterThanOrEqual(3 * 200 * 200 * 8);
    expect(product(20)).toBe(true);
    expect(k.bytes()).toBeGreaterThanOrEqual(3 * 200 * 200 * 8);
  });
});

describe('useWasmKernels: the engine products on the kernel', () => {
  afterEach(() => useWasmKernels(false));

  it('is off by default (the TypeScript loops are the reference) and reports what is in use', () => {
    expect(wasmKernelsInUse()).toBe(false);
    expect(useWasmKernels(true)).toBe(true);
    expect(wasmKernelsInUse()).toBe(true);
    expect(useWasmKernels(false)).toBe(false);
    expect(wasmKernelsInUse()).toBe(false);
  });

  it('gives gemmNN, gemmTN and gemmNT the same numbers with it on as the plain loops', () => {
    const [M, K, N] = [67, 65, 63]; // large enough to go to the kernel, odd everywhere
    const a = random(M * K, 11);
    const b = random(K * N, 12);
    const c0 = random(M * N, 13);
    const want = c0.slice();
    ikj(a, b, want, M, K, N);
    const bt = transpose(b, K, N);
    const wantNT = c0.slice();
    dots(a, bt, wantNT, M, K, N);
    useWasmKernels(true);
    const nn = c0.slice();
    gemmNN(a, b, nn, M, K, N);
    const tn = c0.slice();
    gemmTN(transpose(a, M, K), b, tn, M, K, N);
    const nt = c0.slice();
    gemmNT(a, bt, nt, M, K, N);
    expect(sameBits(nn, want)).toBe(true);
    expect(sameBits(tn, want)).toBe(true);
    expect(sameBits(nt, wantNT)).toBe(true);
  });
});
