/**
 * Backstep's main process: one secure window, the menu, the IPC handlers, the lasting state, and session
 * files given on the command line (`npm start -- file.backstep.json`).
 */
import { app, BrowserWindow, nativeTheme, session } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveApp } from './app-protocol';
import { appLocation, appUrlOf, isAppUrl } from './app-url';
import { sessionPathsIn } from './argv';
import { CHANNELS } from './contract/bridge';
import { registerAppInfo } from './ipc/app-info';
import type { MainContext } from './ipc/context';
import { registerExport } from './ipc/export';
import { openPath, registerFiles } from './ipc/files';
import { senderIsApp } from './ipc/handle';
import { recentEntries, registerState } from './ipc/state';
import { installMenu } from './menu';
import { denyAllPermissions, hardenWebContents } from './security';
import { StateStore } from './state/store';
import { boundsOf, createMainWindow } from './window';

const here = import.meta.dirname;
const location = appLocation(here);
const isApp = (url: string) => isAppUrl(url, location);

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  const store = new StateStore(join(app.getPath('userData'), 'state.json'));
  let win: BrowserWindow | null = null;
  const pendingPaths = sessionPathsIn(process.argv.slice(1), process.cwd());

  const ctx: MainContext = {
    store,
    window: () => win,
    isTrusted: (event) => senderIsApp(event, isApp),
    send: (channel, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
    refreshMenu: () =>
      installMenu({
        recent: recentEntries(ctx),
        theme: store.get().app.theme,
        send: (message) => ctx.send(CHANNELS.command, message),
        quit: () => app.quit(),
        toggleDevTools: () => win?.webContents.toggleDevTools(),
      }),
  };

  const openPaths = (paths: string[]) => {
    for (const p of paths) ctx.send(CHANNELS.sessionOpened, openPath(ctx, p));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isApp));
  app.on('second-instance', (_event, argv, cwd) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    openPaths(sessionPathsIn(argv.slice(1), cwd));
  });

  app.whenReady().then(async () => {
    if (location.kind === 'app') serveApp(location.rendererDir);
    store.load();
    nativeTheme.themeSource = store.get().app.theme;
    denyAllPermissions(session.defaultSession);
    registerAppInfo(ctx);
    registerState(ctx);
    registerFiles(ctx);
    registerExport(ctx);
    ctx.refreshMenu();

    win = createMainWindow({
      preloadPath: join(here, '../preload/preload.cjs'),
      bounds: store.get().desktop.windowBounds,
    });
    const saveBounds = () => {
      if (win && !win.isDestroyed()) {
        const bounds = boundsOf(win);
        store.updateDesktop((d) => ({ ...d, windowBounds: bounds }));
      }
    };
    win.on('resize', saveBounds);
    win.on('move', saveBounds);
    win.on('close', saveBounds);
    win.on('closed', () => (win = null));
    win.webContents.once('did-finish-load', () => openPaths(pendingPaths));
    // A page that fails to load never paints, so 'ready-to-show' would never come: show and say why.
    win.webContents.on('did-fail-load', (_event, code, description, url) => {
      console.error(`backstep: could not load ${url}: ${description} (${code})`);
      win?.show();
    });
    await win.loadURL(appUrlOf(location));
  });

  app.on('before-quit', () => {
    try {
      store.flush();
    } catch (error) {
      console.error(`backstep: could not save state on quit: ${(error as Error).message}`);
    }
  });
  app.on('window-all-closed', () => app.quit());
}

main();
