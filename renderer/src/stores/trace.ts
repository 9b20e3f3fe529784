/**
 * The debugger's state: one recorded trace and a cursor over its events (forward, then backward).
 *
 * Stepping only moves the cursor; what every node shows is derived from the trace (see
 * `debugger/traceIndex.ts`), so the engine is never called while stepping. The engine is called again
 * only to re-run after a leaf edit and for the numerical check, through a `DebugSession`.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { GraphNode, PlainValue, Trace } from '../../../engine/core/types';
import { sessionFor } from '../debugger/engineSession';
import { compareGrads, DEFAULT_TOLERANCES, type NodeCheck, type Tolerances } from '../debugger/numericCheck';
import { eventAt, gradEntryAt, indexTrace, type TraceIndex } from '../debugger/traceIndex';
import { useTraceCursor } from './traceCursor';
import { registerStateSection } from '../shell/persistence';
import type { AppState } from '../../../main/contract/state';

/** The debugger's lasting state: the graph's title and the steps taken (the schema's cursor is ≥ 0). */
type DebuggerState = AppState['debugger'];

/** What the store needs from the engine beyond the trace: re-running and numerical derivatives. */
export interface DebugSession {
  /** Set leaf `id` to `value`, re-run forward and backward, and return the new trace (same node ids). */
  retrace(id: number, value: PlainValue): Trace;
  /** Central-difference ∂L/∂node for one node (intermediate nodes included). */
  numericGrad(id: number, eps: number): PlainValue;
}

export interface CheckProgress {
  done: number;
  total: number;
}

/** How long one slice of "check all" may hold the main thread before yielding to the UI. */
const CHECK_SLICE_MS = 12;

export const useTraceStore = defineStore('trace', () => {
  const title = ref('');
  /** The trace and its index are large and immutable: kept out of deep reactivity. */
  const index = shallowRef<TraceIndex | null>(null);
  /** The engine handle is never made reactive (it holds the engine's node objects). */
  let session: DebugSession | null = null;
  const { cursor, total, atEnd, seek, step, stepBack } = useTraceCursor(index);
  const playing = ref(false);
  /** Steps per second while playing. */
  const speed = ref(4);
  const breakpoints = ref<number[]>([]);
  const selected = ref<number | null>(null);
  const checks = ref<Record<number, NodeCheck>>({});
  const tolerances = ref<Tolerances>({ ...DEFAULT_TOLERANCES });
  const checkProgress = ref<CheckProgress | null>(null);
  const error = ref<string | null>(null);
  /** Bumped on every load or re-run, so views know the graph (not only the cursor) changed. */
  const revision = ref(0);

  const trace = computed(() => index.value?.trace ?? null);
  const backwardStart = computed(() => index.value?.trace.backwardStart ?? 0);
  const lastForward = computed(() => backwardStart.value - 1);
  const currentEvent = computed(() => (index.value ? eventAt(index.value, cursor.value) : null));
  const phase = computed<'idle' | 'forward' | 'backward'>(() => currentEvent.value?.phase ?? 'idle');
  const hasSession = computed(() => revision.value >= 0 && session !== null);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let checkRun = 0;

  function loadTrace(t: Trace, name: string, s: DebugSession | null = null): void {
    pause();
    cancelCheck();
    session = s ? markRaw(s) : null;
    index.value = markRaw(indexTrace(t));
    title.value = name;
    cursor.value = -1;
    breakpoints.value = [];
    selected.value = null;
    checks.value = {};
    error.value = t.nonFinite ? t.nonFinite.message : null;
    revision.value++;
    resumeSaved();
  }

  /**
   * Hand a graph to the debugger (the lessons, the sandbox and the compare view call this): record its
   * trace, keep its root for re-runs and numerical checks, and start with nothing computed.
   */
  function load(root: GraphNode, name: string): void {
    const { trace: t, session: s } = sessionFor(root);
    loadTrace(t, name, s);
  }

  /**
   * The position saved by the last run, until the first graph is loaded: if that graph is the same one
   * (by title), the cursor goes back where it was; any other graph drops it.
   */
  const saved = ref<DebuggerState | null>(null);
  function restoreState(value: DebuggerState): void {
    saved.value = value.graphId ? { ...value } : null;
    // A graph already on screen (loaded before the saved state was read) takes it at once.
    if (index.value && cursor.value < 0) resumeSaved();
  }
  function resumeSaved(): void {
    const s = saved.value;
    saved.value = null;
    if (s && s.graphId === title.value.slice(0, 200)) seek(s.cursor - 1);
  }
  function snapshotState(): DebuggerState {
    // Nothing loaded yet this run: keep what the last run saved.
    if (!index.value) return saved.value ? { ...saved.value } : { graphId: null, cursor: 0 };
    return { graphId: title.value.slice(0, 200) || null, cursor: cursor.value + 1 };
  }
  registerStateSection('debugger', { snapshot: snapshotState, restore: restoreState });

  function reset(): void {
    pause();
    seek(-1);
  }
  /** To the end of the forward pass (or on to it from wherever the cursor is). */
  function runForward(): void {
    pause();
    seek(lastForward.value);
  }
  function runToEnd(): void {
    pause();
    seek(total.value - 1);
  }

  function atBreakpoint(): boolean {
    const ev = currentEvent.value;
    return ev !== null && breakpoints.value.includes(ev.node);
  }
  function tick(): void {
    timer = null;
    if (!playing.value) return;
    if (!step() || atBreakpoint() || atEnd.value) {
      playing.value = false;
      return;
    }
    timer = setTimeout(tick, 1000 / speed.value);
  }
  function play(): void {
    if (playing.value || total.value === 0) return;
    if (atEnd.value) seek(-1);
    playing.value = true;
    tick();
  }
  function pause(): void {
    playing.value = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }
  function togglePlay(): void {
    if (playing.value) pause();
    else play();
  }
  function setSpeed(stepsPerSecond: number): void {
    speed.value = Math.max(0.25, Math.min(120, stepsPerSecond));
  }

  function toggleBreakpoint(id: number): void {
    const b = breakpoints.value;
    breakpoints.value = b.includes(id) ? b.filter((x) => x !== id) : [...b, id];
  }
  function select(id: number | null): void {
    selected.value = id;
  }

  /** Change a leaf (an input or a weight) and re-run forward and backward; the cursor stays where it was. */
  function editLeaf(id: number, value: PlainValue): void {
    if (!session || !index.value)
      throw new Error('editLeaf: no engine session for this trace (a recorded trace cannot re-run)');
    const node = index.value.nodes.get(id);
    if (!node) throw new Error(`editLeaf: node ${id} is not in the graph "${title.value}"`);
    if (node.op !== 'leaf')
      throw new Error(`editLeaf: node ${id} (${node.name}) is computed by ${node.op}, not a leaf`);
    cancelCheck();
    const keep = cursor.value;
    const t = session.retrace(id, value);
    index.value = markRaw(indexTrace(t));
    checks.value = {};
    error.value = t.nonFinite ? t.nonFinite.message : null;
    revision.value++;
    seek(keep);
  }

  /** The backprop gradient of a node: its last accumulated value in the trace (the graph's `.grad` is not used). */
  function analyticGrad(id: number): PlainValue {
    const idx = index.value;
    const g = idx ? gradEntryAt(idx, id, idx.trace.events.length - 1) : null;
    if (!g) throw new Error(`numeric check: node ${id} receives no gradient in this trace`);
    return g.value;
  }

  function checkNode(id: number): NodeCheck {
    if (!session) throw new Error('numeric check: no engine session for this trace');
    const c = compareGrads(
      id,
      analyticGrad(id),
      session.numericGrad(id, tolerances.value.eps),
      tolerances.value,
    );
    checks.value = { ...checks.value, [id]: c };
    return c;
  }

  /** Check every node in slices, yielding to the UI between them; resolves when done or cancelled. */
  function checkAll(): Promise<void> {
    if (!index.value || !session) return Promise.resolve();
    const idx = index.value;
    const ids = idx.ids.filter((id) => idx.grads.has(id));
    const run = ++checkRun;
    const found: Record<number, NodeCheck> = {};
    checks.value = {};
    checkProgress.value = { done: 0, total: ids.length };
    return new Promise((resolve) => {
      let i = 0;
      const slice = (): void => {
        if (run !== checkRun) return resolve();
        const start = performance.now();
        while (i < ids.length && performance.now() - start < CHECK_SLICE_MS) {
          const id = ids[i++]!;
          found[id] = compareGrads(
            id,
            analyticGrad(id),
            session!.numericGrad(id, tolerances.value.eps),
            tolerances.value,
          );
        }
        checks.value = { ...found };
        checkProgress.value = { done: i, total: ids.length };
        if (i < ids.length) setTimeout(slice, 0);
        else {
          checkProgress.value = null;
          resolve();
        }
      };
      slice();
    });
  }
  function cancelCheck(): void {
    checkRun++;
    checkProgress.value = null;
  }
  function setTolerances(t: Partial<Tolerances>): void {
    tolerances.value = { ...tolerances.value, ...t };
    // Re-judge what was already measured against the new atol / rtol (ε changes need a re-run).
    const rejudged: Record<number, NodeCheck> = {};
    for (const c of Object.values(checks.value))
      rejudged[c.id] = compareGrads(c.id, c.analytic, c.numeric, tolerances.value);
    checks.value = rejudged;
  }

  return {
    title,
    saved,
    index,
    cursor,
    playing,
    speed,
    breakpoints,
    selected,
    checks,
    tolerances,
    checkProgress,
    error,
    revision,
    trace,
    total,
    backwardStart,
    lastForward,
    currentEvent,
    phase,
    atEnd,
    hasSession,
    loadTrace,
    load,
    seek,
    step,
    stepBack,
    reset,
    runForward,
    runToEnd,
    play,
    pause,
    togglePlay,
    setSpeed,
    toggleBreakpoint,
    select,
    editLeaf,
    checkNode,
    checkAll,
    cancelCheck,
    setTolerances,
    snapshotState,
    restoreState,
  };
});
