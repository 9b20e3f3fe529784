/**
 * Helpers for end-to-end tests in Chromium:
 *
 *   const app = await openApp();            // fresh profile, the web build, waits for the toolbar
 *   await app.page.click('[data-view="debugger"]');
 *   await screenshot(app.page, 'debugger'); // test-artifacts/debugger.png
 *   expect(app.errors).toEqual([]);          // page errors and console errors (CSP violations too)
 *   await app.close();
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts');

export interface OpenAppOptions {
  /** Appended to the app URL (e.g. '#lesson=2'). */
  path?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Allow downloads (web mode saves files as downloads). Default true. */
  acceptDownloads?: boolean;
  /** Device pixels per CSS pixel (2: a high-density screen). Default 1. */
  deviceScaleFactor?: number;
}

export interface OpenApp {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Uncaught page errors and console errors, in order. */
  errors: string[];
  /** Load the page again in the same profile (localStorage survives). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Launch Chromium with a new empty profile, open the web app and wait until the shell is shown. */
export async function openApp(options: OpenAppOptions = {}): Promise<OpenApp> {
  const url = inject('appUrl') + (options.path ?? '');
  const profile = mkdtempSync(join(tmpdir(), 'backstep-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: options.acceptDownloads ?? true,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Intercept file choosers from the start: Playwright turns interception on asynchronously when a test
  // first waits for 'filechooser', and a chooser opened before that would be lost.
  page.on('filechooser', () => undefined);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const ready = async () => {
    await page.goto(url);
    await page.waitForSelector('.toolbar', { timeout: 20_000 });
  };
  await ready();
  return {
    page,
    context,
    url,
    errors,
    reload: async () => {
      await page.reload();
      await page.waitForSelector('.toolbar', { timeout: 20_000 });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Save a PNG of the page (or of one element) as test-artifacts/<name>.png and return its path. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path });
  return path;
}

/**
 * README's pictures (docs/<name>.png) are taken by the tests, so they show the app as it is; they are
 * copied there only when UPDATE_DOCS=1, so that an ordinary test run leaves the working tree clean.
 */
export function toDocs(file: string, name: string): void {
  if (process.env['UPDATE_DOCS'] !== '1') return;
  const docs = resolve(import.meta.dirname, '../../../docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(file, join(docs, `${name}.png`));
}

/**
 * How many pixels the canvases inside `selector` have painted (alpha > 0), summed over Cytoscape's
 * layers. 0 means nothing was drawn.
 */
export async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let count = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
    }
    return count;
  }, selector);
}

/** Run a toolbar command as a student would: open its menu, click the item. */
export async function clickCommand(
  page: Page,
  menu: 'File' | 'View' | 'Debug' | 'Help',
  id: string,
): Promise<void> {
  await page.click(`.menu-button[data-menu="${menu}"]`);
  await page.click(`.menu-item[data-command="${id}"]`);
}
