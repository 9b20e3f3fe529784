/**
 * The lessons' public API: the format, the runner and the sandbox parser. Works in Node and in the
 * browser; Node-only loading from disk is in `lessons/node/`.
 */
export type {
  Checkpoint,
  ChoiceCheckpoint,
  NumericCheckpoint,
  Lesson,
  BrokenLesson,
  LessonBlock,
  LessonDoc,
  LessonGraph,
  LessonMeta,
  LessonModule,
  LessonPlot,
  PlotData,
  PlotSeries,
  TrainingSetup,
} from './format/types';
export { LessonFormatError } from './format/errors';
export { parseLessonMarkdown, folderOf } from './format/parse';
export { combineLesson } from './format/validate';
export type { AnswerRecord, LessonProgress, LessonRecord, ProgressFile, TraceCursor } from './runner/record';
export {
  emptyRecord,
  lessonRecordSchema,
  parseProgressFile,
  recordAnswer,
  recordCursor,
  recordGraphViewed,
  recordNotes,
} from './runner/record';
export type { Feedback } from './runner/check';
export { checkAnswer, readNumber } from './runner/check';
export type { GradcheckSummary, HeadlessGraph, HeadlessRun } from './runner/types';
export type { LessonSource, LoadedLesson } from './runner/load';
export { loadLesson, loadLessons } from './runner/load';
export { lessonModules } from './runner/catalog';
export { runLessonHeadless, runGraph, checkGraph } from './runner/headless';
export { parseProgram } from './sandbox/parser';
export { printExpr, printProgram } from './sandbox/print';
export { buildSandbox, buildProgram, type SandboxGraph } from './sandbox/build';
export { ParseError } from './sandbox/errors';
export type { Expr, Program, Statement, Pos } from './sandbox/ast';
export { Trainer, BATCH_SIZE, type TrainingPoint } from './training/trainer';
export { makeDataset, type Dataset } from './training/dataset';
export { listLessons, buildGraph, type LessonSummary } from './runner/list';
