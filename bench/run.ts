/**
 * `npm run bench`: every workload of the benchmark issue, ours beside tfjs (cpu and wasm) in the same process,
 * median and min–max after warm-up. Each workload checks its result first, so a fast wrong answer never counts.
 * Prints one table and writes it as JSON to bench/results/. Ours runs as the app runs the engine: matrix
 * products on its WebAssembly SIMD kernel, with the TypeScript loops (the reference) in a row of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { BENCH_DIR, fmtCpu, fmtMs, time, timePhases, type Timing } from './harness';
import { useBackend } from './peers';
import { useWasmKernels } from '../engine/index';
import { A1_EXPECTED, runA1, runA1Tf } from './workloads/a1ScalarChain';
import { A2_FIRST_LOSS, countNodes, makeA2 } from './workloads/a2ScalarMlp';
import { makeA2Micrograd } from './workloads/a2Micrograd';
import { FLOPS, b1Inputs, ikjMatmul, makeB1Ours, makeB1Tf, maxRelDiff } from './workloads/b1Matmul';
import { b2Init, makeB2Ours, makeB2Tf } from './workloads/b2Mlp';
import { b3Init, makeB3Ours, makeB3Tf } from './workloads/b3Conv';
import { lower, loweringRoots } from './workloads/l1Lowering';
import { ChromiumMissingError, findChromium } from '../lessons/io/pdf';
import { timeInChromium } from './chromium';
import type { WorkloadId } from './inPage';

interface Row {
  id: string;
  workload: string;
  unit: 'ms' | 'GFLOP/s';
  ours: Timing;
  oursValue: number;
  peers: Record<string, { timing: Timing; value: number } | string>;
  target: string;
  /** The target, given the row's value (ms, or GFLOP/s for B1). */
  meets: (value: number) => boolean;
  /** Ours in Chromium, the desktop app's runtime (bench/chromium.ts), when Chromium is installed. */
  chromium?: { timing: Timing; value: number };
  check: string;
}

const rows: Row[] = [];
const gflops = (t: Timing) => FLOPS / (t.median * 1e6);
const cpuMedian = (t: Timing) => t.cpu?.median ?? t.median;

function fail(msg: string): never {
  console.error(`bench: result check failed — ${msg}`);
  process.exit(1);
}

/**
 * Ours runs as the app does, with the engine's matrix products on its WebAssembly SIMD kernel; the
 * TypeScript loops (the reference, the same numbers bit for bit) are shown beside it as a row of their own.
 */
const TS_ROW = 'ours, TypeScript loops';
function tsLoops<T>(fn: () => T): T {
  useWasmKernels(false);
  try {
    return fn();
  } finally {
    useWasmKernels(true);
  }
}

async function main(): Promise<void> {
  if (!useWasmKernels(true)) fail('the WebAssembly kernel does not load in this Node');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const want = (id: string) => only.length === 0 || only.includes(id);
  await useBackend('cpu');

  if (want('A1')) {
    const first = runA1();
    if (first.output !== A1_EXPECTED) fail(`A1 output ${first.output}, expected ${A1_EXPECTED}`);
    const t = timePhases(() => runA1(), ['build', 'backward'] as const, { warmup: 5, runs: 30 });
    const total = time(() => runA1(), { warmup: 2, runs: 30 });
    const tfRun = runA1Tf();
    if (Math.abs(tfRun.output - A1_EXPECTED) > 1e-5) fail(`A1 tfjs output ${tfRun.output}`);
    const tfT = time(() => runA1Tf(), { warmup: 0, runs: 1 }); // ~10 s a run: once is enough
    rows.push({
      id: 'A1',
      workload: `scalar chain 100k ops (build ${fmtMs(t.build)} + backward ${fmtMs(t.backward)})`,
      unit: 'ms',
      ours: total,
      oursValue: total.median,
      peers: {
        'tfjs-cpu (0-d tensors)': { timing: tfT, value: tfT.median },
        'tfjs-wasm': 'not run (scalar)',
      },
      target: '≤ 15 ms',
      meets: (ms) => ms <= 15,
      check: `output ${first.output}`,
    });
  }

  if (want('A2')) {
    const a2 = makeA2();
    const s0 = a2.step(0);
    if (s0.loss !== A2_FIRST_LOSS) fail(`A2 first loss ${s0.loss}, expected ${A2_FIRST_LOSS}`);
    const nodes = countNodes(s0.root);
    // micrograd in plain JS (the peer): the same first loss to the bit, and after one update the same loss
    // up to the order in which each gradient's contributions were summed.
    const mg = makeA2Micrograd();
    const m0 = mg.step(0);
    if (m0 !== A2_FIRST_LOSS) fail(`A2 micrograd first loss ${m0}, expected ${A2_FIRST_LOSS}`);
    const s1 = a2.step(1).loss;
    const m1 = mg.step(1);
    if (Math.abs(m1 - s1) > 1e-12 * Math.abs(s1)) fail(`A2 micrograd second loss ${m1}, ours ${s1}`);
    let j = 2;
    const mt = time(() => mg.step(j++ % 100), { warmup: 3, runs: 15 });
    let k = 2;
    const t = time(() => a2.step(k++ % 100), { warmup: 3, runs: 30 });
    rows.push({
      id: 'A2',
      workload: `scalar MLP 2-16-16-1, 100 points, one SGD step (${nodes} nodes)`,
      unit: 'ms',
      ours: t,
      oursValue: t.median,
      peers: {
        'micrograd, plain JS': { timing: mt, value: mt.median },
        'tfjs-cpu': 'not run (no scalar mode)',
      },
      target: '≤ 5 ms',
      meets: (ms) => ms <= 5,
      check: `first loss ${s0.loss} (micrograd's too); second ${s1}`,
    });
  }

  if (want('B1')) {
    const { a, b } = b1Inputs();
    const ours = makeB1Ours(a, b);
    const ref = ikjMatmul(a, b, 256);
    const diff = maxRelDiff(ours(), ref);
    if (diff !== 0) fail(`B1 matmul differs from the i-k-j loop by ${diff}`);
    const tsDiff = tsLoops(() => maxRelDiff(ours(), ref));
    if (tsDiff !== 0) fail(`B1 matmul (TypeScript loops) differs from the i-k-j loop by ${tsDiff}`);
    const ts = tsLoops(() => time(ours, { runs: 15 }));
    const t = time(ours, { runs: 30 });
    const floor = time(() => ikjMatmul(a, b, 256), { runs: 15 });
    const peers: Row['peers'] = {
      [TS_ROW]: { timing: ts, value: gflops(ts) },
      'plain-JS i-k-j': { timing: floor, value: gflops(floor) },
    };
    for (const be of ['cpu', 'wasm'] as const) {
      await useBackend(be);
      const p = makeB1Tf(a, b);
      const d = maxRelDiff(p.run(), ref);
      if (d > 1e-4) fail(`B1 tfjs-${be} differs by ${d}`);
      const pt = time(p.run, { runs: be === 'cpu' ? 5 : 30 });
      peers[`tfjs-${be}`] = { timing: pt, value: gflops(pt) };
      p.dispose();
    }
    await useBackend('cpu');
    rows.push({
      id: 'B1',
      workload: 'matmul 256×256 · 256×256',
      unit: 'GFLOP/s',
      ours: t,
      oursValue: gflops(t),
      peers,
      target: '≥ 3 GFLOP/s',
      meets: (gf) => gf >= 3,
      check: 'equals the i-k-j loop bit for bit (kernel and TS loops)',
    });
  }

  if (want('B2')) {
    const init = b2Init();
    const ours = makeB2Ours(init);
    const peers: Row['peers'] = {};
    // Gradients of the first step against tfjs, before either has moved.
    const tfCheck = makeB2Tf(init);
    const tfGrads = tfCheck.grads();
    tfCheck.dispose();
    const first = ours.step();
    const gradDiff = Math.max(...ours.params.map((p, i) => maxRelDiff(p.grad!.data, tfGrads[i])));
    if (gradDiff > 1e-4) fail(`B2 gradients differ from tfjs by ${gradDiff}`);
    let last = first;
    const t = time(() => (last = ours.step()), { runs: 30 });
    if (!(last < first)) fail(`B2 loss did not fall: ${first} → ${last}`);
    const ts = tsLoops(() => time(() => ours.step(), { runs: 15 }));
    peers[TS_ROW] = { timing: ts, value: ts.median };
    for (const be of ['cpu', 'wasm'] as const) {
      await useBackend(be);
      const p = makeB2Tf(init);
      const pt = time(p.step, { runs: be === 'cpu' ? 10 : 30 });
      peers[`tfjs-${be}`] = { timing: pt, value: pt.median };
      p.dispose();
    }
    await useBackend('cpu');
    const cpu = peers['tfjs-cpu'];
    const half = typeof cpu === 'string' ? 17 : cpu.value / 2;
    rows.push({
      id: 'B2',
      workload: 'MLP 784-128-10, batch 64, one SGD step',
      unit: 'ms',
      ours: t,
      oursValue: t.median,
      peers,
      target: `≤ ½ tfjs-cpu (${half.toFixed(1)} ms)`,
      meets: (ms) => ms <= half,
      check: `loss ${first.toFixed(4)} → ${last.toFixed(4)}; grads = tfjs (${gradDiff.toExponential(1)})`,
    });
  }

  if (want('B3')) {
    const init = b3Init();
    const ours = makeB3Ours(init);
    const g = Float64Array.from(ours());
    const tfp = makeB3Tf(init);
    const diff = maxRelDiff(g, tfp.step());
    if (diff > 1e-3) fail(`B3 filter gradient differs from tfjs by ${diff}`);
    const t = time(ours, { runs: 20 });
    const ts = tsLoops(() => time(ours, { runs: 10 }));
    const pt = time(tfp.step, { warmup: 1, runs: 3 });
    tfp.dispose();
    rows.push({
      id: 'B3',
      workload: 'conv 5×5×8 on [32,1,28,28], ReLU, maxpool 2, sum; fwd + ∂/∂w',
      unit: 'ms',
      ours: t,
      oursValue: t.median,
      peers: {
        [TS_ROW]: { timing: ts, value: ts.median },
        'tfjs-cpu': { timing: pt, value: pt.median },
        'tfjs-wasm': 'no conv backward',
      },
      target: '≤ 50 ms',
      meets: (ms) => ms <= 50,
      check: `∂/∂w = tfjs (${diff.toExponential(1)})`,
    });
  }

  if (want('L1')) {
    for (const { name, root } of loweringRoots()) {
      const nodes = lower(root).counts.scalarNodes;
      const t = time(() => lower(root), { runs: 30 });
      rows.push({
        id: 'L1',
        workload: `lower ${name} to scalars (${nodes} scalar nodes)`,
        unit: 'ms',
        ours: t,
        oursValue: t.median,
        peers: { none: 'no peer lowers graphs' },
        target: '< 100 ms',
        meets: (ms) => ms < 100,
        check: 'gradients equal: test/engine/lower',
      });
    }
  }

  await addChromium();
  print();
  save();
}

/** Runs (after warm-up) per workload in Chromium: about the same counts as the Node side. */
const CHROMIUM_PLAN: readonly { id: WorkloadId; warmup: number; runs: number }[] = [
  { id: 'A1', warmup: 5, runs: 30 },
  { id: 'A2', warmup: 5, runs: 30 },
  { id: 'B1', warmup: 3, runs: 30 },
  { id: 'B2', warmup: 3, runs: 30 },
  { id: 'B3', warmup: 2, runs: 20 },
];

/** The same workloads, ours only, in Chromium: the engine as the app runs it. */
async function addChromium(): Promise<void> {
  const plan = CHROMIUM_PLAN.filter((p) => rows.some((r) => r.id === p.id));
  if (plan.length === 0) return;
  try {
    findChromium();
  } catch (e) {
    if (!(e instanceof ChromiumMissingError)) throw e;
    console.log('(no Chromium found; set CHROMIUM_PATH to its executable: the Chromium column is left out)');
    return;
  }
  const timings = await timeInChromium(plan);
  for (const r of rows) {
    const t = timings.get(r.id as WorkloadId);
    if (!t) continue;
    const value = r.unit === 'GFLOP/s' ? gflops(t) : t.median;
    r.chromium = { timing: t, value };
  }
}

function cell(unit: Row['unit'], t: Timing, v: number): string {
  if (unit === 'ms') return [fmtMs(t), fmtCpu(t)].filter(Boolean).join('; ');
  const wall = `${v.toFixed(2)} GFLOP/s (${(FLOPS / (t.max * 1e6)).toFixed(2)}–${(FLOPS / (t.min * 1e6)).toFixed(2)})`;
  return t.cpu ? `${wall}; CPU ${(FLOPS / (t.cpu.median * 1e6)).toFixed(2)} GFLOP/s` : wall;
}

/** The row's value by median CPU time (the wall clock also counts other processes on a loaded machine). */
function cpuValue(r: Row): number {
  const ms = cpuMedian(r.ours);
  return r.unit === 'GFLOP/s' ? FLOPS / (ms * 1e6) : ms;
}

/** Whether the target is met: by Node's median wall time, by its median CPU time, and in Chromium. */
function verdict(r: Row): { node: boolean; nodeCpu: boolean; chromium?: boolean } {
  return {
    node: r.meets(r.oursValue),
    nodeCpu: r.meets(cpuValue(r)),
    ...(r.chromium ? { chromium: r.meets(r.chromium.value) } : {}),
  };
}

function metCell(r: Row): string {
  const v = verdict(r);
  const node = v.node ? 'yes' : v.nodeCpu ? 'yes (CPU), NO (wall)' : 'NO';
  return v.chromium === undefined ? node : `Node ${node}; Chromium ${v.chromium ? 'yes' : 'NO'}`;
}

/** How many times faster ours is (> 1) or slower (< 1), in words. */
function speedup(x: number): string {
  return x >= 1 ? `${x.toFixed(2)}× faster` : `${(1 / x).toFixed(2)}× slower`;
}

function print(): void {
  const lines: string[][] = [
    [
      'id',
      'workload',
      'ours (Node)',
      'ours (Chromium)',
      'peer',
      'peer result',
      'ours vs peer',
      'target',
      'met',
      'check',
    ],
  ];
  for (const r of rows) {
    const peers = Object.entries(r.peers);
    peers.forEach(([name, p], i) => {
      const ratio =
        typeof p === 'string' ? '' : speedup(r.unit === 'ms' ? p.value / r.oursValue : r.oursValue / p.value);
      lines.push([
        i === 0 ? r.id : '',
        i === 0 ? r.workload : '',
        i === 0 ? cell(r.unit, r.ours, r.oursValue) : '',
        i === 0 && r.chromium ? cell(r.unit, r.chromium.timing, r.chromium.value) : '',
        name,
        typeof p === 'string' ? p : cell(r.unit, p.timing, p.value),
        ratio,
        i === 0 ? r.target : '',
        i === 0 ? metCell(r) : '',
        i === 0 ? r.check : '',
      ]);
    });
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const fmt = (l: string[]) => '| ' + l.map((s, c) => s.padEnd(widths[c])).join(' | ') + ' |';
  console.log(fmt(lines[0]));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines.slice(1)) console.log(fmt(l));
  console.log(
    `\n${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}; ` +
      "ms per run, median (min–max) by wall clock; CPU = this process's CPU time per run (median, min).",
  );
}

function save(): void {
  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model,
    rows: rows.map((r) => {
      const { meets: _meets, ...rest } = r; // a function: JSON keeps its verdict instead
      return { ...rest, met: verdict(r) };
    }),
  };
  const file = path.join(dir, 'latest.json');
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 2));
  fs.renameSync(tmp, file);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

await main();
