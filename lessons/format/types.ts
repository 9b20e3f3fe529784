/**
 * What a lesson is made of: its text (lesson.md, parsed into a `LessonDoc`) and its code (lesson.ts, a
 * `LessonModule` that builds graphs and declares checkpoints). Everything here is plain data or a pure
 * function, so the app, the tests and the report CLI all read lessons the same way.
 */
import type { GraphNode } from '../../engine/core/types';

/** The lesson.md front matter, after validation. */
export interface LessonMeta {
  /** Equal to the folder name, e.g. `02-chain-rule`. */
  id: string;
  title: string;
  /** The lecture topic the lesson covers. */
  topic: string;
  objectives: string[];
}

export type DirectiveName = 'graph' | 'checkpoint' | 'plot' | 'training';

/** A piece of the lesson body: Markdown text, or a directive on its own line (`::graph{id="chain"}`). */
export type LessonBlock =
  | { type: 'markdown'; text: string; line: number }
  | { type: 'directive'; name: DirectiveName; id: string; line: number };

export interface LessonDoc {
  meta: LessonMeta;
  /** Path of the lesson.md the doc came from (used in every error message). */
  path: string;
  /** Lesson order, from the folder's number prefix. */
  order: number;
  blocks: LessonBlock[];
}

/** A graph the lesson hands to the debugger. `build` returns a fresh root each call (fixed seeds). */
export interface LessonGraph {
  title: string;
  /** One line shown next to the "load this graph" button. */
  caption?: string;
  build(): GraphNode;
}

export interface NumericCheckpoint {
  kind: 'numeric';
  prompt: string;
  answer: number;
  /** Absolute tolerance on the student's answer. */
  tolerance: number;
  explanation: string;
  /** The graph that helps answer it, if any. */
  graph?: string;
  /** Typical wrong answers (within `tolerance`) and a hint that names the slip, without giving the answer. */
  mistakes?: { answer: number; hint: string }[];
}

export interface ChoiceCheckpoint {
  kind: 'choice';
  prompt: string;
  choices: string[];
  /** Index into `choices`. */
  correct: number;
  explanation: string;
  graph?: string;
}

export type Checkpoint = NumericCheckpoint | ChoiceCheckpoint;

/** A line plot as plain data (gradient size per layer, activation spread per layer…). */
export interface PlotSeries {
  name: string;
  points: [number, number][];
}

export interface PlotData {
  title: string;
  xLabel: string;
  yLabel: string;
  logY: boolean;
  series: PlotSeries[];
}

export interface LessonPlot {
  title: string;
  build(): PlotData;
}

/** A 2-D two-class training run for the training view (lesson 15, and 8/12 variations). */
export interface TrainingSetup {
  title: string;
  /** Hidden layer sizes of the MLP 2 → … → 1. */
  hidden: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  init: 'uniformFanIn' | 'glorot';
  lr: number;
  lambda: number;
  seed: number;
  dataset: 'circles' | 'xor' | 'moons';
  points: number;
}

export interface LessonModule {
  graphs: Record<string, LessonGraph>;
  checkpoints: Record<string, Checkpoint>;
  plots?: Record<string, LessonPlot>;
  trainings?: Record<string, TrainingSetup>;
}

/** A lesson that validated: its text plus its code. */
export interface Lesson {
  doc: LessonDoc;
  module: LessonModule;
}

/** A lesson that did not validate: the app shows this in place of the lesson. */
export interface BrokenLesson {
  id: string;
  path: string;
  error: string;
}
