/**
 * The report's input from what the app holds: the open lesson, run headless exactly as the command line runs
 * it (so both give the same report), with the student's record (answers, notes) and, for the graph now in the
 * debugger, the student's own trace (leaf edits included) and the numerical checks they ran.
 * Outside a lesson, the debugger's current graph alone.
 */
import type { Trace } from '../../../engine/core/types';
import { reportInputFromRun } from '../../../lessons/report/fromLesson';
import { trainingPlots } from '../../../lessons/report/training';
import type { GradcheckRow, ReportInput } from '../../../lessons/report/types';
import { lessonModules } from '../../../lessons/runner/catalog';
import { runLessonHeadless } from '../../../lessons/runner/headless';
import type { Lesson } from '../../../lessons/format/types';
import type { LessonRecord } from '../../../lessons/runner/record';
import type { NodeCheck } from '../debugger/numericCheck';
import { version } from '../../../package.json';

/** What the app's stores hold that a report needs (plain data, so this stays testable without Pinia). */
export interface AppReportState {
  lesson: Lesson | null;
  record: LessonRecord | null;
  /** `${lessonId}/${graphId}` of the graph in the debugger, or null. */
  loadedGraph: string | null;
  trace: Trace | null;
  traceTitle: string;
  checks: Record<number, NodeCheck>;
  date?: string;
}

export class NothingToExportError extends Error {
  constructor() {
    super('Nothing to export yet: open a lesson, or load a graph in the debugger.');
    this.name = 'NothingToExportError';
  }
}

function checkRows(trace: Trace, checks: Record<number, NodeCheck>): GradcheckRow[] {
  const names = new Map(trace.graph.nodes.map((n) => [n.id, n.name]));
  return Object.values(checks)
    .filter((c) => names.has(c.id))
    .map((c) => ({
      node: c.id,
      label: names.get(c.id) as string,
      analytic: c.analytic,
      numeric: c.numeric,
      absError: c.absErr,
      relError: c.relErr,
      ok: c.pass,
    }));
}

export function buildAppReport(s: AppReportState): ReportInput {
  const date = s.date ?? new Date().toISOString();
  if (s.lesson) {
    const id = s.lesson.doc.meta.id;
    const run = runLessonHeadless(id, lessonModules, s.lesson.doc.meta);
    const input = reportInputFromRun({
      run,
      lesson: s.lesson,
      record: s.record,
      extraPlots: trainingPlots(s.lesson.module),
      appVersion: version,
      date,
    });
    const loaded = s.loadedGraph?.startsWith(`${id}/`) ? s.loadedGraph.slice(id.length + 1) : null;
    if (loaded && s.trace) {
      const trace = s.trace;
      const rows = checkRows(trace, s.checks);
      input.graphs = input.graphs.map((g) =>
        g.id === loaded
          ? {
              ...g,
              trace,
              check: rows.length ? { rows, passed: rows.every((r) => r.ok), summary: '' } : g.check,
            }
          : g,
      );
    }
    return input;
  }
  if (!s.trace) throw new NothingToExportError();
  const rows = checkRows(s.trace, s.checks);
  return {
    lesson: {
      id: 'debugger',
      title: s.traceTitle || 'Debugger session',
      topic: 'A graph stepped through in the debugger',
    },
    graphs: [
      {
        id: 'graph',
        title: s.traceTitle || 'Graph',
        caption: '',
        trace: s.trace,
        check: { rows, passed: rows.length ? rows.every((r) => r.ok) : null, summary: '' },
      },
    ],
    plots: [],
    checkpoints: [],
    notes: '',
    appVersion: version,
    date,
  };
}
