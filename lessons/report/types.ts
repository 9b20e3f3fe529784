/**
 * What a lesson report is made from, and what rendering it gives back.
 *
 * `ReportInput` is plain data (JSON-serializable): the app and the command line build it from a lesson's
 * recorded state (see `fromLesson.ts`) and hand it to the one pure `renderReport`, so both produce the same file.
 */
import type { GraphJSON, PlainValue, Trace } from '../../engine/core/types';

/** Where a node sits in the laid-out picture (centre, in px), and how big it is drawn. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Node id → its box. Computed by `layoutGraph` (dagre, left to right). */
export type Positions = Record<number, NodeBox>;

/** One node of the numerical check: backprop's gradient against a central difference. */
export interface GradcheckRow {
  /** The node's id in the graph. */
  node: number;
  label: string;
  /** ∂L/∂node from backprop. */
  analytic: PlainValue;
  /** (L(node + ε) − L(node − ε)) / 2ε, elementwise. */
  numeric: PlainValue;
  /** Largest elementwise |analytic − numeric|. */
  absError: number;
  /** That error relative to max(|analytic|, |numeric|) at the same element (0 when both are 0). */
  relError: number;
  ok: boolean;
}

/** The numerical check of one graph: per-node rows when recorded, else only the summary line. */
export interface ReportCheck {
  rows: GradcheckRow[];
  /** null when no check was run. */
  passed: boolean | null;
  /** One line from the runner, e.g. "12 of 12 elements agree (max error 3e-10)"; '' if none. */
  summary: string;
}

/** One graph of the lesson, as the student stepped through it. */
export interface ReportGraph {
  id: string;
  title: string;
  caption: string;
  /** The recorded run; its `graph` is the picture and the node table. */
  trace: Trace;
  /** Laid-out node boxes for `trace.graph`; computed with `layoutGraph` when absent. */
  positions?: Positions;
  check: ReportCheck;
}

/** A line chart (the training loss, gradient size per layer…): the lessons' `PlotData` shape. */
export interface ReportPlot {
  title: string;
  xLabel: string;
  yLabel: string;
  logY: boolean;
  series: { name: string; points: [number, number][] }[];
}

/** A checkpoint question and what the student answered. */
export interface ReportCheckpoint {
  id: string;
  /** The question, in Markdown with `$…$` math. */
  prompt: string;
  /** The student's answer as they typed it; null if not answered. */
  answer: string | null;
  /** The expected answer, as shown after checking. */
  expected: string;
  /** Why, from the lesson (Markdown with math); '' if none. */
  explanation: string;
  /** null when not answered. */
  correct: boolean | null;
  /** How many times the student checked an answer (0 when not answered). */
  attempts?: number;
}

export interface ReportLesson {
  id: string;
  title: string;
  /** One line on what the lesson is about (the lecture's topic). */
  topic: string;
}

export interface ReportInput {
  lesson: ReportLesson;
  graphs: ReportGraph[];
  /** For training lessons the loss curve; other lessons' plots too. */
  plots: ReportPlot[];
  checkpoints: ReportCheckpoint[];
  /** The student's notes (Markdown with `$…$` math). */
  notes: string;
  appVersion: string;
  /** When the report was made, ISO 8601. */
  date: string;
}

export type ReportFormat = 'html' | 'md';

/** A file of a rendered report: its name (no directory) and its text. */
export interface ReportFile {
  name: string;
  content: string;
  mime: string;
}

/** The main file (HTML, or Markdown) and the pictures written beside it (Markdown only). */
export interface RenderedReport {
  main: ReportFile;
  assets: ReportFile[];
}

/** Things the renderer cannot read itself (it does no I/O): KaTeX's CSS with its fonts as data URIs. */
export interface ReportAssets {
  katexCss: string;
}

export type { GraphJSON, PlainValue, Trace };
