/**
 * The compare view in happy-dom (Cytoscape headless): opening a graph fills both graphs and the table,
 * stepping lights the current block in the scalar graph, a heatmap click shows the chain rule.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { tensor } from '../../../engine';
import CompareView from '../../../renderer/src/compare/CompareView.vue';
import { useCompareStore } from '../../../renderer/src/compare/store';
import type { CompareHook } from '../../../renderer/src/compare/compareHook';

/** L = Σ (x W) for x = [1, 2], W = [[3], [4]]: one product row; ∂L/∂W = xᵀ = [1, 2]. */
const build = () =>
  tensor([[1, 2]], { label: 'x' })
    .matmul(tensor([[3], [4]], { label: 'W', kind: 'parameter' }))
    .sum();

describe('CompareView', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows both graphs, steps in lockstep and explains a selected element', async () => {
    const w = mount(CompareView, { attachTo: document.body });
    const store = useCompareStore();
    expect(w.text()).toContain('Pick a comparison');
    store.open(build, 'tiny');
    await flushPromises();
    const hook = (window as { __backstepCompare?: CompareHook }).__backstepCompare!;
    // 4 leaves; 2 products and 1 sum; the sum over one element adds none: 7 scalar nodes in 4 blocks.
    expect(w.get('[data-row="nodes"] td.s').text()).toBe('7');
    expect(w.get('[data-row="nodes"] td.t').text()).toBe('4');
    expect(hook.nodeCount()).toBe(3 + 7); // 3 drawn blocks (the sum shares its input's node) + 7 nodes
    const ids = store.index!.ids;
    const matmul = ids.find((id) => store.index!.nodes.get(id)!.op === 'matmul')!;
    while (store.state.current !== matmul) await w.get('[data-testid="cmp-step"]').trigger('click');
    await nextTick();
    expect(w.get('[data-testid="cmp-step-text"]').text()).toMatch(/forward 3\/4: .*matmul.*3 scalar nodes/);
    expect(hook.classesOfBlock(matmul)).toContain('current');
    expect(hook.currentElements()).toEqual(hook.elementsOf(matmul));
    // The heatmap of W: click W[1,0]; its gradient is x[0,1] = 2.
    const W = store.comparison!.lowering.order.find((t) => t.label === 'W')!;
    await w.get('[data-testid="heatmap-node"]').setValue(String(W.id));
    await w.get('[data-testid="cell-1"]').trigger('click');
    const chain = w.get('[data-testid="chain-rule"]').text();
    expect(chain).toContain('W[1,0]');
    expect(chain).toMatch(/∂L\/∂W\[1,0\] = 2\.0000/);
    expect(w.get('[data-testid="grad-match"]').text()).toMatch(/tensor mode: ∂L\/∂W\[1,0\] = 2\.0000/);
    w.unmount();
    expect((window as { __backstepCompare?: CompareHook }).__backstepCompare).toBeUndefined();
  });
});
