/** What a headless run of a lesson produces: the reports render from this and a `LessonRecord`. */
import type { GraphJSON, Trace } from '../../engine/core/types';
import type { LessonMeta, PlotData } from '../format/types';
import type { LessonRecord } from './record';

/** The numerical check of one graph's gradients, summarized. */
export interface GradcheckSummary {
  passed: boolean;
  /** Number of (node, element) pairs checked. */
  checked: number;
  failed: number;
  maxAbsError: number;
  /** The first failure, named (node, op, index, analytic vs numeric), or '' when all pass. */
  firstFailure: string;
}

export interface HeadlessGraph {
  id: string;
  title: string;
  caption: string;
  graph: GraphJSON;
  trace: Trace;
  gradcheck: GradcheckSummary;
}

export interface HeadlessRun {
  lessonId: string;
  meta: LessonMeta | null;
  graphs: HeadlessGraph[];
  plots: { id: string; data: PlotData }[];
  /** A fresh record: nothing answered, every graph viewed, cursor at the end of the last graph's trace. */
  record: LessonRecord;
  /** Wall time of the run in ms. */
  ms: number;
}
