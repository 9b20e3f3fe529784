/**
 * Timing for `npm run bench`: warm up, then repeat and keep every sample, so the table can show the median
 * and the spread. Timed unit tests flake on a shared machine; a table of medians does not pretend. Each run is
 * also timed in this process's CPU time (`process.cpuUsage`, all its threads, the garbage collector's
 * included): on a loaded machine the wall clock also counts the time other processes held the cores.
 */
import path from 'node:path';

/** The bench/ folder, whether this runs from source (tsx) or bundled into bench/.out (bench/bundled.ts). */
export const BENCH_DIR =
  path.basename(import.meta.dirname) === '.out' ? path.dirname(import.meta.dirname) : import.meta.dirname;

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** CPU milliseconds per run (median and min), when measured. */
  cpu?: { median: number; min: number };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface TimeOptions {
  warmup?: number;
  runs?: number;
  /** Stop adding runs once this many milliseconds have been spent (after at least 3 runs). */
  budgetMs?: number;
}

export function summarize(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}

/** Time `fn` (ms per call). `fn` may return a value so the work cannot be optimised away. */
export function time(fn: () => unknown, opts: TimeOptions = {}): Timing {
  const { warmup = 3, runs = 15, budgetMs = 4000 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    if (samples.length >= 3 && performance.now() - start > budgetMs) break;
  }
  const c = summarize(cpu);
  return { ...summarize(samples), cpu: { median: c.median, min: c.min } };
}

/** Like `time`, for workloads measured in two phases (e.g. build, then backward). */
export function timePhases<P extends string>(
  fn: () => Record<P, number>,
  phases: readonly P[],
  opts: TimeOptions = {},
): Record<P, Timing> {
  const { warmup = 3, runs = 15, budgetMs = 4000 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const samples = Object.fromEntries(phases.map((p) => [p, [] as number[]])) as Record<P, number[]>;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = fn();
    for (const p of phases) samples[p].push(r[p]);
    if (i >= 2 && performance.now() - start > budgetMs) break;
  }
  return Object.fromEntries(phases.map((p) => [p, summarize(samples[p])])) as Record<P, Timing>;
}

const fmtNum = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

export function fmtMs(t: Timing): string {
  return `${fmtNum(t.median)} ms (${fmtNum(t.min)}–${fmtNum(t.max)})`;
}

/** "CPU 12.3 ms (min 11.9)", or '' when the run was not CPU-timed. */
export function fmtCpu(t: Timing): string {
  return t.cpu ? `CPU ${fmtNum(t.cpu.median)} ms (min ${fmtNum(t.cpu.min)})` : '';
}
