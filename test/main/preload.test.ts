/**
 * The preload exposes exactly one object, `backstep`, whose functions each call one fixed channel: no
 * generic send/invoke, no ipcRenderer, nothing from Node.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type BackstepBridge } from '../../main/contract/bridge';
import { makeSession } from '../../main/contract/session';
import { freshAppState } from '../../main/contract/state';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
  ipc: null as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipc = new Emitter();
  fake.ipc = ipc;
  fake.invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: fake.invoke,
      on: (channel: string, l: (...a: unknown[]) => void) => ipc.on(channel, l),
      removeListener: (channel: string, l: (...a: unknown[]) => void) => ipc.removeListener(channel, l),
    },
  };
});

await import('../../main/preload');
const api = fake.exposed.get('backstep') as BackstepBridge;

describe('preload bridge', () => {
  it('exposes one object with exactly the bridge functions', () => {
    expect([...fake.exposed.keys()]).toEqual(['backstep']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'appInfo',
        'loadState',
        'saveState',
        'setTheme',
        'openSession',
        'openRecent',
        'saveSession',
        'exportFile',
        'printToPdf',
        'onCommand',
        'onSessionOpened',
        'onRecentChanged',
      ].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each call on its own fixed channel with its arguments', async () => {
    const state = freshAppState();
    const session = makeSession('sandbox', 't', 1);
    const calls: [Promise<unknown>, string, unknown[]][] = [
      [api.appInfo(), CHANNELS.appInfo, []],
      [api.loadState(), CHANNELS.loadState, []],
      [api.saveState(state), CHANNELS.saveState, [state]],
      [api.setTheme('dark'), CHANNELS.setTheme, ['dark']],
      [api.openSession(), CHANNELS.openSession, []],
      [api.openRecent(2), CHANNELS.openRecent, [2]],
      [api.saveSession(session, 'n'), CHANNELS.saveSession, [session, 'n']],
      [
        api.exportFile({ kind: 'html', suggestedName: 'r', content: 'x' }),
        CHANNELS.exportFile,
        [{ kind: 'html', suggestedName: 'r', content: 'x' }],
      ],
      [api.printToPdf('<p/>', 'r'), CHANNELS.printToPdf, ['<p/>', 'r']],
    ];
    for (const [promise, channel, args] of calls) expect(await promise).toEqual({ channel, args });
  });

  it('delivers main → page events to a listener until it unsubscribes', () => {
    const got: unknown[] = [];
    const stop = api.onCommand((m) => got.push(m));
    fake.ipc.emit(CHANNELS.command, {}, { id: 'step' });
    stop();
    fake.ipc.emit(CHANNELS.command, {}, { id: 'stepBack' });
    expect(got).toEqual([{ id: 'step' }]);
    expect((fake.ipc as EventEmitter).listenerCount(CHANNELS.command)).toBe(0);
  });
});
