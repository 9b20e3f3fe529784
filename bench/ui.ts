/**
 * `npm run bench:ui`: the debugger's speed in Chromium. Builds the web app (into a temporary folder), serves
 * it, opens the debugger, loads scalar graphs of 500 and 2,000 nodes through `window.__backstep` and takes
 * 200 steps on each.
 *
 * Reported per graph: trace (engine), layout (elements + layout), paint (first frame), and per step, as p50 /
 * p95, what a student pressing → waits for, measured in the page (renderer/src/debugger/debugHook.ts):
 * - apply: from the keydown (dispatched on the window, through the shell's shortcut handling) to the end of
 *   its handling: the store step, Vue's update of the panels, the batched Cytoscape update;
 * - frame: the next frame's main-thread work, from its start until it is done: Cytoscape's style pass and
 *   draw, the page's style, layout and paint, and the commit of the canvas (found by a message posted from
 *   Cytoscape's draw, which runs only after the rest of that frame);
 * - moves: how many steps moved the view to keep the current node in sight (each such frame draws nodes
 *   not seen before), with the step p50 / p95 of the other steps (still) and of those (move);
 * - CPU/step: the browser's CPU time (all its processes and threads: page, compositor, raster) per step
 *   over the 200 steps, from /proc (Linux): the work a step costs, whichever core did it, without the time
 *   spent waiting for one;
 * - step = apply + frame. Left out: the idle wait between the end of the handling and the next frame's
 *   start, which depends only on when in the display's 16.7 ms refresh the key came (on average half a
 *   frame, the same for any page); work done in that wait (e.g. idle callbacks) that delays the frame's
 *   start is counted, as the frame is measured from the later of its start and the handling's end.
 * Each step starts in a task of its own once the frame of the previous one is done: steps as fast as the
 * frames allow, as when the key is held down. Before the measured sizes, a warm-up graph of 400 nodes takes
 * 100 steps in each display, so the first measured steps do not pay for compiling the stepping code.
 *
 * Last, a floor row per size: the same steps on a plain page in the same layout that does the least a step
 * must (bench/uiFloor.ts), so the table shows how much of a step is the browser's own cost on this machine.
 *
 * Until 2026-11-27 step was apply + (frame start → end of Cytoscape's draw): it missed the page's paint
 * and the canvas commit after the draw (about 5-10 ms a step here), and it stepped from inside the previous
 * draw's callback. Numbers before that date are not comparable.
 *
 * Targets (issue 9): layout + paint < 2 s and step p95 < 16 ms at 2,000 nodes.
 */
import { CHROMIUM_ARGS } from '../lessons/io/chromium';
import { findChromium } from '../lessons/io/pdf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { descendantsCpuMs } from './procCpu';
import { floorPage } from './uiFloor';

/** What `window.__backstep` (renderer/src/debugger/debugHook.ts) returns; restated here to keep DOM types out. */
interface LoadTiming {
  nodes: number;
  events: number;
  traceMs: number;
  layoutMs: number;
  paintMs: number;
}
interface StepTiming {
  applyMs: number;
  waitMs: number;
  frameMs: number;
  moved: boolean;
}
interface Hook {
  loadMlp(nodes: number): Promise<LoadTiming>;
  setSimplified(on: boolean): Promise<number>;
  stepTimed(): Promise<StepTiming>;
  store: { reset(): void };
  simplified(): boolean;
}
/** The page's global object, as the functions passed to `page.evaluate` see it. */
type Page = { __backstep?: Hook };

const root = resolve(import.meta.dirname, '..');
// BENCH_UI_SIZES=2000 measures one size only (a quicker loop while tuning).
const SIZES = (process.env.BENCH_UI_SIZES ?? '500,2000').split(',').map(Number);
const STEPS = 200;

/** Where the run is, on stderr (a run takes minutes). */
const progress = (what: string): void => void process.stderr.write(`bench:ui: ${what}\n`);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const ms = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(1)).padStart(8);

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  const configFile = resolve(root, 'vite.web.config.ts');
  // A private build folder: dist-web and other runs' builds are left alone.
  const outDir = mkdtempSync(join(tmpdir(), 'backstep-bench-ui-'));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench:ui: vite preview did not report a URL');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const rows: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    await page.locator('[role=tab][data-view=debugger]').click();
    await page.waitForFunction(() => (globalThis as unknown as Page).__backstep !== undefined, undefined, {
      timeout: 30_000,
    });
    const timedSteps = (): Promise<StepTiming[]> =>
      page.evaluate(async (count) => {
        const h = (globalThis as unknown as Page).__backstep!;
        h.store.reset();
        // Let the reset's frame and any work it scheduled settle.
        await new Promise((r) => setTimeout(r, 300));
        const out: StepTiming[] = [];
        for (let i = 0; i < count; i++) out.push(await h.stepTimed());
        return out;
      }, STEPS);
    progress('warm-up');
    // Warm-up, so that the first size does not pay for JIT and font loading: a graph of the same kind (over
    // 300 nodes, so it opens collapsed like the measured ones), 100 steps in each display, back to the first.
    await page.evaluate(async () => {
      const h = (globalThis as unknown as Page).__backstep!;
      await h.loadMlp(400);
      const first = h.simplified();
      for (const on of [first, !first]) {
        await h.setSimplified(on);
        for (let i = 0; i < 100; i++) await h.stepTimed();
      }
      await h.setSimplified(first);
    });
    for (const n of SIZES) {
      progress(`${n} nodes: load and ${STEPS} steps`);
      const load = await page.evaluate((k) => (globalThis as unknown as Page).__backstep!.loadMlp(k), n);
      const simple = await page.evaluate(() => (globalThis as unknown as Page).__backstep!.simplified());
      rows.push(
        row(load, simple ? 'simplified' : 'full', load.layoutMs + load.paintMs, await withCpu(timedSteps)),
      );
      // The other display, switched to from the toolbar: its re-layout and first frame, then the same steps.
      progress(`${n} nodes: the other display and ${STEPS} steps`);
      const switchMs = await page.evaluate(
        (on) => (globalThis as unknown as Page).__backstep!.setSimplified(on),
        !simple,
      );
      rows.push(row(load, simple ? 'full' : 'simplified', switchMs, await withCpu(timedSteps)));
    }
    // The floor: the same steps on a plain page that does the least a step must (bench/uiFloor.ts), a new
    // page for each size (a page's script keeps its globals across setContent).
    for (const n of SIZES) {
      progress(`${n} nodes: the floor page`);
      const floor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await floor.setContent(floorPage(n));
      const floorSteps = (count: number) =>
        floor.evaluate(async (k) => {
          const w = globalThis as unknown as { floorStep(): Promise<StepTiming> };
          const out: StepTiming[] = [];
          for (let i = 0; i < k; i++) out.push(await w.floorStep());
          return out;
        }, count);
      await floorSteps(100);
      const none = { nodes: n, events: NaN, traceMs: NaN, layoutMs: NaN, paintMs: NaN };
      rows.push(row(none, 'floor page', NaN, await withCpu(() => floorSteps(STEPS))));
      await floor.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(
    `\nBackstep bench:ui — Chromium ${chromiumPath}, viewport 1280×800, ${STEPS} steps from reset\n`,
  );
  console.log(
    '   nodes   events  display      trace ms  layout+paint ms   apply p50  apply p95  frame p50  frame p95   step p50   step p95    CPU/step │  moves  still p50  still p95  move p50  move p95',
  );
  for (const r of rows) console.log(r);
  console.log(
    '\nlayout+paint: load (first row of a size) or switching the display (second row). step = apply + frame, ms (see the header of bench/ui.ts).' +
      "\nCPU/step: the browser's CPU time (all its processes and threads) per step, ms: its work, without the waits." +
      `\nmoves: steps (of ${STEPS}) where the view moved to keep the current node in sight; still / move: step p50 and p95 of the other steps and of those.` +
      "\nfloor page: a plain page in the same layout that does the least a step must (move the range, change a few lines of text, redraw the changed tiles of that many dots; bench/uiFloor.ts), timed the same way: this browser and machine's own cost of a step." +
      '\nTargets at 2,000 nodes: layout+paint < 2000 ms, step p95 < 16 ms. Graphs over 300 nodes open collapsed: only a window around the current step is in Cytoscape (zoom 1, following the cursor); simplified = the whole graph as dots.',
  );
}

/** Take the steps `run` takes, with the browser's CPU time per step over them (null without /proc). */
async function withCpu(
  run: () => Promise<StepTiming[]>,
): Promise<{ steps: StepTiming[]; cpu: number | null }> {
  const c0 = descendantsCpuMs(process.pid);
  const steps = await run();
  const c1 = descendantsCpuMs(process.pid);
  return { steps, cpu: c0 === null || c1 === null ? null : (c1 - c0) / steps.length };
}

function row(
  load: LoadTiming,
  display: string,
  layoutPaint: number,
  { steps, cpu }: { steps: StepTiming[]; cpu: number | null },
): string {
  const apply = steps.map((s) => s.applyMs);
  const frame = steps.map((s) => s.frameMs);
  const total = steps.map((s) => s.applyMs + s.frameMs);
  const still = steps.filter((s) => !s.moved).map((s) => s.applyMs + s.frameMs);
  const moving = steps.filter((s) => s.moved).map((s) => s.applyMs + s.frameMs);
  const q = (xs: number[], p: number): string => (xs.length ? ms(quantile(xs, p)) : '       —');
  return [
    String(load.nodes).padStart(8),
    (Number.isNaN(load.events) ? '—' : String(load.events)).padStart(8),
    ` ${display.padEnd(11)}`,
    ms(load.traceMs).padStart(10),
    ms(layoutPaint).padStart(16),
    ms(quantile(apply, 0.5)).padStart(11),
    ms(quantile(apply, 0.95)).padStart(10),
    ms(quantile(frame, 0.5)).padStart(10),
    ms(quantile(frame, 0.95)).padStart(10),
    ms(quantile(total, 0.5)).padStart(10),
    ms(quantile(total, 0.95)).padStart(10),
    (cpu === null ? '—' : cpu.toFixed(1)).padStart(11),
    ` │ ${String(moving.length).padStart(6)}`,
    q(still, 0.5).padStart(10),
    q(still, 0.95).padStart(10),
    q(moving, 0.5).padStart(9),
    q(moving, 0.95).padStart(9),
  ].join(' ');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
