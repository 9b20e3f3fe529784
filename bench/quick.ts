/**
 * `npm run bench:quick -- [A1 A2 B1 B2 B3] [--runs=N] [--ts]`: our side only, for working on the engine on a
 * shared (loaded) machine. Each workload is checked first, like `npm run bench`; then every run is timed by
 * wall clock and by this process's CPU time (`process.cpuUsage`, user + system, which other processes on the
 * machine do not inflate). Prints min and median of both; on a busy machine trust CPU and the wall minimum.
 */
import { A1_EXPECTED, runA1 } from './workloads/a1ScalarChain';
import { A2_FIRST_LOSS, makeA2 } from './workloads/a2ScalarMlp';
import { FLOPS, b1Inputs, ikjMatmul, makeB1Ours, maxRelDiff } from './workloads/b1Matmul';
import { b2Init, makeB2Ours } from './workloads/b2Mlp';
import { b3Init, makeB3Ours } from './workloads/b3Conv';
import { useWasmKernels } from '../engine/index';

interface Stat {
  min: number;
  median: number;
}
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] as number, median: s[s.length >> 1] as number };
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(fn: () => unknown, runs: number, warmup: number): { wall: Stat; cpu: Stat } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall: stat(wall), cpu: stat(cpu) };
}

const f = (x: number) => x.toFixed(2).padStart(7);
function report(id: string, r: { wall: Stat; cpu: Stat }, extra = ''): void {
  console.log(
    `${id}  CPU min ${f(r.cpu.min)} med ${f(r.cpu.median)} ms | wall min ${f(r.wall.min)} med ${f(r.wall.median)} ms${extra}`,
  );
}

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('-'));
const runsArg = args.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice(7)) : 40;
const want = (id: string) => only.length === 0 || only.includes(id);
// --ts: the matrix products on the TypeScript loops (the reference) instead of the WebAssembly kernel.
const kernel = args.includes('--ts') ? 'TypeScript loops' : 'WebAssembly kernel';
if (useWasmKernels(!args.includes('--ts')) !== (kernel === 'WebAssembly kernel'))
  throw new Error('the WebAssembly kernel does not load in this Node');
if (want('B1') || want('B2') || want('B3')) console.log(`(B1–B3: matrix products on the ${kernel})`);

if (want('A1')) {
  const first = runA1();
  if (first.output !== A1_EXPECTED) throw new Error(`A1 output ${first.output}, expected ${A1_EXPECTED}`);
  let build = Infinity;
  let back = Infinity;
  const r = measure(
    () => {
      const p = runA1();
      build = Math.min(build, p.build);
      back = Math.min(back, p.backward);
    },
    RUNS,
    10,
  );
  report('A1', r, `  (wall min build ${build.toFixed(2)} + backward ${back.toFixed(2)})`);
}

if (want('A2')) {
  const a2 = makeA2();
  const s0 = a2.step(0);
  if (s0.loss !== A2_FIRST_LOSS) throw new Error(`A2 first loss ${s0.loss}, expected ${A2_FIRST_LOSS}`);
  let k = 1;
  report(
    'A2',
    measure(() => a2.step(k++ % 100), RUNS, 10),
  );
}

if (want('B1')) {
  const { a, b } = b1Inputs();
  const ours = makeB1Ours(a, b);
  const diff = maxRelDiff(ours(), ikjMatmul(a, b, 256));
  if (diff !== 0) throw new Error(`B1 differs from i-k-j by ${diff}`);
  const r = measure(ours, RUNS, 5);
  report(
    'B1',
    r,
    `  (${(FLOPS / (r.cpu.min * 1e6)).toFixed(2)} GFLOP/s by CPU min, ${(FLOPS / (r.wall.min * 1e6)).toFixed(2)} by wall min)`,
  );
}

if (want('B2')) {
  const ours = makeB2Ours(b2Init());
  const first = ours.step();
  let last = first;
  const r = measure(() => (last = ours.step()), RUNS, 5);
  if (!(last < first)) throw new Error(`B2 loss did not fall: ${first} → ${last}`);
  report('B2', r, `  (loss ${first.toFixed(4)} → ${last.toFixed(4)})`);
}

if (want('B3')) {
  const ours = makeB3Ours(b3Init());
  ours();
  report('B3', measure(ours, Math.max(10, RUNS >> 1), 3));
}
