import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import CheckPanel from '../../../renderer/src/debugger/CheckPanel.vue';
import { useTraceStore } from '../../../renderer/src/stores/trace';
import { fanOutTrace, W, X, Y, Z } from './fixtures';
import { loadExample } from '../../../renderer/src/examples';

describe('CheckPanel', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('lists analytic vs numeric per node, marks the failing one, and re-judges on a new atol', async () => {
    const store = useTraceStore();
    // Hand-picked "numerical" answers for y = x·w + x (x = 2, w = −3): all right except z, off by 0.01.
    const numeric: Record<number, number> = { [X]: -2, [W]: 2, [Z]: 1.01, [Y]: 1 };
    store.loadTrace(fanOutTrace(), 'fan-out', {
      retrace: () => fanOutTrace(),
      numericGrad: (id) => numeric[id]!,
    });
    const w = mount(CheckPanel);
    expect((w.get('[data-testid=tol-eps]').element as HTMLInputElement).value).toBe('0.000001');
    await w.get('[data-testid=check-all]').trigger('click');
    await new Promise((r) => setTimeout(r, 20));
    await nextTick();
    expect(w.get('[data-testid=check-summary]').text()).toBe('3 / 4 nodes pass');
    const rows = w.findAll('[data-testid=check-row]').map((r) => r.findAll('td').map((d) => d.text()));
    // |1 − 1.01| = 0.01 > atol + rtol·1.01 = 1e-5 + 1.01e-3
    expect(rows.find((r) => r[0] === 'z')).toEqual(['z', '1.0000', '1.0100', '1.0e-2', '9.9e-3', '✗']);
    expect(rows.find((r) => r[0] === 'x')).toEqual(['x', '−2.0000', '−2.0000', '0.0e+0', '0.0e+0', '✓']);
    expect(w.findAll('tr.bad').length).toBe(1);
    const atol = w.findAll('.tols input')[1]!;
    await atol.setValue('0.01');
    await atol.trigger('change');
    expect(w.get('[data-testid=check-summary]').text()).toBe('4 / 4 nodes pass');
  });

  it('tells two nodes of the same name apart by their forward step (micrograd’s two constants 2)', async () => {
    const store = useTraceStore();
    loadExample(store, 'micrograd');
    const w = mount(CheckPanel);
    await store.checkAll();
    await nextTick();
    const names = w.findAll('[data-testid=check-row]').map((r) => r.findAll('td')[0]!.text());
    // In program order the constants are the 2nd node (2x) and the 4th (+ 2); x is the 1st.
    expect(names.filter((n) => n.startsWith('2'))).toEqual(['2 (step 2)', '2 (step 4)']);
    expect(names).toContain('x');
  });
});
