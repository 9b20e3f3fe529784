/**
 * Exporting a report from the app: render with the shared pure `renderReport`, then save through the platform
 * (desktop: a save dialog that never overwrites without asking; web: a download; PDF: printToPDF on desktop,
 * the browser's print dialog on the web).
 */
import { renderReport } from '../../../lessons/report/render';
import type { ReportInput } from '../../../lessons/report/types';
import * as platform from '../platform';
import type { SaveResult } from '../platform';
import { loadKatexAssets } from './katexAssets';

export type AppReportFormat = 'html' | 'md' | 'pdf';

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * The Markdown as one file: a save dialog writes one file, so the pictures the command line writes beside it
 * are embedded here as data URIs instead.
 */
export function markdownWithInlinePictures(input: ReportInput): { name: string; content: string } {
  const r = renderReport(input, 'md');
  let md = r.main.content;
  for (const a of r.assets)
    md = md.split(`](${a.name})`).join(`](data:${a.mime};base64,${base64Utf8(a.content)})`);
  return { name: r.main.name, content: md };
}

export async function exportReport(input: ReportInput, format: AppReportFormat): Promise<SaveResult> {
  if (format === 'md') {
    const md = markdownWithInlinePictures(input);
    return platform.exportFile({ kind: 'markdown', suggestedName: md.name, content: md.content });
  }
  const html = renderReport(input, 'html', await loadKatexAssets()).main;
  if (format === 'pdf') return platform.printToPdf(html.content, html.name.replace(/\.html$/, '.pdf'));
  return platform.exportFile({ kind: 'html', suggestedName: html.name, content: html.content });
}
