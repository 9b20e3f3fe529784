import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import SandboxView from '../../../renderer/src/sandbox/SandboxView.vue';
import TrainingView from '../../../renderer/src/training/TrainingView.vue';
import { useTraceStore } from '../../../renderer/src/stores/trace';
import { useUiStore } from '../../../renderer/src/stores/ui';
import lesson15 from '../../../lessons/15-training-sgd/lesson';

describe('sandbox view', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the value and each variable’s gradient, worked by hand for the tanh neuron', async () => {
    const w = mount(SandboxView);
    const rows = w
      .findAll('[data-testid="sandbox-result"] tbody tr')
      .map((r) => r.findAll('td').map((c) => c.text()));
    const dn = 1 - Math.tanh(2 * -3 + 6.88) ** 2;
    expect(rows[0]).toEqual(['x', '2', (dn * -3).toPrecision(6)]);
    expect(rows[1]).toEqual(['w', '-3', (dn * 2).toPrecision(6)]);
  });

  it('points at a syntax error by line and column, and loads a valid program into the debugger', async () => {
    const w = mount(SandboxView);
    await w.find('[data-testid="sandbox-input"]').setValue('x = 2\ny = x * (3 +');
    expect(w.find('[data-testid="sandbox-error"]').text()).toContain(
      'line 2, column 13: unexpected end of input',
    );
    expect(w.find('[data-testid="sandbox-load"]').attributes('disabled')).toBeDefined();
    await w.find('[data-testid="sandbox-input"]').setValue('x = 2\ny = x * x');
    await w.find('[data-testid="sandbox-load"]').trigger('click');
    expect(useTraceStore().title).toBe('Sandbox: y');
    expect(useTraceStore().total).toBe(2 * 2);
    expect(useUiStore().view).toBe('debugger');
  });

  it('shows a NaN or ±∞ where it was made: log(0) on line 2, under log', async () => {
    const w = mount(SandboxView);
    await w.find('[data-testid="sandbox-input"]').setValue('x = 0\ny = log(x)');
    const text = w.find('[data-testid="sandbox-error"]').text();
    expect(text).toContain(
      "line 2, column 5: forward: log node 'y' produced -Infinity from finite inputs (0)",
    );
    // The caret line: "y = log(x)" with ^ under the l of log.
    expect(text).toContain('y = log(x)');
    expect(text).toMatch(/\n {4}\^/);
  });
});

describe('training view', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('steps, shows the loss and accuracy, and resets to step 0', async () => {
    const w = mount(TrainingView, { props: { setup: lesson15.trainings!.rings } });
    await nextTick();
    expect(w.find('[data-testid="train-status"]').text()).toMatch(/^step 0 · loss 0\.\d{4} · accuracy \d+%$/);
    for (let i = 0; i < 3; i++) await w.find('[data-testid="train-step"]').trigger('click');
    expect(w.find('[data-testid="train-status"]').text()).toMatch(/^step 3 /);
    expect(w.find('[data-testid="loss-curve"] svg').exists()).toBe(true);
    await w.find('[data-testid="train-reset"]').trigger('click');
    expect(w.find('[data-testid="train-status"]').text()).toMatch(/^step 0 /);
  });

  it('trains with the activation picked in the menu', async () => {
    const w = mount(TrainingView, { props: { setup: lesson15.trainings!.rings } });
    await nextTick();
    const after = async (activation: string): Promise<string> => {
      await w.find('[data-testid="train-activation"]').setValue(activation);
      await nextTick();
      for (let i = 0; i < 5; i++) await w.find('[data-testid="train-step"]').trigger('click');
      return w.find('[data-testid="train-status"]').text();
    };
    const tanh = await after('tanh');
    const relu = await after('relu');
    expect(tanh).toMatch(/^step 5 /);
    expect(relu).toMatch(/^step 5 /);
    expect(relu).not.toBe(tanh);
  });

  it('keeps the network while the seed box is empty, and flags it', async () => {
    const errors: unknown[] = [];
    const w = mount(TrainingView, {
      props: { setup: lesson15.trainings!.rings },
      global: { config: { errorHandler: (e) => void errors.push(e) } },
    });
    await nextTick();
    for (let i = 0; i < 3; i++) await w.find('[data-testid="train-step"]').trigger('click');
    await w.find('[data-testid="train-seed"]').setValue('');
    await nextTick();
    expect(errors).toEqual([]);
    expect(w.find('[data-testid="train-seed"]').attributes('aria-invalid')).toBe('true');
    expect(w.find('[data-testid="train-status"]').text()).toMatch(/^step 3 /);
    await w.find('[data-testid="train-seed"]').setValue('7');
    await nextTick();
    expect(w.find('[data-testid="train-seed"]').attributes('aria-invalid')).toBe('false');
    expect(w.find('[data-testid="train-status"]').text()).toMatch(/^step 0 /);
  });
});
