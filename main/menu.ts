/**
 * The desktop menu, built from the shared command list. Menu items send command ids to the page, which
 * runs the same handlers as its toolbar menu and keyboard shortcuts; only Quit and the developer tools are
 * handled here.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { CommandMessage, RecentEntry } from './contract/bridge';
import { COMMANDS, MENUS, type CommandSpec } from './contract/commands';
import type { Theme } from './contract/state';

export interface MenuOptions {
  recent: RecentEntry[];
  theme: Theme;
  send(message: CommandMessage): void;
  quit(): void;
  toggleDevTools(): void;
}

const THEME_OF: Record<string, Theme> = { themeSystem: 'system', themeLight: 'light', themeDark: 'dark' };

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  return MENUS.map((menu) => ({
    label: menu,
    submenu: (COMMANDS as readonly CommandSpec[])
      .filter((c) => c.menu === menu)
      .flatMap((c): MenuItemConstructorOptions[] => {
        const item = itemFor(c, options);
        return c.separatorBefore ? [{ type: 'separator' }, item] : [item];
      }),
  }));
}

function itemFor(c: CommandSpec, o: MenuOptions): MenuItemConstructorOptions {
  if (c.id === 'openRecent') {
    const submenu: MenuItemConstructorOptions[] = o.recent.length
      ? o.recent.map((r) => ({ label: r.name, click: () => o.send({ id: 'openRecent', arg: r.id }) }))
      : [{ label: 'No recent files', enabled: false }];
    return { label: c.label, submenu };
  }
  if (c.id === 'quit') return { label: c.label, accelerator: c.shortcut, click: () => o.quit() };
  if (c.id === 'toggleDevTools')
    return { label: c.label, accelerator: c.shortcut, click: () => o.toggleDevTools() };
  const theme = THEME_OF[c.id];
  const base: MenuItemConstructorOptions = {
    label: c.label,
    // Shown in the menu, but the page's own key handler does the work, so keys typed into a text box
    // (Space, arrows) stay in the text box.
    ...(c.shortcut ? { accelerator: c.shortcut, registerAccelerator: false } : {}),
    click: () => o.send({ id: c.id as CommandMessage['id'] }),
  };
  return theme ? { ...base, type: 'radio', checked: o.theme === theme } : base;
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
