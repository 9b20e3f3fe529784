/**
 * `window.__backstep`: a small handle for the end-to-end tests and `npm run bench:ui` to drive the debugger
 * and time it. Installed in dev builds and in the web build (never in the packaged desktop app).
 */
import { nextTick } from 'vue';
import type { GraphController } from '../graph/GraphController';
import type { useTraceStore } from '../stores/trace';
import { loadExample } from '../examples';
import { scalarMlp } from '../examples/generated';
import { wasmKernelsInUse } from '../../../engine';

type TraceStore = ReturnType<typeof useTraceStore>;

export interface LoadTiming {
  nodes: number;
  events: number;
  /** Building the graph and recording its trace (engine). */
  traceMs: number;
  /** Creating the elements and running dagre. */
  layoutMs: number;
  /** From the end of the layout to the first frame drawn. */
  paintMs: number;
}

export interface StepTiming {
  /** From the key press to the end of its handling: the store step, Vue's update, the batched Cytoscape update. */
  applyMs: number;
  /** Idle time from the end of the handling to the start of the next frame (the display's refresh phase). */
  waitMs: number;
  /**
   * That frame's main-thread work, from its start (or the end of the handling, if later) until it is done:
   * animation-frame callbacks (Cytoscape's style pass and draw), the page's style, layout and paint, and the
   * commit of the canvas to the compositor.
   */
  frameMs: number;
  /** Whether the view moved to keep the current node in sight (a frame that draws nodes not seen before). */
  moved: boolean;
}

export interface BackstepHook {
  store: TraceStore;
  loadExample(id: string): Promise<LoadTiming>;
  loadMlp(nodes: number): Promise<LoadTiming>;
  /** Switch the display as its toolbar button does; resolves with the ms until the next frame is drawn. */
  setSimplified(on: boolean): Promise<number>;
  /**
   * One step as the student takes it: a → key press (keydown on the window, through the shell's shortcut
   * handling), timed until the frame that shows it is done. Starts in a task of its own once the frame of
   * the previous step is done.
   */
  stepTimed(): Promise<StepTiming>;
  simplified(): boolean;
  /** Which loops the engine's matrix products run on: its WebAssembly SIMD kernel or the TypeScript ones. */
  kernels(): 'wasm' | 'ts';
  /** ms per synchronous redraw of the element layer (no frame wait). */
  drawCost(times: number): number;
  labelOf(id: number): string;
  classesOf(id: number): string[];
  /** Whether the current step's node is in the visible part of the graph. */
  currentInView(): boolean;
  findNode(label: string): number | null;
  /** Where a node is drawn, relative to the graph's container (null: not drawn). */
  screenPositionOf(id: number): { x: number; y: number } | null;
  /** How many frames Cytoscape has drawn so far (the simplified display's steps draw none). */
  cytoscapeFrames(): number;
  /** The graph view's zoom level. */
  zoom(): number;
  /** The simplified display's overlay: its tiles, how many it has drawn, its pixels (graph-relative px). */
  overlay(): {
    tiles: number;
    drawn: number;
    pixels(x: number, y: number, n: number): number[];
  };
  /**
   * Whether the overlay as the steps left it equals the overlay drawn anew: snapshot, redraw every tile
   * in the next frame, snapshot again.
   */
  overlayMatchesRedraw(): Promise<boolean>;
}

declare global {
  interface Window {
    __backstep?: BackstepHook;
  }
}

/**
 * Resolves with the time at which the next frame Cytoscape draws is done: a message posted from its draw
 * runs only after the rest of that frame (the page's style, layout and paint, and the commit).
 */
function frameDone(c: GraphController): Promise<number> {
  return new Promise((resolve) => {
    const off = c.onRender(() => {
      off();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve(performance.now());
      };
      ch.port2.postMessage(0);
    });
  });
}

/**
 * `switchDisplay`: the view's own switch (its toolbar button's), so that the hook's simplified display is
 * the one a student gets (the view also stops following the cursor there). Without it, the controller's.
 */
export function installDebugHook(
  store: TraceStore,
  controller: () => GraphController | null,
  switchDisplay?: (simplified: boolean) => Promise<void>,
): void {
  if (typeof window === 'undefined') return;
  const desktop = (window as { backstep?: unknown }).backstep !== undefined;
  if (desktop && !import.meta.env.DEV) return;
  const ctl = (): GraphController => {
    const c = controller();
    if (!c) throw new Error('__backstep: the graph view is not mounted');
    return c;
  };
  async function timedLoad(load: () => void): Promise<LoadTiming> {
    const t0 = performance.now();
    load();
    const t1 = performance.now();
    await nextTick();
    await ctl().idle();
    const t2 = performance.now();
    await ctl().nextRender();
    const t3 = performance.now();
    const idx = store.index!;
    return {
      nodes: idx.ids.length,
      events: idx.trace.events.length,
      traceMs: t1 - t0,
      layoutMs: t2 - t1,
      paintMs: t3 - t2,
    };
  }
  window.__backstep = {
    store,
    loadExample: (id) => timedLoad(() => loadExample(store, id)),
    loadMlp: (n) => timedLoad(() => store.load(scalarMlp(n), `scalar MLP (about ${n} nodes)`)),
    async setSimplified(on) {
      const t0 = performance.now();
      await (switchDisplay ? switchDisplay(on) : ctl().setSimplified(on));
      await ctl().nextRender();
      return performance.now() - t0;
    },
    async stepTimed() {
      const c = ctl();
      // A task of its own, as a key press arrives (the caller awaited the previous step's frame).
      await new Promise<void>((r) => setTimeout(r, 0));
      const shown = frameDone(c);
      const before = store.cursor;
      const movesBefore = c.viewMoves();
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await nextTick();
      const t1 = performance.now();
      if (store.cursor === before) throw new Error('__backstep.stepTimed: the → key did not step');
      // The first frame after the handling: its start is the same for every callback of that frame.
      const start = new Promise<number>((r) => requestAnimationFrame(r));
      const done = await shown;
      const f = Math.max(await start, t1);
      return { applyMs: t1 - t0, waitMs: f - t1, frameMs: done - f, moved: c.viewMoves() !== movesBefore };
    },
    simplified: () => ctl().isSimplified(),
    kernels: () => (wasmKernelsInUse() ? 'wasm' : 'ts'),
    drawCost: (times) => ctl().drawCost(times),
    labelOf: (id) => ctl().labelOf(id),
    classesOf: (id) => ctl().classesOf(id),
    currentInView() {
      const ev = store.currentEvent;
      return ev !== null && ctl().inView(ev.node);
    },
    screenPositionOf: (id) => ctl().renderedPositionOf(id),
    cytoscapeFrames: () => ctl().cytoscapeFrames(),
    zoom: () => ctl().zoom(),
    overlay() {
      const o = ctl().overlay();
      if (!o) throw new Error('__backstep.overlay: no overlay (no 2d canvas)');
      return { ...o.tileCounts(), pixels: (x, y, n) => o.pixels(x, y, n) };
    },
    async overlayMatchesRedraw() {
      const o = ctl().overlay();
      if (!o) throw new Error('__backstep.overlay: no overlay (no 2d canvas)');
      const before = o.snapshot();
      const drawn = o.tileCounts().drawn;
      o.invalidate();
      for (let i = 0; i < 10 && o.tileCounts().drawn === drawn; i++) await ctl().nextRender();
      const after = o.snapshot();
      if (o.tileCounts().drawn - drawn !== o.tileCounts().tiles) return false;
      return before.length === after.length && before.every((v, i) => v === after[i]);
    },
    findNode(label) {
      const n = store.index?.trace.graph.nodes.find((x) => x.label === label);
      return n ? n.id : null;
    },
  };
}
