/** The button lessons and the sandbox use: opens a tensor graph in the compare view, explains a refusal. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { tensor, value } from '../../../engine';
import CompareButton from '../../../renderer/src/compare/CompareButton.vue';
import { useCompareStore } from '../../../renderer/src/compare/store';
import { useUiStore } from '../../../renderer/src/stores/ui';

describe('CompareButton', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('opens the graph and switches to the compare view', async () => {
    // L = Σ x² over x = [1, 2, 3]: 3 leaves, 3 squares, 2 additions; ∂L/∂x = 2x.
    const build = () => tensor([1, 2, 3], { label: 'x' }).pow(2).sum();
    const w = mount(CompareButton, { props: { build, title: 'squares' } });
    await w.get('[data-testid="open-compare"]').trigger('click');
    const s = useCompareStore();
    expect(useUiStore().view).toBe('compare');
    expect(s.title).toBe('squares');
    expect(s.comparison?.scalar.nodes).toBe(8);
    const x = s.comparison!.lowering.order[0]!;
    expect(s.comparison!.lowering.scalarOf.get(x.id)!.map((v) => v.grad)).toEqual([2, 4, 6]);
    expect(w.find('[role="alert"]').exists()).toBe(false);
  });

  it('says why a scalar graph cannot be compared, and stays on the current view', async () => {
    const w = mount(CompareButton, { props: { build: () => value(1, 'a').mul(2), title: 'scalar' } });
    await w.get('[data-testid="open-compare"]').trigger('click');
    expect(w.get('[role="alert"]').text()).toMatch(/scalar-mode graph already/);
    expect(useUiStore().view).toBe('lessons');
  });
});
