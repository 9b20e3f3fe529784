/**
 * `window.__backstep`: a small handle for the end-to-end tests and `npm run bench:ui` to drive the debugger
 * and time it. Installed in dev builds and in the web build (never in the packaged desktop app).
 */
import { nextTick } from 'vue';
import type { GraphController } from '../graph/GraphController';
import type { useTraceStore } from '../stores/trace';
import { loadExample } from '../examples';
import { scalarMlp } from '../examples/generated';

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
  /** The store step and the controller's batched update (synchronous). */
  applyMs: number;
  /** Cytoscape's draw in the next frame (from the frame's start to the end of the draw). */
  drawMs: number;
}

export interface BackstepHook {
  store: TraceStore;
  loadExample(id: string): Promise<LoadTiming>;
  loadMlp(nodes: number): Promise<LoadTiming>;
  /** Switch the display; resolves with the ms until the next frame is drawn. */
  setSimplified(on: boolean): Promise<number>;
  stepTimed(): Promise<StepTiming>;
  simplified(): boolean;
  /** ms per synchronous redraw of the element layer (no frame wait). */
  drawCost(times: number): number;
  labelOf(id: number): string;
  classesOf(id: number): string[];
  findNode(label: string): number | null;
}

declare global {
  interface Window {
    __backstep?: BackstepHook;
  }
}

export function installDebugHook(store: TraceStore, controller: () => GraphController | null): void {
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
      await ctl().setSimplified(on);
      await ctl().nextRender();
      return performance.now() - t0;
    },
    async stepTimed() {
      const c = ctl();
      const drawn = c.nextRender();
      const t0 = performance.now();
      store.step();
      await nextTick();
      const applyMs = performance.now() - t0;
      // Drawing happens in Cytoscape's next animation frame; time it from that frame's start.
      let drawMs = 0;
      const off = c.onRender(() => {
        drawMs = performance.now() - (document.timeline.currentTime as number);
      });
      await drawn;
      off();
      return { applyMs, drawMs };
    },
    simplified: () => ctl().isSimplified(),
    drawCost: (times) => ctl().drawCost(times),
    labelOf: (id) => ctl().labelOf(id),
    classesOf: (id) => ctl().classesOf(id),
    findNode(label) {
      const n = store.index?.trace.graph.nodes.find((x) => x.label === label);
      return n ? n.id : null;
    },
  };
}
