/**
 * `renderReport`: the one pure function the app and the command line share. A `ReportInput` in, the report's
 * files out (no I/O: the caller writes them, atomically, or offers them for download).
 */
import { MAX_PICTURE_NODES, withTraceGrads } from './content';
import { graphSvg } from './graphSvg';
import { renderHtml } from './html';
import { FALLBACK_MATH_CSS } from './katexCss';
import { layoutGraph } from './layout';
import { renderMarkdownReport } from './markdown';
import { plotSvg } from './plotSvg';
import type { RenderedReport, ReportAssets, ReportFile, ReportFormat, ReportInput } from './types';

export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md'];

/** File names of a lesson's report: `<lesson>-report.html`, `…-report.md`, `…-report-graph-1.svg`… */
export function reportBaseName(lessonId: string): string {
  return `${lessonId.replace(/[^A-Za-z0-9._-]+/g, '-')}-report`;
}

export function renderReport(raw: ReportInput, format: ReportFormat, assets?: ReportAssets): RenderedReport {
  const input: ReportInput = {
    ...raw,
    graphs: raw.graphs.map((g) => ({ ...g, trace: { ...g.trace, graph: withTraceGrads(g.trace) } })),
  };
  const positions = input.graphs.map((g) =>
    g.trace.graph.nodes.length > MAX_PICTURE_NODES ? null : (g.positions ?? layoutGraph(g.trace.graph)),
  );
  const base = reportBaseName(input.lesson.id);
  if (format === 'html') {
    const html = renderHtml(input, positions, assets?.katexCss ?? FALLBACK_MATH_CSS);
    return { main: { name: `${base}.html`, content: html, mime: 'text/html' }, assets: [] };
  }
  if (format === 'md') {
    const graphs: (ReportFile | null)[] = input.graphs.map((g, i) => {
      const pos = positions[i];
      return pos
        ? { name: `${base}-graph-${i + 1}.svg`, content: graphSvg(g.trace.graph, pos), mime: 'image/svg+xml' }
        : null;
    });
    const plots: ReportFile[] = input.plots.map((p, i) => ({
      name: `${base}-plot-${i + 1}.svg`,
      content: plotSvg(p),
      mime: 'image/svg+xml',
    }));
    const md = renderMarkdownReport(input, {
      graphs: graphs.map((f) => f?.name ?? null),
      plots: plots.map((f) => f.name),
    });
    return {
      main: { name: `${base}.md`, content: md, mime: 'text/markdown' },
      assets: [...graphs.filter((f): f is ReportFile => f !== null), ...plots],
    };
  }
  throw new Error(
    `renderReport: unknown format "${String(format)}" (expected one of: ${REPORT_FORMATS.join(', ')})`,
  );
}
