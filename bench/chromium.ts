/**
 * Our side of the engine workloads in Debian's Chromium (the desktop app's runtime), for `npm run bench`.
 * Bundles bench/inPage.ts with esbuild (tfjs stubbed out), opens a blank page, runs each workload there and
 * returns its timings. Chromium's clock is coarsened to 0.1 ms for pages; the workloads take milliseconds.
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM_ARGS } from '../lessons/io/chromium';
import { findChromium } from '../lessons/io/pdf';
import { BENCH_DIR, summarize, type Timing } from './harness';
import type { WorkloadId } from './inPage';

async function bundle(): Promise<string> {
  const r = await build({
    entryPoints: [resolve(BENCH_DIR, 'inPage.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // 'error': the stub below makes esbuild warn about every tf.* the (unused) peer functions name
    logLevel: 'error',
    plugins: [
      {
        name: 'no-tfjs',
        setup(b) {
          b.onResolve({ filter: /^@tensorflow\// }, (a) => ({ path: a.path, namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {}', loader: 'js' }));
        },
      },
    ],
  });
  return r.outputFiles[0]!.text;
}

/** Each workload's timing in Chromium (ms per run), in the order given. */
export async function timeInChromium(
  plan: readonly { id: WorkloadId; warmup: number; runs: number }[],
): Promise<Map<WorkloadId, Timing>> {
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const out = new Map<WorkloadId, Timing>();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    for (const { id, warmup, runs } of plan) {
      const samples = await page.evaluate(
        ([w, n, r]) => (globalThis as unknown as { __bench: (...a: unknown[]) => number[] }).__bench(w, n, r),
        [id, warmup, runs] as const,
      );
      out.set(id, summarize(samples));
    }
  } finally {
    await browser.close();
  }
  return out;
}
