/**
 * The report's content as plain rows and lines, worked out once from a `ReportInput` so the HTML and the
 * Markdown say the same things in the same order.
 */
import type {
  BackwardEvent,
  ForwardEvent,
  GraphJSON,
  GraphNodeJSON,
  NodeKind,
  PlainValue,
  Trace,
} from '../../engine/core/types';
import { formatShape } from './format';
import type { ReportCheck, ReportGraph, ReportInput } from './types';

export const KIND_NAME: Record<NodeKind, string> = {
  data: 'input',
  parameter: 'parameter',
  constant: 'constant',
  function: 'operation',
};

export interface NodeRow {
  id: number;
  label: string;
  kind: string;
  op: string;
  shape: string;
  value: PlainValue;
  grad: PlainValue | null;
  isOutput: boolean;
}

export function nodeRows(g: ReportGraph): NodeRow[] {
  return g.trace.graph.nodes.map((n: GraphNodeJSON) => ({
    id: n.id,
    label: n.name,
    kind: KIND_NAME[n.kind],
    op: n.op === 'leaf' ? '' : n.symbol && n.symbol !== n.op ? `${n.symbol} (${n.op})` : n.op,
    shape: formatShape(n.shape),
    value: n.value,
    grad: n.grad,
    isOutput: n.isOutput,
  }));
}

export function labelOf(g: ReportGraph, id: number): string {
  return g.trace.graph.nodes.find((x) => x.id === id)?.name ?? '';
}

/** Forward steps worth reading: the op nodes (leaves just have their value, shown in the node table). */
export function forwardSteps(g: ReportGraph): ForwardEvent[] {
  return g.trace.events.filter((e): e is ForwardEvent => e.phase === 'forward' && e.op !== 'leaf');
}

/** Backward steps that send a gradient somewhere (a leaf's backward step has no contributions). */
export function backwardSteps(g: ReportGraph): BackwardEvent[] {
  return g.trace.events.filter(
    (e): e is BackwardEvent => e.phase === 'backward' && e.contributions.length > 0,
  );
}

export function gradcheckSummary(check: ReportCheck): string {
  const rows = check.rows;
  if (rows.length === 0) {
    if (check.passed === null) return 'No numerical check was recorded for this graph.';
    return `${check.passed ? 'Backprop agrees with the central difference' : 'Backprop DISAGREES with the central difference'}${check.summary ? `: ${check.summary}` : '.'}`;
  }
  const bad = rows.filter((r) => !r.ok).length;
  const worst = Math.max(...rows.map((r) => r.absError));
  return bad === 0
    ? `All ${rows.length} gradients agree with the central difference (largest error ${worst.toExponential(1)}).`
    : `${bad} of ${rows.length} gradients disagree with the central difference (largest error ${worst.toExponential(1)}).`;
}

export function checkpointSummary(input: ReportInput): string {
  const cps = input.checkpoints;
  if (cps.length === 0) return 'This lesson has no checkpoints.';
  const right = cps.filter((c) => c.correct === true).length;
  const answered = cps.filter((c) => c.answer !== null).length;
  return `${right} of ${cps.length} right (${answered} answered).`;
}

/** " (3 attempts)" after a verdict, when the student tried more than once. */
export function attemptsText(attempts: number | undefined): string {
  return attempts && attempts > 1 ? ` (${attempts} attempts)` : '';
}

/** "2026-11-27 13:42 UTC" from an ISO date; the text as given if it is not a date. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Graphs with more nodes than this get no picture: dagre takes ~3.5 s at 150 nodes here (~11 s at 300), and a
 * page could not show them legibly anyway; the report says so.
 */
export const MAX_PICTURE_NODES = 150;
/** Node tables are cut after this many rows. */
export const MAX_TABLE_ROWS = 500;

export function tooBigNote(g: ReportGraph): string {
  return `The graph has ${g.trace.graph.nodes.length} nodes, too many to draw legibly (up to ${MAX_PICTURE_NODES}); its nodes are listed below.`;
}

/** Long traces are cut in the report (the app shows them all); the cut is said in the report. */
export const MAX_STEPS = 400;

/**
 * The graph with each node's gradient taken from the trace: a backward event's `upstream` is ∂L/∂node once it is
 * complete, which is what the student saw at the end of stepping (the graph's own `grad` may be a snapshot taken
 * before the backward pass).
 */
export function withTraceGrads(trace: Trace): GraphJSON {
  const grads = new Map<number, PlainValue>();
  for (const e of trace.events) if (e.phase === 'backward') grads.set(e.node, e.upstream);
  if (grads.size === 0) return trace.graph;
  return { ...trace.graph, nodes: trace.graph.nodes.map((n) => ({ ...n, grad: grads.get(n.id) ?? n.grad })) };
}
