import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import Inspector from '../../../renderer/src/debugger/Inspector.vue';
import Heatmap from '../../../renderer/src/debugger/Heatmap.vue';
import { useTraceStore } from '../../../renderer/src/stores/trace';
import { fmt, valueText } from '../../../renderer/src/debugger/format';
import { fanOutTrace, W, X } from './fixtures';
import { crossEntropy, tensor, trace } from '../../../engine';
import { nodeStateAt } from '../../../renderer/src/debugger/traceIndex';

describe('Inspector', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function setup() {
    const store = useTraceStore();
    store.loadTrace(fanOutTrace(), 'fan-out');
    const w = mount(Inspector);
    return { store, w };
  }

  it('shows the forward formula with its numbers, typeset', async () => {
    const { store, w } = setup();
    expect(w.text()).toContain('Nothing computed yet');
    store.seek(2);
    await nextTick();
    expect(w.get('[data-testid=step-text]').text()).toBe('z = x · w = 2.0000 × (−3.0000) = −6.0000');
    expect(w.get('[data-testid=step-forward]').find('.katex').exists()).toBe(true);
    expect(w.get('[data-testid=node-value]').text()).toBe('z = −6.0000');
    expect(w.get('[data-testid=node-grad]').text()).toContain('∂y/∂z: not reached');
  });

  it('lists the chain-rule line per input in a backward step', async () => {
    const { store, w } = setup();
    store.seek(5);
    await nextTick();
    const lines = w.findAll('[data-testid=contribution]').map((c) => c.find('.sr').text());
    expect(lines).toEqual([
      '∂L/∂x += ∂L/∂z · ∂z/∂x = (1.0000) × (−3.0000) = −3.0000',
      '∂L/∂w += ∂L/∂z · ∂z/∂w = (1.0000) × (2.0000) = 2.0000',
    ]);
    store.seek(4);
    await nextTick();
    expect(w.get('[data-testid=step-backward]').text()).toContain('Seed: ∂y/∂y = 1.0000');
  });

  it('for a node with two consumers, shows each contribution and the running sum', async () => {
    const { store, w } = setup();
    store.seek(5);
    store.select(X);
    await nextTick();
    // x feeds y (local 1) and z (local w = −3): 1, then 1 + (−3) = −2, complete only at x's own step.
    expect(w.get('[data-testid=node-grad]').text()).toMatch(/^∂y\/∂x = −2\.0000\s+\(partial/);
    const rows = w
      .get('[data-testid=contrib-table]')
      .findAll('tbody tr')
      .map((r) => r.findAll('td').map((d) => d.text()));
    expect(rows).toEqual([
      ['y (step 5)', '1.0000', '1.0000'],
      ['z (step 6)', '−3.0000', '−2.0000'],
    ]);
    store.seek(4);
    await nextTick();
    expect(w.get('[data-testid=contrib-table]').text()).toContain('1 still to come');
    store.runToEnd();
    await nextTick();
    expect(w.get('[data-testid=node-grad]').text()).toMatch(/∂y\/∂x = −2\.0000\s+\(complete\)/);
  });

  it('toggles a breakpoint from the node panel', async () => {
    const { store, w } = setup();
    store.select(W);
    await nextTick();
    await w.get('[data-testid=toggle-bp]').trigger('click');
    expect(store.breakpoints).toEqual([W]);
    expect(w.get('[data-testid=toggle-bp]').text()).toContain('● breakpoint');
  });

  it('refuses an emptied leaf box instead of setting the leaf to 0', async () => {
    const { neuron } = await import('../../../renderer/src/examples/neuron');
    const store = useTraceStore();
    store.load(neuron(), 'neuron');
    const x1 = store.index!.trace.graph.nodes.find((n) => n.label === 'x1')!.id;
    store.runToEnd();
    store.select(x1);
    const w = mount(Inspector);
    await nextTick();
    await w.get('[data-testid=leaf-input]').setValue('  ');
    await w.get('form.edit').trigger('submit');
    expect(w.get('form.edit').text()).toContain('is not a number');
    expect(w.get('[data-testid=node-value]').text()).toBe('x1 = 2.0000');
    await w.get('[data-testid=leaf-input]').setValue('−1');
    await w.get('form.edit').trigger('submit');
    expect(w.get('[data-testid=node-value]').text()).toBe('x1 = −1.0000');
  });
});

describe('Inspector: an input no gradient reaches (class indices)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('says so instead of showing ∂L/∂y = 0 complete, and the node never turns gradient-complete', async () => {
    // L = crossEntropy(z, y) with z = [[2, 0]] and the class index y = [0] (a data node the student made).
    const z = tensor([[2, 0]], { label: 'z', kind: 'parameter' });
    const y = tensor([0], { label: 'y' });
    const L = crossEntropy(z, y);
    L.label = 'L';
    const store = useTraceStore();
    store.loadTrace(trace(L), 'ce');
    const w = mount(Inspector);
    // On z's forward step its value's heatmap shows once (the step's), not again in the node panel.
    store.seek(store.trace!.events.findIndex((e) => e.phase === 'forward' && e.node === z.id));
    await nextTick();
    expect(w.findAllComponents(Heatmap).map((h) => h.props('title'))).toEqual(['z (value)']);
    const yStep = store.trace!.events.findIndex((e) => e.phase === 'backward' && e.node === y.id);
    store.seek(yStep);
    await nextTick();
    expect(w.get('[data-testid=step-backward]').text()).toContain('No gradient reaches y');
    expect(w.get('[data-testid=node-grad]').text()).toBe(
      '∂L/∂y: none (its consumer takes no gradient from it)',
    );
    const idx = store.index!;
    expect(idx.noGrad.has(y.id)).toBe(true);
    expect(nodeStateAt(idx, y.id, store.total - 1)).toMatchObject({ grad: null, gradDone: false });
    // z does get its gradient: softmax(z) − onehot(y) = [σ(2) − 1, 1 − σ(2)] with σ(2) = e²/(e² + 1).
    const p0 = Math.exp(2) / (Math.exp(2) + 1);
    const gz = nodeStateAt(idx, z.id, store.total - 1);
    expect(gz.gradDone).toBe(true);
    const g = gz.grad as { data: number[] };
    expect(g.data[0]).toBeCloseTo(p0 - 1, 12);
    expect(g.data[1]).toBeCloseTo(1 - p0, 12);
  });
});

describe('number formatting and heatmap hover', () => {
  it('writes four decimals with a true minus and no negative zero', () => {
    expect(fmt(-20)).toBe('−20.0000');
    expect(fmt(46)).toBe('46.0000');
    expect(fmt(-0.00001)).toBe('−1.00e-5');
    expect(fmt(-0.00004999, 4)).toBe('−5.00e-5');
    expect(fmt(-1e-20 * 0)).toBe('0.0000');
    expect(valueText({ shape: [2, 2], data: [1, -2, 3, 4] })).toBe(
      '[2×2] min −2.000 · mean 1.500 · max 4.000',
    );
  });

  it('names a hovered cell by its index in the tensor shape', () => {
    setActivePinia(createPinia());
    const w = mount(Heatmap, {
      props: { value: { shape: [2, 3], data: [0, 1, 2, 3, 4, -5.5] }, title: 'v' },
    });
    const vm = w.vm as unknown as { cellText(i: number): string };
    expect(vm.cellText(5)).toBe('[1, 2] = −5.5000');
    expect(vm.cellText(3)).toBe('[1, 0] = 3.0000');
    expect(w.text()).toContain('[2×3]');
    expect(w.find('.hm-legend').text()).toContain('−5.500');
  });
});
