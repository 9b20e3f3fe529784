import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import SandboxView from '../../../renderer/src/sandbox/SandboxView.vue';
import { useCompareStore } from '../../../renderer/src/compare/store';
import { useTraceStore } from '../../../renderer/src/stores/trace';
import { useUiStore } from '../../../renderer/src/stores/ui';

beforeEach(() => setActivePinia(createPinia()));

const LAYER = 'x = [1, -2]\nW = [[0.5, -1], [2, 0.25]]\nb = [0.1, 0.2]\ny = sum(tanh(W @ x + b))';
const cells = (w: ReturnType<typeof mount>) =>
  w.findAll('[data-testid="sandbox-result"] tbody tr').map((r) => r.findAll('td').map((c) => c.text()));
/** The view's format: six significant digits, no trailing zeros. */
const p6 = (x: number) => String(Number(x.toPrecision(6)));

describe('sandbox tensor programs', () => {
  it('disables the comparison for a scalar program, saying it is already scalar', () => {
    const w = mount(SandboxView);
    const b = w.get('[data-testid="sandbox-compare"]');
    expect(b.attributes('disabled')).toBeDefined();
    expect(b.attributes('title')).toBe('already scalar');
  });

  it('shows tensor values and gradients, worked from the formula', async () => {
    const w = mount(SandboxView);
    await w.get('[data-testid="sandbox-input"]').setValue(LAYER);
    // W x + b = [0.5 + 2 + 0.1, 2 − 0.5 + 0.2] = [2.6, 1.7]; ∂y/∂b = 1 − tanh², ∂y/∂x = Wᵀ ∂y/∂b.
    const d = [1 - Math.tanh(2.6) ** 2, 1 - Math.tanh(1.7) ** 2];
    expect(w.get('[data-testid="sandbox-result"] p').text()).toBe(
      `y = ${p6(Math.tanh(2.6) + Math.tanh(1.7))} tensor of shape []`,
    );
    const rows = cells(w);
    expect(rows[0]).toEqual(['x', '[1, -2]', `[${p6(0.5 * d[0] + 2 * d[1])}, ${p6(-d[0] + 0.25 * d[1])}]`]);
    expect(rows[1]).toEqual([
      'W',
      '[[0.5, -1], [2, 0.25]]',
      `[[${p6(d[0])}, ${p6(-2 * d[0])}], [${p6(d[1])}, ${p6(-2 * d[1])}]]`,
    ]);
    expect(rows[2]).toEqual(['b', '[0.1, 0.2]', `[${p6(d[0])}, ${p6(d[1])}]`]);
  });

  it('opens a tensor program in the comparison, whose scalar gradients match', async () => {
    const w = mount(SandboxView);
    await w.get('[data-testid="sandbox-input"]').setValue(LAYER);
    const b = w.get('[data-testid="sandbox-compare"]');
    expect(b.attributes('disabled')).toBeUndefined();
    await b.trigger('click');
    const compare = useCompareStore();
    expect(useUiStore().view).toBe('compare');
    expect(compare.title).toBe('Sandbox: y');
    const cmp = compare.comparison!;
    const bNode = cmp.lowering.order.find((n) => n.label === 'b')!;
    const d = [1 - Math.tanh(2.6) ** 2, 1 - Math.tanh(1.7) ** 2];
    const gb = cmp.lowering.scalarOf.get(bNode.id)!.map((v) => v.grad);
    expect(gb[0]).toBeCloseTo(d[0], 12);
    expect(gb[1]).toBeCloseTo(d[1], 12);
    expect(w.find('[data-testid="sandbox-compare-error"]').exists()).toBe(false);
  });

  it('shows a vector output without gradients, and asks for sum or mean before loading or comparing', async () => {
    const w = mount(SandboxView);
    await w.get('[data-testid="sandbox-input"]').setValue('y = [[1, 2], [3, 4]] @ [1, 1]');
    expect(w.get('[data-testid="sandbox-result"] p').text()).toBe('y = [3, 7] tensor of shape [2]');
    expect(w.get('[data-testid="sandbox-not-single"]').text()).toContain('The output has shape [2]');
    expect(w.get('[data-testid="sandbox-load"]').attributes('disabled')).toBeDefined();
    const b = w.get('[data-testid="sandbox-compare"]');
    expect(b.attributes('disabled')).toBeDefined();
    expect(b.attributes('title')).toContain('end with sum(…) or mean(…)');
  });

  it('points at a shape mismatch, and loads a tensor program in the debugger', async () => {
    const w = mount(SandboxView);
    await w.get('[data-testid="sandbox-input"]').setValue('W = [[1, 2], [3, 4]]\ny = sum(W @ [1, 2, 3])');
    expect(w.get('[data-testid="sandbox-error"]').text()).toContain(
      'line 2, column 11: matmul: inner dimensions differ: a is [2,2], b is [3]',
    );
    await w.get('[data-testid="sandbox-input"]').setValue('x = [1, 2]\ny = sum(x * x)');
    await w.get('[data-testid="sandbox-load"]').trigger('click');
    expect(useUiStore().view).toBe('debugger');
    expect(useTraceStore().title).toBe('Sandbox: y');
    // Three nodes (x, x·x, sum): one forward and one backward step each.
    expect(useTraceStore().total).toBe(2 * 3);
  });
});
