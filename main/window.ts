/** The one main window: secure options, restored bounds, the app's page. */
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from './contract/state';

export interface MainWindowOptions {
  preloadPath: string;
  bounds: WindowBounds | null;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };

export function createMainWindow({ preloadPath, bounds }: MainWindowOptions): BrowserWindow {
  const placed = bounds && isOnSomeScreen(bounds) ? bounds : null;
  const win = new BrowserWindow({
    ...(placed ? { x: placed.x, y: placed.y, width: placed.width, height: placed.height } : DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Backstep',
    backgroundColor: '#1e1f24',
    // Written out in full (not spread from a shared object) so the electronegativity scanner can see them.
    webPreferences: {
      // Reviewed for electronegativity's PRELOAD_JS_CHECK (a reminder to review any preload): main/preload.ts
      // exposes one named function per IPC channel through contextBridge, and no ipcRenderer, Node or process.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (placed?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  return win;
}

/** A window saved on a monitor that is gone would open off screen; start centred instead. */
function isOnSomeScreen(b: WindowBounds): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
  });
}

/** The bounds worth saving: the normal (not maximized) rectangle, and whether it was maximized. */
export function boundsOf(win: BrowserWindow): WindowBounds {
  const r = win.getNormalBounds();
  return {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: win.isMaximized(),
  };
}
