/**
 * Building a `ReportInput` from what the lessons produce: a lesson (text + checkpoints), a run of its graphs
 * (`HeadlessRun`, or the app's traces) and the student's `LessonRecord` (answers, notes). Pure, shared by the
 * app and the command line.
 */
import type { GradcheckResult, GraphNodeJSON } from '../../engine/index';
import type { Checkpoint, Lesson, LessonMeta } from '../format/types';
import type { LessonRecord } from '../runner/record';
import type { GradcheckSummary, HeadlessRun } from '../runner/types';
import { formatNumber } from './format';
import type {
  GradcheckRow,
  ReportCheck,
  ReportCheckpoint,
  ReportGraph,
  ReportInput,
  ReportPlot,
} from './types';

/** Choice checkpoints show the letter and the text of the choice: "(b) ∂f₁/∂z₁". */
function choiceText(choices: readonly string[], i: number): string {
  const text = choices[i];
  return text === undefined ? `choice ${i + 1}` : `(${String.fromCharCode(97 + i)}) ${text}`;
}

export function checkpointRows(lesson: Lesson | null, record: LessonRecord | null): ReportCheckpoint[] {
  if (!lesson) return [];
  const cps = lesson.module.checkpoints;
  // In the order the lesson text places them; any not placed in the text come after, in declaration order.
  const placed = lesson.doc.blocks.flatMap((b) =>
    b.type === 'directive' && b.name === 'checkpoint' && cps[b.id] ? [b.id] : [],
  );
  const ids = [...new Set([...placed, ...Object.keys(cps)])];
  return ids.map((id) => {
    const cp: Checkpoint = cps[id];
    const a = record?.answers[id];
    const answer =
      a === undefined ? null : cp.kind === 'choice' ? choiceText(cp.choices, a.answer) : String(a.answer);
    const expected =
      cp.kind === 'choice'
        ? choiceText(cp.choices, cp.correct)
        : `${Number.isInteger(cp.answer) ? String(cp.answer) : formatNumber(cp.answer)} (± ${cp.tolerance})`;
    return {
      id,
      prompt: cp.prompt,
      answer,
      expected,
      explanation: cp.explanation,
      correct: a ? a.correct : null,
      attempts: a?.attempts ?? 0,
    };
  });
}

export function checkFromSummary(s: GradcheckSummary | null, rows: GradcheckRow[] = []): ReportCheck {
  if (!s) return { rows, passed: rows.length ? rows.every((r) => r.ok) : null, summary: '' };
  const summary = s.passed
    ? `${s.checked} of ${s.checked} elements agree (largest error ${s.maxAbsError.toExponential(1)})`
    : `${s.failed} of ${s.checked} elements disagree (largest error ${s.maxAbsError.toExponential(1)}); first: ${s.firstFailure}`;
  return { rows, passed: s.passed, summary };
}

/**
 * The engine's per-element gradcheck, folded back into one row per node (a tensor node's entries become its
 * analytic and numeric tensors). `nodeOf` finds a checked node (by id) in the graph the check ran on, for its
 * shape ([] for a scalar) and its name; `graphOf(root).nodes` has both.
 */
export function rowsFromGradcheck(
  result: GradcheckResult,
  nodeOf: (node: number) => Pick<GraphNodeJSON, 'shape' | 'name'> | undefined,
): GradcheckRow[] {
  return result.nodes.map((n) => {
    const node = nodeOf(n.node);
    const shape = node?.shape ?? [];
    const pack = (xs: number[]): GradcheckRow['analytic'] =>
      shape.length === 0 ? xs[0] : { shape, data: xs };
    const worst = n.entries.reduce((w, e) => (e.absErr > w.absErr ? e : w), n.entries[0]);
    const scale = worst ? Math.max(Math.abs(worst.analytic), Math.abs(worst.numeric)) : 0;
    return {
      node: n.node,
      label: node?.name ?? (n.label || `id ${n.node}`),
      analytic: pack(n.entries.map((e) => e.analytic)),
      numeric: pack(n.entries.map((e) => e.numeric)),
      absError: worst?.absErr ?? 0,
      relError: worst && scale > 0 ? worst.absErr / scale : 0,
      ok: n.pass,
    };
  });
}

export interface FromRunArgs {
  run: HeadlessRun;
  lesson: Lesson | null;
  /** The student's record; the run's fresh record when absent (the command line). */
  record?: LessonRecord | null;
  /** Per-graph numerical check rows, when the caller computed them (graph id → rows). */
  checkRows?: Record<string, GradcheckRow[]>;
  /** Extra plots, e.g. the training view's loss curve. */
  extraPlots?: ReportPlot[];
  appVersion: string;
  date: string;
}

function lessonMeta(run: HeadlessRun, lesson: Lesson | null): LessonMeta | null {
  return run.meta ?? lesson?.doc.meta ?? null;
}

export function reportInputFromRun(args: FromRunArgs): ReportInput {
  const { run, lesson } = args;
  const meta = lessonMeta(run, lesson);
  const record = args.record === undefined ? run.record : args.record;
  const graphs: ReportGraph[] = run.graphs.map((g) => ({
    id: g.id,
    title: g.title,
    caption: g.caption,
    trace: g.trace,
    check: checkFromSummary(g.gradcheck, args.checkRows?.[g.id] ?? []),
  }));
  return {
    lesson: { id: run.lessonId, title: meta?.title ?? run.lessonId, topic: meta?.topic ?? '' },
    graphs,
    plots: [...run.plots.map((p) => p.data), ...(args.extraPlots ?? [])],
    checkpoints: checkpointRows(lesson, record),
    notes: record?.notes ?? '',
    appVersion: args.appVersion,
    date: args.date,
  };
}
