import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakes } from './electron-fake';
import { createMainWindow } from '../../main/window';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

describe('main window', () => {
  beforeEach(resetFakes);

  it('is created isolated, sandboxed, without Node, with web security on and our preload', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', bounds: null });
    const prefs = BrowserWindow.created[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/preload.cjs',
    });
  });

  it('restores saved bounds on a visible screen, and ignores bounds on a screen that is gone', () => {
    createMainWindow({
      preloadPath: 'p',
      bounds: { x: 100, y: 80, width: 900, height: 700, maximized: true },
    });
    expect(BrowserWindow.created[0]!.options).toMatchObject({ x: 100, y: 80, width: 900, height: 700 });
    expect(BrowserWindow.created[0]!.maximized).toBe(true);

    createMainWindow({
      preloadPath: 'p',
      bounds: { x: 5000, y: 5000, width: 900, height: 700, maximized: false },
    });
    expect(BrowserWindow.created[1]!.options).not.toHaveProperty('x');
    expect(BrowserWindow.created[1]!.options).toMatchObject({ width: 1280, height: 820 });
  });
});
