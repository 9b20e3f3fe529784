/**
 * main/index.ts wired together with electron faked: the window, the handlers, the menu, a session file
 * given on the command line, the bounds and the state saved on quit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../main/contract/bridge';
import { makeSession } from '../../main/contract/session';
import {
  app,
  appEvents,
  BrowserWindow,
  FakeWebContents,
  handlers,
  Menu,
  protocol,
  protocolHandlers,
  resetFakes,
} from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
});

describe('main process start-up', () => {
  it('creates the secure window, registers everything, opens the command-line session, saves on quit', async () => {
    resetFakes();
    const dir = mkdtempSync(join(tmpdir(), 'backstep-main-'));
    const session = makeSession('lesson', 'Chain rule', { lesson: 'chain-rule' });
    writeFileSync(join(dir, 'work.backstep.json'), JSON.stringify(session));
    app.getPath.mockImplementation(() => dir);
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    process.argv = ['/usr/bin/electron', '.', '--', 'work.backstep.json'];

    await import('../../main/index');
    await flushPromises();

    expect(BrowserWindow.created).toHaveLength(1);
    const win = BrowserWindow.created[0]!;
    expect(win.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect((win.options['webPreferences'] as { preload: string }).preload).toMatch(
      /[/\\]preload[/\\]preload\.cjs$/,
    );
    expect(win.loadedUrl).toBe('app://backstep/index.html');
    expect(protocolHandlers.has('app')).toBe(true);
    expect([...handlers.keys()]).toHaveLength(9);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);

    // Every web contents created later is hardened too.
    const other = new FakeWebContents();
    appEvents.get('web-contents-created')?.({}, other);
    expect(other.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    // The session named on the command line reaches the page once it has loaded.
    win.webContents.emit('did-finish-load');
    expect(win.webContents.send).toHaveBeenCalledWith(CHANNELS.sessionOpened, {
      status: 'opened',
      name: 'work.backstep.json',
      session,
    });

    // A page that cannot load still gets its window shown (ready-to-show would never come).
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://backstep/index.html');
    expect(win.shown).toBe(true);
    expect(error).toHaveBeenCalledWith(
      'backstep: could not load app://backstep/index.html: ERR_FILE_NOT_FOUND (-6)',
    );

    win.emit('resize');
    appEvents.get('before-quit')?.();
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    expect(saved.desktop.windowBounds).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(saved.desktop.recentFiles.map((f: { name: string }) => f.name)).toEqual(['work.backstep.json']);
  });
});
