/**
 * Everything the debugger shows at a cursor position, derived from the recorded trace alone.
 *
 * The cursor is an index into `trace.events` (−1 = nothing computed yet). A node's value is shown once its
 * forward event is at or before the cursor; its gradient is the last `accumulated` it received from a
 * backward event at or before the cursor. Because the state is a pure function of the cursor, stepping back
 * shows exactly what was shown before, and a jump anywhere on the timeline costs no engine call.
 */
import type { GraphNodeJSON, PlainValue, Trace, TraceEvent } from '../../../engine/core/types';

export interface GradEntry {
  step: number;
  /** The node's gradient after this step. */
  value: PlainValue;
  /** The consumer whose backward step added to it (null: the node's own seed / completed upstream). */
  from: number | null;
  /** What that step added. */
  contribution: PlainValue | null;
}

export interface TraceIndex {
  readonly trace: Trace;
  /** Node ids in the graph's order. */
  readonly ids: readonly number[];
  readonly nodes: ReadonlyMap<number, GraphNodeJSON>;
  readonly forwardStep: ReadonlyMap<number, number>;
  readonly backwardStep: ReadonlyMap<number, number>;
  /** Per node, its gradient's history in step order. */
  readonly grads: ReadonlyMap<number, readonly GradEntry[]>;
  /** Per step, the nodes whose shown state changes at that step. */
  readonly touched: readonly (readonly number[])[];
  /** Per consumer node, the ids of the edges that feed it. */
  readonly edgesInto: ReadonlyMap<number, readonly string[]>;
  /** Per node, how many nodes consume it (fan-out). */
  readonly consumers: ReadonlyMap<number, readonly number[]>;
  /**
   * Nodes no gradient reaches: every consumer takes none from them (a loss's class indices, which it is not
   * differentiable in). They show no ∂ and never turn "gradient complete", rather than a gradient of 0.
   */
  readonly noGrad: ReadonlySet<number>;
}

export function indexTrace(trace: Trace): TraceIndex {
  const nodes = new Map<number, GraphNodeJSON>();
  for (const n of trace.graph.nodes) nodes.set(n.id, n);
  const forwardStep = new Map<number, number>();
  const backwardStep = new Map<number, number>();
  const grads = new Map<number, GradEntry[]>();
  const touched: number[][] = [];
  const noGrad = new Set<number>();
  const push = (id: number, e: GradEntry): void => {
    const list = grads.get(id);
    if (list) list.push(e);
    else grads.set(id, [e]);
  };
  trace.events.forEach((ev, step) => {
    const t = [ev.node];
    if (ev.phase === 'forward') {
      forwardStep.set(ev.node, step);
    } else {
      backwardStep.set(ev.node, step);
      // The gradient a node sends on is complete here. The output's is its seed; any other node got its
      // gradient from its consumers' steps, unless they all take none from it (class indices).
      const own = grads.get(ev.node);
      if (!own || own.length === 0) {
        if (ev.seed !== undefined) push(ev.node, { step, value: ev.seed, from: null, contribution: null });
        else noGrad.add(ev.node);
      }
      for (const c of ev.contributions) {
        push(c.input, { step, value: c.accumulated, from: ev.node, contribution: c.contribution });
        t.push(c.input);
      }
    }
    touched.push(t);
  });
  const edgesInto = new Map<number, string[]>();
  const consumers = new Map<number, number[]>();
  for (const e of trace.graph.edges) {
    const into = edgesInto.get(e.target);
    if (into) into.push(e.id);
    else edgesInto.set(e.target, [e.id]);
    const cons = consumers.get(e.source);
    if (!cons) consumers.set(e.source, [e.target]);
    else if (!cons.includes(e.target)) cons.push(e.target);
  }
  return {
    trace,
    ids: trace.graph.nodes.map((n) => n.id),
    nodes,
    forwardStep,
    backwardStep,
    grads,
    touched,
    edgesInto,
    consumers,
    noGrad,
  };
}

/** What one node shows at a cursor position. */
export interface NodeState {
  id: number;
  /** The forward pass has computed it. */
  reached: boolean;
  value: PlainValue | null;
  /** ∂L/∂node as accumulated so far (null before any contribution arrived). */
  grad: PlainValue | null;
  /** Its own backward step has run: its gradient is complete and was sent to its inputs. */
  gradDone: boolean;
  /** It is the node of the event at the cursor. */
  current: boolean;
}

/** Last grad entry with step ≤ cursor (entries are in step order). */
export function gradEntryAt(index: TraceIndex, id: number, cursor: number): GradEntry | null {
  const list = index.grads.get(id);
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.step <= cursor) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : list[found]!;
}

export function eventAt(index: TraceIndex, cursor: number): TraceEvent | null {
  return cursor >= 0 && cursor < index.trace.events.length ? index.trace.events[cursor]! : null;
}

export function nodeStateAt(index: TraceIndex, id: number, cursor: number): NodeState {
  const fs = index.forwardStep.get(id);
  const reached = fs !== undefined && fs <= cursor;
  const fev = reached ? index.trace.events[fs] : undefined;
  const bs = index.backwardStep.get(id);
  const g = gradEntryAt(index, id, cursor);
  return {
    id,
    reached,
    value: fev && fev.phase === 'forward' ? fev.value : null,
    grad: g ? g.value : null,
    gradDone: bs !== undefined && bs <= cursor && !index.noGrad.has(id),
    current: eventAt(index, cursor)?.node === id,
  };
}

/**
 * The nodes whose state may differ between two cursor positions: those touched by the events in between,
 * plus both current nodes. Null when that is most of the graph (cheaper to redo every node).
 */
export function changedBetween(index: TraceIndex, a: number, b: number): number[] | null {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi - lo > index.ids.length / 2) return null;
  const set = new Set<number>();
  for (let s = lo + 1; s <= hi; s++) for (const id of index.touched[s] ?? []) set.add(id);
  for (const c of [a, b]) {
    const ev = eventAt(index, c);
    if (ev) set.add(ev.node);
  }
  return [...set];
}

/** The edges lit at a cursor: into the current node, forward (values flowing in) or backward (gradient out). */
export function activeEdges(
  index: TraceIndex,
  cursor: number,
): { ids: readonly string[]; phase: 'forward' | 'backward' } | null {
  const ev = eventAt(index, cursor);
  if (!ev) return null;
  return { ids: index.edgesInto.get(ev.node) ?? [], phase: ev.phase };
}

/** For a node with several consumers: each contribution to its gradient so far and the running sum. */
export function contributionsTo(index: TraceIndex, id: number, cursor: number): GradEntry[] {
  return (index.grads.get(id) ?? []).filter((e) => e.step <= cursor && e.from !== null);
}
