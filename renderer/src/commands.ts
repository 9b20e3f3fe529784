/**
 * The command bus. The desktop menu (through the preload), the web toolbar menu and the keyboard all
 * call `runCommand(id)`; the views that own the behaviour register the handlers:
 *
 *   onMounted(() => { stop = registerCommand('step', () => trace.step()); });
 *   onUnmounted(() => stop());
 *
 * The latest registration of an id wins; unregistering it uncovers the earlier one, so the shell can
 * register defaults and a view can take a command over while it is shown.
 */
import { ref } from 'vue';
import {
  COMMANDS,
  isCommandId,
  MENUS,
  type CommandId,
  type CommandSpec,
  type MenuName,
} from '../../main/contract/commands';

export { COMMANDS, MENUS, isCommandId, type CommandId, type CommandSpec, type MenuName };

export type CommandHandler = (arg?: number) => void | Promise<void>;

const handlers = new Map<CommandId, CommandHandler[]>();
/** Bumped on every (un)registration so menus can show which commands are available right now. */
export const commandsVersion = ref(0);

export function registerCommand(id: CommandId, handler: CommandHandler): () => void {
  const stack = handlers.get(id) ?? [];
  stack.push(handler);
  handlers.set(id, stack);
  commandsVersion.value++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const i = stack.lastIndexOf(handler);
    if (i >= 0) stack.splice(i, 1);
    commandsVersion.value++;
  };
}

export function hasCommand(id: CommandId): boolean {
  return (handlers.get(id)?.length ?? 0) > 0;
}

/** Run the current handler of `id`; false when nothing handles it (the command is unavailable). */
export async function runCommand(id: CommandId, arg?: number): Promise<boolean> {
  const stack = handlers.get(id);
  const handler = stack?.[stack.length - 1];
  if (!handler) return false;
  await handler(arg);
  return true;
}

export function commandSpec(id: CommandId): CommandSpec {
  const spec = (COMMANDS as readonly CommandSpec[]).find((c) => c.id === id);
  if (!spec) throw new Error(`commands: unknown command id "${id}"`);
  return spec;
}

/**
 * Commands of one menu as the toolbar shows them. Quit and the developer tools are done by the main process
 * from the desktop's own menu (and keys), so the toolbar leaves them out in both modes.
 */
export function commandsOf(menu: MenuName): CommandSpec[] {
  return (COMMANDS as readonly CommandSpec[]).filter((c) => c.menu === menu && !c.desktopOnly);
}

const KEY_NAMES: Record<string, string> = {
  Right: 'ArrowRight',
  Left: 'ArrowLeft',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Space: ' ',
  Plus: '+',
};

interface ParsedShortcut {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/** 'CmdOrCtrl+Shift+I' → { ctrl, shift, key: 'i' }: Electron's accelerator syntax, read in the page. */
export function parseShortcut(shortcut: string): ParsedShortcut {
  const parts = shortcut.split('+');
  // 'CmdOrCtrl+=' splits cleanly; a trailing '+' key would leave an empty part.
  const keyPart = parts[parts.length - 1] || '+';
  const mods = new Set(parts.slice(0, -1).map((m) => m.toLowerCase()));
  return {
    ctrl: mods.has('cmdorctrl') || mods.has('ctrl') || mods.has('commandorcontrol'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
    key: (KEY_NAMES[keyPart] ?? keyPart).toLowerCase(),
  };
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press means, or null. Ctrl and ⌘ both count as CmdOrCtrl. */
export function commandForKey(e: KeyLike, desktop: boolean): CommandId | null {
  const key = e.key.toLowerCase();
  const ctrl = e.ctrlKey || e.metaKey;
  for (const c of COMMANDS as readonly CommandSpec[]) {
    if (!c.shortcut || (c.desktopOnly && !desktop)) continue;
    const s = parseShortcut(c.shortcut);
    if (s.ctrl !== ctrl || s.alt !== e.altKey) continue;
    // Shift is implied by some keys ('+' on most layouts), so only insist on it when it is named.
    if (s.shift !== e.shiftKey && !(s.ctrl && !s.shift && (key === '+' || key === '='))) continue;
    if (s.key === key || (s.key === '=' && key === '+')) return c.id as CommandId;
  }
  return null;
}

/** 'CmdOrCtrl+O' → 'Ctrl+O' (or '⌘O' on a Mac), 'Right' → '→' for menus and the shortcuts table. */
export function shortcutLabel(shortcut: string, mac = false): string {
  const pretty: Record<string, string> = { Right: '→', Left: '←', Up: '↑', Down: '↓' };
  return shortcut
    .split('+')
    .map((p) => (p === 'CmdOrCtrl' ? (mac ? '⌘' : 'Ctrl') : (pretty[p] ?? p)))
    .join(mac ? '' : '+')
    .replace(/\+$/, '++');
}

/** Ignore plain keys while the student types in a text box; modified ones (Ctrl+S) still work. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
