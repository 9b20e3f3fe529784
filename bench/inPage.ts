/**
 * The engine workloads as a page script, for `npm run bench`'s Chromium column (bench/chromium.ts bundles this
 * file and runs it in Debian's Chromium). Chromium is the app's runtime: the desktop renderer is Chromium's V8,
 * which, unlike Node's, compresses pointers, so a graph node is about half the bytes there and the garbage
 * collector's share of a scalar step differs. Ours only (tfjs is stubbed out of this bundle); each workload
 * checks its result first, as in Node.
 */
import { A1_EXPECTED, runA1 } from './workloads/a1ScalarChain';
import { A2_FIRST_LOSS, makeA2 } from './workloads/a2ScalarMlp';
import { b1Inputs, ikjMatmul, makeB1Ours, maxRelDiff } from './workloads/b1Matmul';
import { b2Init, makeB2Ours } from './workloads/b2Mlp';
import { b3Init, makeB3Ours } from './workloads/b3Conv';
import { useWasmKernels } from '../engine/index';

export type WorkloadId = 'A1' | 'A2' | 'B1' | 'B2' | 'B3';

/** Milliseconds per run, `runs` runs after `warmup`; throws if the workload's result is wrong. */
function timeRuns(id: WorkloadId, warmup: number, runs: number): number[] {
  // As the app runs the engine: matrix products on its WebAssembly kernel.
  if (!useWasmKernels(true)) throw new Error('the WebAssembly kernel does not load in this page');
  const fn = prepare(id);
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function prepare(id: WorkloadId): () => unknown {
  switch (id) {
    case 'A1': {
      const out = runA1().output;
      if (out !== A1_EXPECTED) throw new Error(`A1 output ${out}, expected ${A1_EXPECTED}`);
      return runA1;
    }
    case 'A2': {
      const a2 = makeA2();
      const loss = a2.step(0).loss;
      if (loss !== A2_FIRST_LOSS) throw new Error(`A2 first loss ${loss}, expected ${A2_FIRST_LOSS}`);
      let k = 1;
      return () => a2.step(k++ % 100);
    }
    case 'B1': {
      const { a, b } = b1Inputs();
      const ours = makeB1Ours(a, b);
      const diff = maxRelDiff(ours(), ikjMatmul(a, b, 256));
      if (diff !== 0) throw new Error(`B1 differs from the i-k-j loop by ${diff}`);
      return ours;
    }
    case 'B2': {
      const ours = makeB2Ours(b2Init());
      const first = ours.step();
      const second = ours.step();
      if (!(second < first)) throw new Error(`B2 loss did not fall: ${first} → ${second}`);
      return ours.step;
    }
    case 'B3':
      return makeB3Ours(b3Init());
  }
}

(globalThis as unknown as { __bench: typeof timeRuns }).__bench = timeRuns;
