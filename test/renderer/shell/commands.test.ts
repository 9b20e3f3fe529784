import { describe, expect, it, vi } from 'vitest';
import {
  commandForKey,
  hasCommand,
  parseShortcut,
  registerCommand,
  runCommand,
  shortcutLabel,
  type KeyLike,
} from '../../../renderer/src/commands';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('command bus', () => {
  it('runs the latest handler, and uncovers the earlier one when it is unregistered', async () => {
    const shell = vi.fn();
    const view = vi.fn();
    const stopShell = registerCommand('fit', shell);
    const stopView = registerCommand('fit', view);
    expect(await runCommand('fit')).toBe(true);
    expect(view).toHaveBeenCalledOnce();
    expect(shell).not.toHaveBeenCalled();
    stopView();
    stopView(); // twice is harmless
    await runCommand('fit');
    expect(shell).toHaveBeenCalledOnce();
    stopShell();
    expect(hasCommand('fit')).toBe(false);
    expect(await runCommand('fit')).toBe(false);
  });

  it('passes the argument (the recent entry id)', async () => {
    const open = vi.fn();
    const stop = registerCommand('openRecent', open);
    await runCommand('openRecent', 3);
    expect(open).toHaveBeenCalledWith(3);
    stop();
  });
});

describe('shortcuts', () => {
  it('reads Electron accelerators', () => {
    expect(parseShortcut('CmdOrCtrl+Shift+I')).toEqual({ ctrl: true, shift: true, alt: false, key: 'i' });
    expect(parseShortcut('Space')).toEqual({ ctrl: false, shift: false, alt: false, key: ' ' });
    expect(parseShortcut('Shift+Right')).toEqual({ ctrl: false, shift: true, alt: false, key: 'arrowright' });
  });

  it.each([
    [key('o', { ctrlKey: true }), 'openLesson'],
    [key('o', { metaKey: true }), 'openLesson'],
    [key('e', { ctrlKey: true }), 'export'],
    [key('ArrowRight'), 'step'],
    [key('ArrowLeft'), 'stepBack'],
    [key('ArrowRight', { shiftKey: true }), 'runForward'],
    [key(' '), 'playPause'],
    [key('End'), 'runToEnd'],
    [key('Home'), 'reset'],
    [key('f'), 'fit'],
    [key('l'), 'toggleLayout'],
    [key('=', { ctrlKey: true }), 'zoomIn'],
    [key('+', { ctrlKey: true, shiftKey: true }), 'zoomIn'],
    [key('-', { ctrlKey: true }), 'zoomOut'],
    [key('0', { ctrlKey: true }), 'zoomReset'],
    [key('F1'), 'shortcuts'],
  ] as const)('%j means %s', (event, id) => {
    expect(commandForKey(event, false)).toBe(id);
  });

  it('ignores keys that mean nothing, and desktop-only keys in web mode', () => {
    expect(commandForKey(key('o'), false)).toBeNull();
    expect(commandForKey(key('f', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key('q', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key('q', { ctrlKey: true }), true)).toBe('quit');
  });

  it('labels keys for people', () => {
    expect(shortcutLabel('CmdOrCtrl+O')).toBe('Ctrl+O');
    expect(shortcutLabel('CmdOrCtrl+O', true)).toBe('⌘O');
    expect(shortcutLabel('Shift+Right')).toBe('Shift+→');
    expect(shortcutLabel('CmdOrCtrl+=')).toBe('Ctrl+=');
  });
});
