/**
 * The sandbox in Chromium: type a tensor program (one tanh layer), see its values and gradients, load it in
 * the debugger, come back to find it still there, open the scalar-vs-tensor comparison, and save it as a
 * session file. Screenshots go to test-artifacts/sandbox-*.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickCommand, openApp, paintedPixels, screenshot, type OpenApp } from './setup/browser';

const LAYER = 'x = [1, -2]\nW = [[0.5, -1], [2, 0.25]]\nb = [0.1, 0.2]\ny = sum(tanh(W @ x + b))';
// W x + b = [0.5 + 2 + 0.1, 2 − 0.5 + 0.2] = [2.6, 1.7]
const Y = Math.tanh(2.6) + Math.tanh(1.7);

describe('sandbox in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses to compare a scalar program, then takes a typed tensor program', async () => {
    const { page } = app;
    await page.click('.view-tab[data-view="sandbox"]');
    const compare = page.locator('[data-testid="sandbox-compare"]');
    expect(await compare.isDisabled()).toBe(true);
    expect(await compare.getAttribute('title')).toBe('already scalar');
    await page.fill('[data-testid="sandbox-input"]', LAYER);
    await expect
      .poll(() => page.locator('[data-testid="sandbox-result"] p').first().textContent())
      .toContain(`y = ${Y.toPrecision(6)}`);
    expect(await compare.isDisabled()).toBe(false);
    await screenshot(page, 'sandbox-tensor');
  });

  it('loads it in the debugger, and finds it again on coming back', async () => {
    const { page } = app;
    await page.click('[data-testid="sandbox-load"]');
    expect(await page.getAttribute('.app', 'data-view')).toBe('debugger');
    await page.waitForSelector('[data-testid="graph"] canvas[data-id$="-node"]');
    await expect.poll(() => paintedPixels(page, '[data-testid="graph"]')).toBeGreaterThan(1000);
    await screenshot(page, 'sandbox-debugger');
    await page.click('.view-tab[data-view="sandbox"]');
    expect(await page.inputValue('[data-testid="sandbox-input"]')).toBe(LAYER);
  });

  it('opens the comparison: both graphs drawn, gradients equal', async () => {
    const { page } = app;
    await page.click('[data-testid="sandbox-compare"]');
    expect(await page.getAttribute('.app', 'data-view')).toBe('compare');
    await page.waitForSelector('[data-testid="compare-summary"]');
    await page.waitForSelector('[data-testid="scalar-graph"] canvas[data-id$="-node"]');
    await expect.poll(() => paintedPixels(page, '[data-testid="scalar-graph"]')).toBeGreaterThan(1000);
    expect(await page.locator('[data-row="graddiff"]').textContent()).toMatch(/absolute/);
    await screenshot(page, 'sandbox-compare');
  });

  it('saves the program as a sandbox session file', async () => {
    const { page } = app;
    await page.click('.view-tab[data-view="sandbox"]');
    const download = page.waitForEvent('download');
    await clickCommand(page, 'File', 'saveSession');
    const file = await download;
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(saved).toMatchObject({ format: 'backstep-session', kind: 'sandbox', data: { source: LAYER } });
  });

  it('logged no page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
