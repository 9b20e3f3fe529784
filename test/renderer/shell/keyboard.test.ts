import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerCommand } from '../../../renderer/src/commands';
import { installKeyboard } from '../../../renderer/src/shell/keyboard';

let stops: (() => void)[] = [];
const handlers = { step: vi.fn(), playPause: vi.fn(), saveSession: vi.fn(), quit: vi.fn() };

beforeEach(() => {
  for (const [id, fn] of Object.entries(handlers)) {
    fn.mockClear();
    stops.push(registerCommand(id as keyof typeof handlers, fn));
  }
});
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
  document.body.innerHTML = '';
});

function press(target: EventTarget, key: string, mods: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods });
  target.dispatchEvent(e);
  return e;
}

describe('keyboard shortcuts', () => {
  it('runs plain keys from the page and prevents their default', () => {
    const stop = installKeyboard(false);
    const e = press(document.body, 'ArrowRight');
    expect(handlers.step).toHaveBeenCalledOnce();
    expect(e.defaultPrevented).toBe(true);
    stop();
    press(document.body, 'ArrowRight');
    expect(handlers.step).toHaveBeenCalledOnce(); // uninstalled
  });

  it('leaves Space to a focused button and arrows to an open menu', () => {
    const stop = installKeyboard(false);
    document.body.innerHTML =
      '<button id="b">Check all</button><div class="menu"><ul><li><button id="m" role="menuitem">Fit</button></li></ul></div>';
    const e = press(document.getElementById('b')!, ' ');
    expect(handlers.playPause).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(false);
    press(document.getElementById('m')!, 'ArrowRight');
    expect(handlers.step).not.toHaveBeenCalled();
    press(document.body, ' ');
    expect(handlers.playPause).toHaveBeenCalledOnce();
    stop();
  });

  it('after a click on the timeline scrubber, Space still plays; the slider keeps its own arrows', () => {
    const stop = installKeyboard(false);
    document.body.innerHTML = '<input id="r" type="range" min="0" max="10">';
    const r = document.getElementById('r')!;
    press(r, ' ');
    expect(handlers.playPause).toHaveBeenCalledOnce();
    const arrow = press(r, 'ArrowRight');
    expect(handlers.step).not.toHaveBeenCalled();
    expect(arrow.defaultPrevented).toBe(false);
    stop();
  });

  it('runs Ctrl shortcuts even from a text box', () => {
    const stop = installKeyboard(false);
    document.body.innerHTML = '<input id="i">';
    press(document.getElementById('i')!, 's', { ctrlKey: true });
    press(document.getElementById('i')!, 'ArrowRight');
    expect(handlers.saveSession).toHaveBeenCalledOnce();
    expect(handlers.step).not.toHaveBeenCalled();
    stop();
  });

  it('repeats stepping while the key is held, but not play/pause; desktop-only keys only on the desktop', () => {
    const web = installKeyboard(false);
    press(document.body, 'ArrowRight', { repeat: true });
    press(document.body, ' ', { repeat: true });
    press(document.body, 'q', { ctrlKey: true });
    expect(handlers.step).toHaveBeenCalledOnce();
    expect(handlers.playPause).not.toHaveBeenCalled();
    expect(handlers.quit).not.toHaveBeenCalled();
    web();
    const desktop = installKeyboard(true);
    press(document.body, 'q', { ctrlKey: true });
    expect(handlers.quit).toHaveBeenCalledOnce();
    desktop();
  });
});
