/** file:export and file:print-pdf — reports and pictures, saved where the user picks. */
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANNELS, type ExportKind, type SaveResult } from '../contract/bridge';
import { safeFileName } from '../files/session-io';
import type { MainContext } from './context';
import { saveWithDialog } from './files';
import { handle } from './handle';

const KINDS: Record<ExportKind, { ext: string; name: string; binary: boolean }> = {
  html: { ext: '.html', name: 'HTML page', binary: false },
  markdown: { ext: '.md', name: 'Markdown', binary: false },
  png: { ext: '.png', name: 'PNG image', binary: true },
  svg: { ext: '.svg', name: 'SVG image', binary: false },
  json: { ext: '.json', name: 'JSON', binary: false },
};

/** 50 MB of text: a report with inline pictures is a few MB. */
const MAX_EXPORT_CHARS = 50 * 1024 * 1024;

const exportRequest = z.object({
  kind: z.enum(['html', 'markdown', 'png', 'svg', 'json']),
  suggestedName: z.string().max(200),
  content: z.string().max(MAX_EXPORT_CHARS),
});

/** Print self-contained HTML in a hidden window that runs no scripts, and return the PDF bytes. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // A temporary file, not a data: URL: Chromium caps URLs at 2 MB, and a report with its pictures and
  // KaTeX fonts inline is bigger than that.
  const dir = mkdtempSync(join(tmpdir(), 'backstep-pdf-'));
  const file = join(dir, 'report.html');
  try {
    writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
    await win.loadFile(file);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerExport(ctx: MainContext): void {
  handle(CHANNELS.exportFile, z.tuple([exportRequest]), ctx.isTrusted, async ([req]): Promise<SaveResult> => {
    const kind = KINDS[req.kind];
    const bytes = kind.binary ? Buffer.from(req.content, 'base64') : req.content;
    const name = safeFileName(req.suggestedName, kind.ext);
    return (await saveWithDialog(ctx, name, [{ name: kind.name, extensions: [kind.ext.slice(1)] }], bytes))
      .result;
  });

  handle(
    CHANNELS.printToPdf,
    z.tuple([z.string().max(MAX_EXPORT_CHARS), z.string().max(200)]),
    ctx.isTrusted,
    async ([html, suggestedName]): Promise<SaveResult> => {
      const pdf = await htmlToPdf(html);
      const name = safeFileName(suggestedName, '.pdf');
      return (await saveWithDialog(ctx, name, [{ name: 'PDF document', extensions: ['pdf'] }], pdf)).result;
    },
  );
}
