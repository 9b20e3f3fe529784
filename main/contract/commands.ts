/**
 * The app's commands, listed once: the desktop menu (main/menu.ts), the web toolbar menu and the keyboard
 * shortcuts (renderer/src/commands.ts) and the README's shortcuts table are all built from this list.
 *
 * Pure data, no Electron or DOM imports: shared by the main process and the renderer.
 */

export type MenuName = 'File' | 'View' | 'Debug' | 'Help';

export interface CommandSpec {
  readonly id: string;
  readonly label: string;
  readonly menu: MenuName;
  /**
   * Electron accelerator syntax ('CmdOrCtrl+O', 'Right', 'Space'). The renderer's keyboard handler reads the
   * same string, so one key does the same thing in the desktop app and in web mode.
   */
  readonly shortcut?: string;
  /** Only meaningful in the desktop app (quit, developer tools). */
  readonly desktopOnly?: boolean;
  /** Starts a group in its menu (a separator is drawn above it). */
  readonly separatorBefore?: boolean;
}

export const COMMANDS = [
  { id: 'openLesson', label: 'Open lesson…', menu: 'File', shortcut: 'CmdOrCtrl+O' },
  { id: 'openRecent', label: 'Open recent', menu: 'File' },
  { id: 'saveSession', label: 'Save session…', menu: 'File', shortcut: 'CmdOrCtrl+S' },
  { id: 'export', label: 'Export report…', menu: 'File', shortcut: 'CmdOrCtrl+E', separatorBefore: true },
  {
    id: 'quit',
    label: 'Quit',
    menu: 'File',
    shortcut: 'CmdOrCtrl+Q',
    desktopOnly: true,
    separatorBefore: true,
  },

  { id: 'zoomIn', label: 'Zoom in', menu: 'View', shortcut: 'CmdOrCtrl+=' },
  { id: 'zoomOut', label: 'Zoom out', menu: 'View', shortcut: 'CmdOrCtrl+-' },
  { id: 'zoomReset', label: 'Reset zoom', menu: 'View', shortcut: 'CmdOrCtrl+0' },
  { id: 'fit', label: 'Fit graph', menu: 'View', shortcut: 'F', separatorBefore: true },
  { id: 'toggleLayout', label: 'Toggle layout direction', menu: 'View', shortcut: 'L' },
  { id: 'themeSystem', label: 'Theme: system', menu: 'View', separatorBefore: true },
  { id: 'themeLight', label: 'Theme: light', menu: 'View' },
  { id: 'themeDark', label: 'Theme: dark', menu: 'View' },
  {
    id: 'toggleDevTools',
    label: 'Toggle developer tools',
    menu: 'View',
    shortcut: 'CmdOrCtrl+Shift+I',
    desktopOnly: true,
    separatorBefore: true,
  },

  { id: 'step', label: 'Step', menu: 'Debug', shortcut: 'Right' },
  { id: 'stepBack', label: 'Step back', menu: 'Debug', shortcut: 'Left' },
  { id: 'playPause', label: 'Play / pause', menu: 'Debug', shortcut: 'Space' },
  { id: 'runForward', label: 'Run forward pass', menu: 'Debug', shortcut: 'Shift+Right' },
  { id: 'runToEnd', label: 'Run to end', menu: 'Debug', shortcut: 'End' },
  { id: 'reset', label: 'Reset', menu: 'Debug', shortcut: 'Home' },

  { id: 'shortcuts', label: 'Keyboard shortcuts', menu: 'Help', shortcut: 'F1' },
  { id: 'legend', label: 'Graph legend', menu: 'Help' },
  { id: 'about', label: 'About Backstep', menu: 'Help', separatorBefore: true },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((c) => c.id);

export function isCommandId(id: string): id is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(id);
}

export const MENUS: readonly MenuName[] = ['File', 'View', 'Debug', 'Help'];
