/**
 * Every IPC handler: refuses callers other than the app's page, rejects bad arguments with a clear
 * error naming the channel, and does its job with good ones. `electron` is the fake in electron-fake.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, handlers, nativeTheme, resetFakes } from './electron-fake';
import { CHANNELS } from '../../main/contract/bridge';
import { makeSession } from '../../main/contract/session';
import { freshAppState } from '../../main/contract/state';
import { registerAppInfo } from '../../main/ipc/app-info';
import type { MainContext } from '../../main/ipc/context';
import { registerExport } from '../../main/ipc/export';
import { registerFiles } from '../../main/ipc/files';
import { senderIsApp } from '../../main/ipc/handle';
import { registerState } from '../../main/ipc/state';
import { StateStore } from '../../main/state/store';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

const APP_URL = 'file:///opt/backstep/out/renderer/index.html';
const fromApp = { senderFrame: { url: APP_URL, parent: null } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
const fromIframe = { senderFrame: { url: APP_URL, parent: { url: APP_URL } } };
const fromNowhere = { senderFrame: null };

let dir: string;
let ctx: MainContext;
const sent: [string, unknown][] = [];

function call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler(event, ...args));
}

beforeEach(() => {
  resetFakes();
  sent.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'backstep-ipc-'));
  const store = new StateStore(join(dir, 'state.json'));
  store.load();
  ctx = {
    store,
    window: () => null,
    isTrusted: (event) => senderIsApp(event, (url) => url.split('#')[0] === APP_URL),
    send: (channel, payload) => sent.push([channel, payload]),
    refreshMenu: vi.fn(),
  };
  registerAppInfo(ctx);
  registerState(ctx);
  registerFiles(ctx);
  registerExport(ctx);
});

/** A valid call for each channel, so the sender check is tested on calls that would otherwise work. */
const validCalls: [string, unknown[]][] = [
  [CHANNELS.appInfo, []],
  [CHANNELS.loadState, []],
  [CHANNELS.saveState, [freshAppState()]],
  [CHANNELS.setTheme, ['dark']],
  [CHANNELS.openSession, []],
  [CHANNELS.openRecent, [0]],
  [CHANNELS.saveSession, [makeSession('sandbox', 't', { a: 1 }), 'name']],
  [CHANNELS.exportFile, [{ kind: 'html', suggestedName: 'r', content: '<p>x</p>' }]],
  [CHANNELS.printToPdf, ['<p>x</p>', 'r']],
];

describe('IPC sender check', () => {
  it('registers a handler for every invoke channel of the bridge', () => {
    expect([...handlers.keys()].sort()).toEqual(validCalls.map(([c]) => c).sort());
  });

  it.each(validCalls)(
    '%s refuses a page that is not ours, an iframe, and a missing frame',
    async (channel, args) => {
      for (const event of [fromElsewhere, fromIframe, fromNowhere]) {
        await expect(call(channel, event, ...args)).rejects.toThrow(`${channel}: refused`);
      }
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    },
  );
});

describe('IPC argument validation', () => {
  const bad: [string, unknown[], string][] = [
    [CHANNELS.saveState, [{ theme: 'purple' }], 'theme'],
    [CHANNELS.saveState, [], '(top level)'],
    [CHANNELS.setTheme, ['solarized'], '[0]'],
    [CHANNELS.openRecent, [-1], '[0]'],
    [CHANNELS.openRecent, ['/etc/passwd'], '[0]'],
    [CHANNELS.saveSession, [{ format: 'other' }, 'x'], 'format'],
    [CHANNELS.saveSession, [makeSession('lesson', 't', 1), 'x'.repeat(500)], '[1]'],
    [CHANNELS.exportFile, [{ kind: 'exe', suggestedName: 'x', content: '' }], 'kind'],
    [CHANNELS.printToPdf, [42, 'x'], '[0]'],
    [CHANNELS.appInfo, ['extra'], '(top level)'],
  ];

  it.each(bad)(
    '%s rejects %j with a message naming the channel and the field',
    async (channel, args, field) => {
      const error = await call(channel, fromApp, ...args).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toContain(`${channel}: bad argument`);
      expect(error?.message).toContain(field);
    },
  );
});

describe('IPC handlers at work', () => {
  it('app:info names the app and its version', async () => {
    expect(await call(CHANNELS.appInfo, fromApp)).toMatchObject({ name: 'Backstep', version: '0.1.0' });
  });

  it('state:save stores the state; state:load returns it with the recent list', async () => {
    const state = { ...freshAppState(), lastLesson: 'chain-rule', view: 'debugger' as const };
    await call(CHANNELS.saveState, fromApp, state);
    expect(ctx.store.get().app).toEqual(state);
    expect(await call(CHANNELS.loadState, fromApp)).toEqual({ state, recent: [], notice: null });
  });

  it('app:set-theme sets the native theme, stores it and refreshes the menu', async () => {
    await call(CHANNELS.setTheme, fromApp, 'dark');
    expect(nativeTheme.themeSource).toBe('dark');
    expect(ctx.store.get().app.theme).toBe('dark');
    expect(ctx.refreshMenu).toHaveBeenCalled();
  });

  it('file:save-session writes where the dialog says and remembers it; file:open-recent reads it back', async () => {
    const path = join(dir, 'my graph.backstep.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const session = makeSession('sandbox', 'My graph', { nodes: [1, 2, 3] });
    expect(await call(CHANNELS.saveSession, fromApp, session, '../../etc/My graph')).toEqual({
      status: 'saved',
      name: 'my graph.backstep.json',
    });
    // The suggested name lost its folders: the dialog was offered a bare file name.
    const offered = (dialog.showSaveDialog.mock.calls[0] as unknown as [{ defaultPath: string }])[0]
      .defaultPath;
    expect(basename(offered)).toBe('_.._etc_My graph.backstep.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(session);
    expect(sent).toContainEqual([CHANNELS.recentChanged, [{ id: 0, name: 'my graph.backstep.json' }]]);
    expect(await call(CHANNELS.openRecent, fromApp, 0)).toEqual({
      status: 'opened',
      name: 'my graph.backstep.json',
      session,
    });
    expect(await call(CHANNELS.openRecent, fromApp, 3)).toEqual({
      status: 'error',
      error: 'There is no recent file number 4.',
    });
  });

  it('file:open-session refuses a hostile file with a clear message and remembers nothing', async () => {
    const path = join(dir, 'deep.backstep.json');
    writeFileSync(path, '['.repeat(100_000) + ']'.repeat(100_000));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = (await call(CHANNELS.openSession, fromApp)) as { status: string; error: string };
    expect(result.status).toBe('error');
    expect(result.error).toBe(
      'Cannot open deep.backstep.json: it is nested more than 64 levels deep, which no Backstep file is.',
    );
    expect(ctx.store.get().desktop.recentFiles).toEqual([]);
  });

  it('file:open-session reports a cancelled dialog as cancelled', async () => {
    expect(await call(CHANNELS.openSession, fromApp)).toEqual({ status: 'cancelled' });
  });

  it('file:export decodes a PNG from base64 and writes its bytes', async () => {
    const path = join(dir, 'graph.png');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const result = await call(CHANNELS.exportFile, fromApp, {
      kind: 'png',
      suggestedName: 'graph',
      content: bytes.toString('base64'),
    });
    expect(result).toEqual({ status: 'saved', name: 'graph.png' });
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('file:print-pdf prints the HTML in a hidden window with scripts off, then saves the PDF', async () => {
    const { BrowserWindow } = await import('./electron-fake');
    const path = join(dir, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    expect(await call(CHANNELS.printToPdf, fromApp, '<h1>Report</h1>', 'report')).toEqual({
      status: 'saved',
      name: 'report.pdf',
    });
    const win = BrowserWindow.created[0]!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    expect(win.loadedFile?.text).toBe('<h1>Report</h1>');
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loadedFile!.path)).toBe(false); // the temporary copy is gone
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 fake');
  });
});
