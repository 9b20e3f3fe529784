/**
 * The WebAssembly SIMD matrix-product kernel (./gemm.wat) from JavaScript: operands are copied into the
 * module's memory, the kernel runs, c is copied back. Same numbers as the TypeScript loops of ../gemm.ts bit
 * for bit (see the .wat file); 256² NN at ~9.7 GFLOP/s here against their ~3.6 in the same minute, but the
 * copies make it pay only on large products.
 */
import { GEMM_WASM_BASE64 } from './gemmModule';

/** The parts of the WebAssembly API used here (the engine's type libraries leave it out: no DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Exports {
  memory: Memory;
  rowsTimesB(a: number, b: number, c: number, M: number, K: number, N: number, si: number, sk: number): void;
}

export interface WasmGemm {
  /** c[i,:] += Σ_p A(i,p) · b[p,:] with A(i,p) = a[i·si + p·sk] (as rowsTimesB in ../gemm.ts). */
  rowsTimesB(
    a: Float64Array,
    b: Float64Array,
    c: Float64Array,
    M: number,
    K: number,
    N: number,
    si: number,
    sk: number,
  ): void;
  /**
   * c[M,N] += a[M,K] · b[N,K]ᵀ in gemmNT's order: each c[i,j] gets its dot product summed from 0, p in
   * order, then added once. Done as the NN product of a and bᵀ (copied in transposed) onto zeros, which
   * sums exactly so, and then c += that.
   */
  nt(a: Float64Array, b: Float64Array, c: Float64Array, M: number, K: number, N: number): void;
  /** The bytes of memory the kernel holds now. */
  bytes(): number;
}

const PAGE = 65536;

function decode(base64: string): Uint8Array {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * A WebAssembly memory only grows. After a product larger than this the kernel starts over with a fresh
 * instance (compiling its ~1 KB again costs well under a millisecond) at the next product that fits in it,
 * so one large product does not hold its memory for the rest of the session.
 */
export const KEEP_BYTES = 32 << 20;

/**
 * The kernel, or the reason it cannot run here (no WebAssembly, no SIMD, or compiling refused, as by a
 * Content-Security-Policy without 'wasm-unsafe-eval'). `keepBytes`: see KEEP_BYTES (smaller in tests).
 */
export function loadWasmGemm(keepBytes = KEEP_BYTES): WasmGemm | Error {
  let module: object;
  let wa: WasmApi;
  let ex: Exports;
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api) return new Error('WebAssembly is not available');
    wa = api;
    module = new wa.Module(decode(GEMM_WASM_BASE64));
    ex = new wa.Instance(module, {}).exports as Exports;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  let mem = new Float64Array(ex.memory.buffer);
  /** Room for `elements` numbers; the view of the memory, anew if it grew or was started over. */
  const room = (elements: number): Float64Array => {
    const need = elements * 8;
    if (ex.memory.buffer.byteLength > keepBytes && need <= keepBytes) {
      ex = new wa.Instance(module, {}).exports as Exports;
    }
    if (need > ex.memory.buffer.byteLength) {
      ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / PAGE));
    }
    if (mem.buffer !== ex.memory.buffer) mem = new Float64Array(ex.memory.buffer);
    return mem;
  };
  return {
    rowsTimesB(a, b, c, M, K, N, si, sk) {
      const na = M * K;
      const nb = K * N;
      const nc = M * N;
      const m = room(na + nb + nc);
      m.set(a.length === na ? a : a.subarray(0, na), 0);
      m.set(b.length === nb ? b : b.subarray(0, nb), na);
      m.set(c.length === nc ? c : c.subarray(0, nc), na + nb);
      ex.rowsTimesB(0, na * 8, (na + nb) * 8, M, K, N, si, sk);
      c.set(m.subarray(na + nb, na + nb + nc));
    },
    nt(a, b, c, M, K, N) {
      const na = M * K;
      const nb = K * N;
      const nc = M * N;
      const m = room(na + nb + nc);
      m.set(a.length === na ? a : a.subarray(0, na), 0);
      // bᵀ [K,N]: row p holds b[0,p], b[1,p], …
      for (let j = 0; j < N; j++) {
        const bj = j * K;
        for (let p = 0, o = na + j; p < K; p++, o += N) m[o] = b[bj + p] as number;
      }
      m.fill(0, na + nb, na + nb + nc);
      ex.rowsTimesB(0, na * 8, (na + nb) * 8, M, K, N, K, 1);
      const base = na + nb;
      for (let i = 0; i < nc; i++) c[i] = (c[i] as number) + (m[base + i] as number);
    },
    bytes: () => ex.memory.buffer.byteLength,
  };
}
