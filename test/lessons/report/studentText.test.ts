/**
 * What a student sees of their own text and of a tall graph in the report: notes keep the line breaks typed in
 * the app's plain text box, a price written with `$` is not set as math, and a graph taller than a page is
 * printed whole on one page (not split over pages, not cut).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trace, value } from '../../../engine/index';
import { loadKatexAssets } from '../../../lessons/io/katexAssets';
import { htmlToPdf } from '../../../lessons/io/pdf';
import { renderReport } from '../../../lessons/report/render';
import type { ReportInput } from '../../../lessons/report/types';
import { knownInput } from './fixture';

const NOTES = 'First line & more.\nSecond line costs $5 and $10; but $x^2$ is math.';

function withNotes(notes: string): ReportInput {
  return { ...knownInput(), notes };
}

/** The notes section of the HTML report. */
function notesHtml(html: string): string {
  const m = /<section id="notes">([\s\S]*?)<\/section>/.exec(html);
  if (!m) throw new Error('no notes section');
  return m[1];
}

describe('student notes', () => {
  it('keep a typed line break as a line break in the HTML', () => {
    const html = notesHtml(renderReport(withNotes(NOTES), 'html').main.content);
    expect(html).toMatch(/First line &amp; more\.<br\s*\/?>\s*Second line/);
  });

  it('keep a price as text, and still set $…$ math with KaTeX', () => {
    const html = notesHtml(renderReport(withNotes(NOTES), 'html').main.content);
    expect(html).toContain('costs $5 and $10; but ');
    // Exactly one formula: x².
    expect(html.match(/class="katex"/g)?.length).toBe(1);
    expect(html).toContain('<mi>x</mi>');
  });

  it('end each line of the Markdown notes with a hard break, outside code fences', () => {
    const notes = 'one\ntwo\n\nthree\n```\ncode a\ncode b\n```';
    const md = renderReport(withNotes(notes), 'md').main.content;
    expect(md).toContain('## Notes\n\none  \ntwo\n\nthree  \n```\ncode a\ncode b\n```\n');
  });
});

describe('a graph taller than a page, printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstep-tall-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is drawn whole on one page', async () => {
    expect(existsSync('/usr/bin/pdftotext'), 'pdftotext is needed (poppler-utils)').toBe(true);
    // A chain x → tanh → … → tanh of 30 steps: too long for a row, laid out top to bottom, ~3000 px tall.
    let y = value(0.5, 'x');
    for (let i = 1; i <= 30; i++) {
      y = y.tanh();
      y.label = `h${i}`;
    }
    y.backward();
    const input: ReportInput = {
      ...knownInput(),
      graphs: [
        {
          id: 'chain',
          title: 'A long chain',
          caption: '',
          trace: trace(y),
          check: { rows: [], passed: null, summary: '' },
        },
      ],
      plots: [],
    };
    const html = renderReport(input, 'html', loadKatexAssets()).main.content;
    const pdf = join(dir, 'tall.pdf');
    writeFileSync(pdf, await htmlToPdf(html));
    const pages: string[] = [];
    for (let p = 1; ; p++) {
      const r = spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
      if (r.status !== 0) break;
      pages.push(r.stdout);
    }
    // The first and the last node's captions (x = 0.5 at the top, h30's gradient 1 at the bottom) on one page.
    const top = pages.findIndex((t) => t.includes('x = 0.5000'));
    const bottom = pages.findIndex((t) => /∂h30\/∂h30 = 1\.0000/.test(t));
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBe(top);
  }, 120_000);
});
