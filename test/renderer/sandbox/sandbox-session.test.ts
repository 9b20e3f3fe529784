import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { makeSession } from '../../../main/contract/session';
import SandboxView from '../../../renderer/src/sandbox/SandboxView.vue';
import { sessionHandler } from '../../../renderer/src/shell/sessions';

beforeEach(() => setActivePinia(createPinia()));

const cells = (w: ReturnType<typeof mount>) =>
  w.findAll('[data-testid="sandbox-result"] tbody tr').map((r) => r.findAll('td').map((c) => c.text()));

describe('sandbox session files', () => {
  it('saves the program text and opens it again in a fresh sandbox, rebuilding its graph', async () => {
    const w = mount(SandboxView);
    const source = 'a = 3; b = -2\nc = a*b + a';
    await w.find('[data-testid="sandbox-input"]').setValue(source);
    const content = sessionHandler('sandbox')!.save()!;
    expect(content).toEqual({ title: 'Sandbox c', data: { source } });
    w.unmount();
    expect(sessionHandler('sandbox')).toBeUndefined();

    // Another run: the sandbox opens on its first example, then the file is loaded.
    const w2 = mount(SandboxView);
    sessionHandler('sandbox')!.load(makeSession('sandbox', content.title, content.data));
    await nextTick();
    expect((w2.find('[data-testid="sandbox-input"]').element as HTMLTextAreaElement).value).toBe(source);
    // c = a·b + a = 3·(−2) + 3 = −3; ∂c/∂a = b + 1 = −1, ∂c/∂b = a = 3.
    expect(w2.find('[data-testid="sandbox-result"] p').text()).toBe('c = -3');
    expect(cells(w2)).toEqual([
      ['a', '3', '-1'],
      ['b', '-2', '3'],
      ['c', '-3', '1'],
    ]);
    w2.unmount();
  });

  it('refuses data that is not a sandbox program and keeps the text it had', async () => {
    const w = mount(SandboxView);
    const before = (w.find('[data-testid="sandbox-input"]').element as HTMLTextAreaElement).value;
    const load = (data: unknown) => () =>
      sessionHandler('sandbox')!.load(makeSession('sandbox', 't', data as never));
    expect(load({ lesson: '02-chain-rule' })).toThrow('it does not hold a sandbox program (source: ');
    expect(load({ source: 42 })).toThrow('it does not hold a sandbox program (source: ');
    await nextTick();
    expect((w.find('[data-testid="sandbox-input"]').element as HTMLTextAreaElement).value).toBe(before);
    w.unmount();
  });

  it('keeps the program when the view is left and shown again (a trip to the debugger)', async () => {
    const w = mount(SandboxView);
    await w.find('[data-testid="sandbox-input"]').setValue('x = [1, 2]\ny = sum(x)');
    await w.find('[data-testid="sandbox-load"]').trigger('click');
    w.unmount();
    const back = mount(SandboxView);
    expect((back.find('[data-testid="sandbox-input"]').element as HTMLTextAreaElement).value).toBe(
      'x = [1, 2]\ny = sum(x)',
    );
    expect(back.get('[data-testid="sandbox-result"] p').text()).toBe('y = 3 tensor of shape []');
    back.unmount();
  });

  it('has nothing to save for an empty editor', async () => {
    const w = mount(SandboxView);
    await w.find('[data-testid="sandbox-input"]').setValue('  \n');
    expect(sessionHandler('sandbox')!.save()).toBeNull();
    w.unmount();
  });
});
