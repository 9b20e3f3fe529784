/**
 * Exporting a lesson report from the app in Chromium (web mode: a download), then opening the exported HTML
 * as a student would, offline, and looking at it: math set in KaTeX's fonts, the graph drawn, no scripts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenApp } from './setup/browser';

/** ∂F/∂w₃ of the chain-rule lesson, by hand: F = (w₁ tanh(w₂ w₃ x) − y)², x = 3, w₃ = .5, w₂ = .4, w₁ = 2, y = 1. */
function dFdw3(): number {
  const z1 = Math.tanh(0.4 * 1.5);
  return 2 * (2 * z1 - 1) * 2 * (1 - z1 * z1) * 0.4 * 3;
}

async function download(page: Page, format: 'html' | 'md', dir: string): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`.export-menu [data-format="${format}"]`),
  ]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

describe('lesson report export in Chromium', () => {
  let app: OpenApp;
  const dir = mkdtempSync(join(tmpdir(), 'backstep-report-e2e-'));
  let htmlPath = '';

  beforeAll(async () => {
    app = await openApp();
    const { page } = app;
    await page.click('[data-view="lessons"]');
    await page.click('[data-lesson="02-chain-rule"]');
    // The student answers the first numeric checkpoint, wrongly.
    const cp = page.locator('.checkpoint:has([data-testid="answer-input"])').first();
    await cp.locator('[data-testid="answer-input"]').fill('12345');
    await cp.locator('[data-testid="answer-submit"]').click();
    await cp.locator('[data-testid="feedback"]').waitFor();
    await page.fill(
      '[data-testid="notes"]',
      'The mul gate *swaps* its inputs: $\\partial e/\\partial w_1 = z_1$.',
    );
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports HTML with Ctrl+E: the lesson, the hand-worked gradient, the answer, no script', async () => {
    const { page } = app;
    await page.keyboard.press('Control+e');
    await page.waitForSelector('.export-menu');
    await screenshot(page, 'report-export-menu');
    htmlPath = await download(page, 'html', dir);
    expect(htmlPath.endsWith('02-chain-rule-report.html')).toBe(true);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<span class="num">${dFdw3().toFixed(4)}</span>`);
    expect(html).toContain('Your answer: 12345');
    expect(html).toContain('✗ not right');
    expect(html).toContain('The mul gate <em>swaps</em> its inputs:');
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(app.errors).toEqual([]);
  });

  it('exports Markdown as one file with its pictures embedded', async () => {
    const { page } = app;
    await page.click('.export-button');
    const md = readFileSync(await download(page, 'md', dir), 'utf8');
    expect(md).toContain('# ');
    expect(md).toContain(`| ${dFdw3().toFixed(4)} |`);
    expect(md).toMatch(/!\[Computation graph: [^\]]+\]\(data:image\/svg\+xml;base64,/);
  });

  it("PDF in web mode: the report goes to the browser's print dialog from a hidden frame", async () => {
    const { page } = app;
    // Stand in for the print dialog: record what each frame's window.print() would have printed.
    await page.evaluate(() => {
      const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const w = desc.get!.call(this) as Window | null;
          if (w) {
            w.print = () => {
              const g = globalThis as unknown as { __printed?: { text: string; scripts: number } };
              g.__printed = { text: w.document.body.innerText, scripts: w.document.scripts.length };
            };
          }
          return w;
        },
      });
    });
    await page.click('.export-button');
    await page.click('.export-menu [data-format="pdf"]');
    await page.waitForFunction(() => (globalThis as { __printed?: unknown }).__printed !== undefined);
    const printed = await page.evaluate(
      () => (globalThis as unknown as { __printed: { text: string; scripts: number } }).__printed,
    );
    expect(printed.text).toContain(dFdw3().toFixed(4));
    expect(printed.text).toContain('Your answer: 12345');
    expect(printed.scripts).toBe(0);
    // the frame is hidden (0×0) and removed a moment later
    await page.waitForFunction(() => document.querySelectorAll('iframe[srcdoc]').length === 0);
    expect(app.errors).toEqual([]);
  });

  it("exports the debugger's graph outside the lessons view: micrograd's sanity check, ∂y/∂x = 46", async () => {
    const { page } = app;
    await page.click('[role=tab][data-view=debugger]');
    await page.waitForFunction(() => (globalThis as { __backstep?: unknown }).__backstep !== undefined);
    await page.evaluate(() =>
      (
        globalThis as unknown as { __backstep: { loadExample(id: string): Promise<unknown> } }
      ).__backstep.loadExample('micrograd'),
    );
    await page.click('.export-button');
    const html = readFileSync(await download(page, 'html', dir), 'utf8');
    // micrograd's test_sanity_check at x = −4: y = −20 and ∂y/∂x = 46 (z = 2x + 2 + x, q = relu(z) + zx, …).
    expect(html).toMatch(
      /<td class="label">x<\/td><td>input<\/td><td><\/td><td>scalar<\/td><td><span class="num">-4\.0000<\/span><\/td><td><span class="num">46\.0000<\/span>/,
    );
    expect(html).toContain('<span class="num">-20.0000</span>');
    expect(html).not.toMatch(/<script/i);
    await page.click('[role=tab][data-view=lessons]');
  });

  it('opens the exported HTML offline with the math in KaTeX fonts and the graph drawn', async () => {
    const page = await app.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.setViewportSize({ width: 1000, height: 1300 });
    await page.goto(`file://${htmlPath}`);
    await page.evaluate('document.fonts.ready');
    expect(await page.evaluate("document.fonts.check('16px KaTeX_Main')")).toBe(true);
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    expect(await page.locator('svg.graph g.node').count()).toBeGreaterThan(5);
    expect(await page.locator('script').count()).toBe(0);
    expect(requests).toEqual([]);
    await screenshot(page, 'report-html');
    await screenshot(page, 'report-html-answers', '#checkpoints');
    await page.close();
  });
});
