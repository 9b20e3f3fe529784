/**
 * The app shell with a fresh Pinia each test, in web mode (localStorage) and with a fake desktop bridge.
 * The four views belong to other folders and are replaced by stubs here, so only the shell is tested.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackstepBridge, CommandMessage } from '../../../main/contract/bridge';
import { freshAppState } from '../../../main/contract/state';
import App from '../../../renderer/src/App.vue';
import { registerCommand } from '../../../renderer/src/commands';
import { resetPersistence } from '../../../renderer/src/shell/persistence';

const { stub } = vi.hoisted(() => ({
  stub: async (name: string) => {
    const { defineComponent, h } = await import('vue');
    return { default: defineComponent({ name, render: () => h('section', { class: 'stub' }, name) }) };
  },
}));
vi.mock('../../../renderer/src/lessons/LessonsView.vue', () => stub('LessonsView'));
vi.mock('../../../renderer/src/debugger/DebuggerView.vue', () => stub('DebuggerView'));
vi.mock('../../../renderer/src/sandbox/SandboxView.vue', () => stub('SandboxView'));
vi.mock('../../../renderer/src/compare/CompareView.vue', () => stub('CompareView'));

let wrapper: VueWrapper | null = null;

async function mountApp() {
  const pinia = createPinia();
  setActivePinia(pinia);
  wrapper = mount(App, { global: { plugins: [pinia] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  localStorage.clear();
  resetPersistence();
  delete window.backstep;
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

async function clickCommand(w: VueWrapper, menu: string, id: string) {
  await w.get(`.menu-button[data-menu="${menu}"]`).trigger('click');
  await w.get(`.menu-item[data-command="${id}"]`).trigger('click');
  await flushPromises();
}

describe('app shell (web mode)', () => {
  it('shows the four command menus and the four views, starting on Lessons', async () => {
    const w = await mountApp();
    expect(w.findAll('.menu-button').map((b) => b.text())).toEqual(['File', 'View', 'Debug', 'Help']);
    expect(w.findAll('.view-tab').map((b) => b.text())).toEqual([
      'Lessons',
      'Debugger',
      'Sandbox',
      'Scalar vs tensor',
    ]);
    expect(w.get('.view').text()).toBe('LessonsView');
    expect(document.title).toBe('Lessons — Backstep');
    await w.get('.view-tab[data-view="compare"]').trigger('click');
    expect(w.get('.view').text()).toBe('CompareView');
    expect(document.title).toBe('Scalar vs tensor — Backstep');
    expect(w.get('.view-tab[data-view="compare"]').attributes('aria-selected')).toBe('true');
  });

  it('leaves out Quit and developer tools, and disables commands nobody handles yet', async () => {
    const w = await mountApp();
    await w.get('.menu-button[data-menu="File"]').trigger('click');
    expect(w.find('.menu-item[data-command="quit"]').exists()).toBe(false);
    expect(w.get('.menu-item[data-command="openLesson"]').attributes('disabled')).toBeUndefined();
    await w.get('.menu-button[data-menu="Debug"]').trigger('click');
    expect(w.get('.menu-item[data-command="step"]').attributes('disabled')).toBe('');
    const stop = registerCommand('step', () => undefined);
    await flushPromises();
    expect(w.get('.menu-item[data-command="step"]').attributes('disabled')).toBeUndefined();
    stop();
  });

  it('walks a menu with the arrow keys and closes it with Escape, back on its button', async () => {
    const w = await mountApp();
    const button = w.get('.menu-button[data-menu="Help"]');
    (button.element as HTMLElement).focus();
    await button.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    const focusedCommand = () => (document.activeElement as HTMLElement | null)?.dataset['command'];
    expect(focusedCommand()).toBe('shortcuts');
    await w.get('.menu.open').trigger('keydown', { key: 'ArrowDown' });
    expect(focusedCommand()).toBe('legend');
    await w.get('.menu.open').trigger('keydown', { key: 'ArrowUp' });
    await w.get('.menu.open').trigger('keydown', { key: 'ArrowUp' });
    expect(focusedCommand()).toBe('about'); // wrapped around
    await w.get('.menu.open').trigger('keydown', { key: 'Escape' });
    expect(w.find('.menu-list').exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
  });

  it('switches the theme from the View menu and saves it to localStorage', async () => {
    const w = await mountApp();
    await clickCommand(w, 'View', 'themeDark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    await vi.waitFor(() => expect(w.get('[data-testid="save-indicator"]').text()).toBe('Saved'), {
      timeout: 3000,
    });
    expect(JSON.parse(localStorage.getItem('backstep.state.v1')!)).toMatchObject({
      theme: 'dark',
      view: 'lessons',
    });
    await clickCommand(w, 'View', 'themeLight');
    expect(document.documentElement.dataset['theme']).toBe('light');
  });

  it('restores the saved theme and view', async () => {
    localStorage.setItem(
      'backstep.state.v1',
      JSON.stringify({ ...freshAppState(), theme: 'dark', view: 'sandbox' }),
    );
    const w = await mountApp();
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(w.get('.view').text()).toBe('SandboxView');
  });

  it('puts an unreadable saved state aside and tells the student once', async () => {
    localStorage.setItem('backstep.state.v1', '{"theme": "dark", oops');
    const w = await mountApp();
    expect(w.get('.notice.error').text()).toContain('Your saved progress could not be read');
    const aside = Object.keys(localStorage).filter((k) => k.startsWith('backstep.state.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(localStorage.getItem(aside[0]!)).toBe('{"theme": "dark", oops');
    expect(localStorage.getItem('backstep.state.v1')).toBeNull();
  });

  it('opens the shortcuts table with F1 and closes it with Escape', async () => {
    const w = await mountApp();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1' }));
    await flushPromises();
    expect(w.get('[data-testid="shortcuts"]').text()).toContain('Step');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(w.find('[data-testid="shortcuts"]').exists()).toBe(false);
  });

  it('leaves plain keys to a text box but still runs Ctrl shortcuts from it', async () => {
    const w = await mountApp();
    const play = vi.fn();
    const save = vi.fn();
    const stops = [registerCommand('playPause', play), registerCommand('saveSession', save)];
    const box = document.createElement('textarea');
    document.body.append(box);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(play).toHaveBeenCalledOnce(); // from the window, not from the text box
    expect(save).toHaveBeenCalledOnce();
    stops.forEach((s) => s());
    box.remove();
    expect(w.exists()).toBe(true);
  });
});

describe('app shell (desktop bridge)', () => {
  function fakeBridge() {
    let commandListener: ((m: CommandMessage) => void) | null = null;
    const bridge = {
      appInfo: vi.fn(async () => ({
        name: 'Backstep',
        version: '0.1.0',
        electron: '45.5.0',
        chrome: '142.0.0.0',
        node: '22.20.0',
        v8: '14.2',
        platform: 'linux x64',
      })),
      loadState: vi.fn(async () => ({
        state: { ...freshAppState(), theme: 'dark' as const, view: 'compare' as const },
        recent: [{ id: 0, name: 'neuron.backstep.json' }],
        notice: 'Your saved progress could not be read (test).',
      })),
      saveState: vi.fn(async () => ({ savedAt: '2026-11-27T14:00:00.000Z' })),
      setTheme: vi.fn(async () => undefined),
      openSession: vi.fn(async () => ({
        status: 'error' as const,
        error: 'Cannot open x.json: it is not JSON.',
      })),
      openRecent: vi.fn(async () => ({ status: 'cancelled' as const })),
      saveSession: vi.fn(),
      exportFile: vi.fn(),
      printToPdf: vi.fn(),
      onCommand: vi.fn((l: (m: CommandMessage) => void) => {
        commandListener = l;
        return () => (commandListener = null);
      }),
      onSessionOpened: vi.fn(() => () => undefined),
      onRecentChanged: vi.fn(() => () => undefined),
    };
    window.backstep = bridge as unknown as BackstepBridge;
    return { bridge, menu: (m: CommandMessage) => commandListener?.(m) };
  }

  it('loads the state through the bridge and shows the one-time notice', async () => {
    const { bridge } = fakeBridge();
    const w = await mountApp();
    expect(bridge.loadState).toHaveBeenCalledOnce();
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(w.get('.view').text()).toBe('CompareView');
    expect(w.get('.notice.error').text()).toContain('could not be read (test)');
    expect(localStorage.length).toBe(0);
  });

  it('runs desktop menu commands: About shows the versions from the main process', async () => {
    const { menu } = fakeBridge();
    const w = await mountApp();
    menu({ id: 'about' });
    await flushPromises();
    expect(w.get('[data-testid="versions"]').text()).toContain('45.5.0');
  });

  it('shows recent files from main, leaves Quit to the native menu, and shows the error of a refused file', async () => {
    const { bridge } = fakeBridge();
    const w = await mountApp();
    await w.get('.menu-button[data-menu="File"]').trigger('click');
    expect(w.find('.menu-item[data-command="quit"]').exists()).toBe(false);
    expect(w.get('.menu-sublist').text()).toContain('neuron.backstep.json');
    await w.get('.menu-item[data-command="openLesson"]').trigger('click');
    await flushPromises();
    expect(bridge.openSession).toHaveBeenCalledOnce();
    expect(w.text()).toContain('Cannot open x.json: it is not JSON.');
  });

  it('saves through the bridge, not localStorage, and tells main the theme', async () => {
    const { bridge } = fakeBridge();
    const w = await mountApp();
    await clickCommand(w, 'View', 'themeLight');
    expect(bridge.setTheme).toHaveBeenCalledWith('light');
    await vi.waitFor(
      () =>
        expect(bridge.saveState.mock.calls.at(-1)).toEqual([
          expect.objectContaining({ theme: 'light', view: 'compare' }),
        ]),
      { timeout: 3000 },
    );
    expect(localStorage.length).toBe(0);
  });
});

describe('dropping a file on the window', () => {
  function drop(file: File) {
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    window.dispatchEvent(event);
    return event;
  }

  it('opens a dropped session file and refuses a hostile one with its reason', async () => {
    const w = await mountApp();
    const event = drop(
      new File(
        ['{"format":"backstep-session","version":1,"kind":"sandbox","data":[1e999]}'],
        'inf.backstep.json',
      ),
    );
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() =>
      expect(w.get('.notice.error').text()).toContain(
        'Cannot open inf.backstep.json: it holds a number that is not finite at data[0].',
      ),
    );
  });
});
