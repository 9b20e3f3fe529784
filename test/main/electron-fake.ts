/**
 * A stand-in for the `electron` module in main-process tests (used through
 * `vi.mock('electron', async () => (await import('./electron-fake')).electronFake)`). It records what the
 * code under test asks of Electron: windows created and their options, IPC handlers, menus, dialogs.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const handlers = new Map<string, Handler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    handlers.set(channel, handler);
  }),
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  toggleDevTools = vi.fn();
  printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  maximized = false;
  destroyed = false;
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  maximize() {
    this.maximized = true;
  }
  shown = false;
  show() {
    this.shown = true;
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  loadedFile: { path: string; text: string } | null = null;
  async loadURL(url: string) {
    this.loadedUrl = url;
  }
  async loadFile(path: string) {
    const { readFileSync } = await import('node:fs');
    this.loadedFile = { path, text: readFileSync(path, 'utf8') };
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const dialog = {
  showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
  showSaveDialog: vi.fn(async (): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
};

export const appEvents = new Map<string, (...args: unknown[]) => void>();

export const app = {
  getName: () => 'Backstep',
  getVersion: () => '0.1.0',
  getPath: vi.fn((_name: string) => '/tmp'),
  on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
    appEvents.set(event, listener);
  }),
  whenReady: vi.fn(() => Promise.resolve()),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
};

export const nativeTheme = { themeSource: 'system' as string };

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocolHandlers.set(scheme, handler);
  }),
};

/** Electron's net.fetch of a file:// URL: the file's bytes, or a failed fetch. */
export const net = {
  fetch: vi.fn(async (url: string) => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    return new Response(readFileSync(fileURLToPath(url)));
  }),
};

export function fakeSession() {
  return {
    requestHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    checkHandler: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(h: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void) {
      this.requestHandler = h;
    },
    setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
      this.checkHandler = h;
    },
  };
}

export function resetFakes(): void {
  handlers.clear();
  appEvents.clear();
  protocolHandlers.clear();
  BrowserWindow.created = [];
  nativeTheme.themeSource = 'system';
  vi.clearAllMocks();
}

export const electronFake = {
  ipcMain,
  BrowserWindow,
  dialog,
  app,
  nativeTheme,
  screen,
  Menu,
  protocol,
  net,
  session: { defaultSession: fakeSession() },
};
