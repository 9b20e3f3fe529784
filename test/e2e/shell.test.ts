/**
 * The app shell in a real Chromium (web mode): the example graph is painted, clicks change what is shown,
 * toolbar commands work (theme, About, shortcuts, zoom), and the state survives a reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickCommand, openApp, paintedPixels, screenshot, toDocs, type OpenApp } from './setup/browser';

describe('app shell in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('paints the example graph of Help → Graph legend', async () => {
    const { page } = app;
    await clickCommand(page, 'Help', 'legend');
    await page.waitForSelector('[data-testid="example-graph"] canvas[data-id$="-node"]');
    await page.waitForTimeout(300); // a few animation frames of Cytoscape's renderer
    const painted = await paintedPixels(page, '[data-testid="example-graph"]');
    // Eight nodes of ~46 px and seven edges: thousands of pixels; an empty canvas paints none.
    expect(painted).toBeGreaterThan(2000);
    await screenshot(page, 'shell-legend');
  });

  it('shows a node when it is clicked', async () => {
    const { page } = app;
    const caption = page.locator('[data-testid="example-caption"]');
    await expect.poll(() => caption.textContent()).toContain('Click a node');
    // Click where Cytoscape drew the σ node: read its rendered position from the canvas container.
    const box = await page.locator('[data-testid="example-graph"]').boundingBox();
    expect(box).not.toBeNull();
    const point = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="example-graph"]') as HTMLElement & {
        _cyreg?: { cy?: { $id(id: string): { renderedPosition(): { x: number; y: number } } } };
      };
      return el._cyreg?.cy?.$id('a').renderedPosition() ?? null;
    });
    expect(point).not.toBeNull();
    await page.mouse.click(box!.x + point!.x, box!.y + point!.y);
    await expect.poll(() => caption.textContent()).toContain('a = σ(z)');
    // σ(0.8·1.5 − 0.5) = σ(0.7) = 1 / (1 + e^−0.7) = 0.66819…
    expect(await caption.textContent()).toContain('0.6682');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="example-graph"]').count()).toBe(0);
  });

  it('switches views with the tabs', async () => {
    const { page } = app;
    await page.click('.view-tab[data-view="sandbox"]');
    expect(await page.getAttribute('.app', 'data-view')).toBe('sandbox');
    expect(await page.getAttribute('.view-tab[data-view="sandbox"]', 'aria-selected')).toBe('true');
  });

  it('switches the theme from the View menu and keeps it after a reload', async () => {
    const { page } = app;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await clickCommand(page, 'View', 'themeLight');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background()).toBe('rgb(246, 247, 249)');
    await clickCommand(page, 'View', 'themeDark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(23, 24, 28)');
    await clickCommand(page, 'Help', 'legend');
    await page.waitForTimeout(300);
    // README's picture of the app: taken here, so it shows the app as it is.
    toDocs(await screenshot(page, 'shell-dark'), 'shell-dark');
    await page.keyboard.press('Escape');
    await page.click('.view-tab[data-view="debugger"]');
    await expect
      .poll(() => page.textContent('[data-testid="save-indicator"]'), { timeout: 5000 })
      .toContain('Saved');
    await app.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('.app', 'data-view')).toBe('debugger');
    await clickCommand(page, 'View', 'themeLight');
  });

  it('opens About and the shortcuts table from the Help menu, and F1 opens the table', async () => {
    const { page } = app;
    await clickCommand(page, 'Help', 'about');
    await expect.poll(() => page.textContent('[data-testid="versions"]')).toMatch(/Backstep\s*0\.\d+\.\d+/);
    await page.keyboard.press('Escape');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await page.keyboard.press('F1');
    const table = page.locator('[data-testid="shortcuts"]');
    await table.waitFor();
    expect(await table.textContent()).toContain('Ctrl+O');
    await screenshot(page, 'shell-shortcuts');
    await page.click('.modal-close');
  });

  it('zooms the interface with Ctrl+= and resets with Ctrl+0', async () => {
    const { page } = app;
    const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await size()).toBe('14px');
    await page.keyboard.press('Control+Equal');
    expect(await size()).toBe('15.4px'); // 14 px × 1.1
    await page.keyboard.press('Control+0');
    expect(await size()).toBe('14px');
  });

  it('shows debug commands as unavailable until the debugger registers them', async () => {
    const { page } = app;
    await page.click('.menu-button[data-menu="Debug"]');
    const step = page.locator('.menu-item[data-command="step"]');
    await step.waitFor();
    expect(await step.textContent()).toContain('→');
    await page.keyboard.press('Escape');
  });

  it('saves the lesson session as a download with Ctrl+S and opens it again with Ctrl+O', async () => {
    const { page } = app;
    await page.click('.view-tab[data-view="lessons"]');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^[\w-]+\.backstep\.json$/);
    const text = readFileSync((await file.path())!, 'utf8');
    const saved = JSON.parse(text);
    expect(saved).toMatchObject({ format: 'backstep-session', version: 1, kind: 'lesson' });
    expect(saved.data.lesson).toBe(saved.title);
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
    await page.keyboard.press('Control+o');
    await (
      await chooser
    ).setFiles({
      name: file.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect
      .poll(() => page.locator('.notice').allTextContents())
      .toContain(`Opened ${file.suggestedFilename()}.×`);
    // Web mode remembers it under File → Open recent.
    await page.click('.menu-button[data-menu="File"]');
    expect(await page.locator('.menu-sublist').textContent()).toContain(file.suggestedFilename());
    await page.keyboard.press('Escape');
  });

  it('refuses a hostile session file in web mode with a clear message', async () => {
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    await (
      await chooser
    ).setFiles({ name: 'deep.backstep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    const notice = page.locator('.notice.error');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Cannot open deep.backstep.json: it is nested more than 64 levels deep, which no Backstep file is.',
    );
    await notice.locator('.notice-close').click();
    expect(await page.locator('.notice.error').count()).toBe(0);
  });

  it('logged no page errors or CSP violations', () => {
    expect(app.errors).toEqual([]);
  });
});
