/**
 * Runs a lesson without a screen: build each graph, trace it, check its gradients numerically, build its
 * plots. Nothing is answered. The report CLI renders from the result; the tests use it to run every lesson.
 */
import { gradcheck, trace, type GraphNode, type Trace } from '../../engine/index';
import type { LessonMeta, LessonModule } from '../format/types';
import { lessonModules } from './catalog';
import { emptyRecord } from './record';
import type { GradcheckSummary, HeadlessGraph, HeadlessRun } from './types';

/** Numerical check of one graph's gradients; a graph whose forward is not finite is reported, not checked. */
export function checkGraph(root: GraphNode, t: Trace): GradcheckSummary {
  if (t.nonFinite) {
    return {
      passed: false,
      checked: 0,
      failed: 0,
      maxAbsError: Number.NaN,
      firstFailure: t.nonFinite.message,
    };
  }
  const r = gradcheck(root);
  return {
    passed: r.pass,
    checked: r.summary.checked,
    failed: r.summary.failed,
    maxAbsError: r.summary.maxAbsErr,
    firstFailure: r.failures[0] ?? '',
  };
}

export function runGraph(id: string, module: LessonModule): HeadlessGraph {
  const g = module.graphs[id];
  if (!g)
    throw new Error(`graph "${id}" is not declared (declared: ${Object.keys(module.graphs).join(', ')})`);
  const root = g.build();
  const t = trace(root);
  // gradcheck perturbs and re-evaluates; give it its own fresh graph so the trace above stays untouched.
  const gc = checkGraph(g.build(), t);
  return { id, title: g.title, caption: g.caption ?? '', graph: t.graph, trace: t, gradcheck: gc };
}

/**
 * `runLessonHeadless('02-chain-rule')`: every graph built, traced and grad-checked, every plot built.
 * Pass `modules` to run lessons from elsewhere (tests).
 */
export function runLessonHeadless(
  id: string,
  modules: Readonly<Record<string, LessonModule>> = lessonModules,
  meta: LessonMeta | null = null,
): HeadlessRun {
  const start = performance.now();
  const module = modules[id];
  if (!module)
    throw new Error(`runLessonHeadless: no lesson "${id}" (known: ${Object.keys(modules).join(', ')})`);
  const graphs = Object.keys(module.graphs).map((g) => runGraph(g, module));
  const plots = Object.entries(module.plots ?? {}).map(([pid, p]) => ({ id: pid, data: p.build() }));
  const record = emptyRecord(id, Object.keys(module.checkpoints).length);
  const last = graphs[graphs.length - 1];
  record.progress.graphsViewed = graphs.map((g) => g.id);
  record.cursor = last ? { graph: last.id, step: Math.max(0, last.trace.events.length - 1) } : null;
  return { lessonId: id, meta, graphs, plots, record, ms: performance.now() - start };
}
