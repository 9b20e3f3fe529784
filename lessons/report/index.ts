/**
 * Lesson reports: pure rendering to HTML and Markdown, shared by the app and the command line.
 * Node-only helpers (atomic writes, KaTeX fonts from node_modules, Chromium PDF) are in `lessons/io/`.
 */
export { renderReport, reportBaseName, REPORT_FORMATS } from './render';
export { reportInputFromRun, checkpointRows, checkFromSummary, rowsFromGradcheck } from './fromLesson';
export { trainingPlots, DEFAULT_TRAINING_STEPS } from './training';
export { layoutGraph } from './layout';
export { graphSvg } from './graphSvg';
export { plotSvg } from './plotSvg';
export { inlineKatexFonts, katexFontFiles, subsetKatexCss } from './katexCss';
export type * from './types';
