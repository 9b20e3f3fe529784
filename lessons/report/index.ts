/** Lesson reports: pure rendering to HTML and Markdown, shared by the app and the command line. */
export { renderReport, reportBaseName, REPORT_FORMATS } from './render';
export { layoutGraph } from './layout';
export { graphSvg } from './graphSvg';
export { plotSvg } from './plotSvg';
export { inlineKatexFonts, katexFontFiles } from './katexCss';
export type * from './types';
