import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watch } from 'vue';
import { makeSession } from '../../../main/contract/session';
import { openText } from '../../../renderer/src/platform';
import { registerSessionKind } from '../../../renderer/src/shell/sessions';
import { receiveSession } from '../../../renderer/src/shell/shell-commands';
import { useUiStore } from '../../../renderer/src/stores/ui';

beforeEach(() => {
  setActivePinia(createPinia());
  localStorage.clear();
  delete window.backstep;
});

describe('opening a session', () => {
  it('hands a valid file to the owner of its kind, shows its view, and remembers it (web mode)', async () => {
    const ui = useUiStore();
    const load = vi.fn();
    const stop = registerSessionKind('sandbox', { view: 'sandbox', load, save: () => null });
    const session = makeSession('sandbox', 'Two layers', { nodes: [{ id: 1 }] });
    await receiveSession(ui, openText('two.backstep.json', JSON.stringify(session)));
    expect(load).toHaveBeenCalledWith(session);
    expect(ui.view).toBe('sandbox');
    expect(ui.notices.map((n) => n.text)).toEqual(['Opened two.backstep.json.']);
    expect(JSON.parse(localStorage.getItem('backstep.recent.v1')!)[0].name).toBe('two.backstep.json');
    stop();
  });

  it('says clearly when nothing can show that kind, or when the owner refuses the data', async () => {
    const ui = useUiStore();
    await receiveSession(ui, openText('l.backstep.json', JSON.stringify(makeSession('lesson', 'L', {}))));
    expect(ui.notices.at(-1)).toMatchObject({
      kind: 'error',
      text: 'l.backstep.json is a lesson session, which this version cannot show yet.',
    });
    const stop = registerSessionKind('lesson', {
      view: 'lessons',
      load: () => {
        throw new Error('unknown lesson "nope"');
      },
      save: () => null,
    });
    receiveSession(
      ui,
      openText('l.backstep.json', JSON.stringify(makeSession('lesson', 'L', { lesson: 'nope' }))),
    );
    expect(ui.notices.at(-1)).toMatchObject({
      kind: 'error',
      text: 'Cannot open l.backstep.json: unknown lesson "nope"',
    });
    stop();
  });

  it('refuses a file with an infinite number and remembers nothing', async () => {
    const ui = useUiStore();
    const text = '{"format":"backstep-session","version":1,"kind":"sandbox","data":{"w":-1e400}}';
    await receiveSession(ui, openText('inf.backstep.json', text));
    expect(ui.notices.at(-1)).toMatchObject({
      kind: 'error',
      text: 'Cannot open inf.backstep.json: it holds a number that is not finite at data.w.',
    });
    expect(localStorage.getItem('backstep.recent.v1')).toBeNull();
  });

  it('shows the view of a kind whose owner registers only when that view mounts, then hands it over', async () => {
    const ui = useUiStore();
    const load = vi.fn();
    let stop = () => {};
    // Stands in for SandboxView: it registers its handler when it is shown.
    const unwatch = watch(
      () => ui.view,
      (v) => {
        if (v === 'sandbox')
          stop = registerSessionKind('sandbox', { view: 'sandbox', load, save: () => null });
      },
      { flush: 'sync' },
    );
    await receiveSession(ui, openText('s.backstep.json', JSON.stringify(makeSession('sandbox', 'S', [1]))));
    expect(ui.view).toBe('sandbox');
    expect(load).toHaveBeenCalledOnce();
    unwatch();
    stop();
  });
});
