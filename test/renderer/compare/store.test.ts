/**
 * The compare store on the lesson's MLP (x = [1, −1], W⁽¹⁾ = [[0.5, −0.5], [1, 1]], b⁽¹⁾ = [0, 0.5],
 * W⁽²⁾ = [1, −1], b⁽²⁾ = 0.2): counts worked by hand, lockstep state, element selection and its chain rule
 * against the formula, errors, and the collapsed default for a large graph.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { linear, tensor, value, type Tensor } from '../../../engine';
import { useCompareStore, COLLAPSE_ABOVE, MAX_DRAWN } from '../../../renderer/src/compare/store';
import { PRESETS } from '../../../renderer/src/compare/presets';
import { chainRule } from '../../../renderer/src/compare/chainRule';
import { useUiStore } from '../../../renderer/src/stores/ui';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

/** Lesson 7's MLP, built here so the numbers below do not move when the lesson's code does. */
function mlp(): Tensor {
  const x = tensor([[1, -1]], { label: 'x' });
  const W1 = tensor(
    [
      [0.5, -0.5],
      [1, 1],
    ],
    { label: 'W⁽¹⁾', kind: 'parameter' },
  );
  const b1 = tensor([0, 0.5], { label: 'b⁽¹⁾', kind: 'parameter' });
  const W2 = tensor([[1, -1]], { label: 'W⁽²⁾', kind: 'parameter' });
  const b2 = tensor([0.2], { label: 'b⁽²⁾', kind: 'parameter' });
  return linear(linear(x, W1, b1).sigmoid(), W2, b2).sum();
}

describe('compare store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('opens the MLP: 9 tensor nodes, 25 scalar nodes, equal gradients, and shows the compare view', () => {
    const s = useCompareStore();
    expect(s.open(mlp, 'MLP')).toBe(true);
    expect(useUiStore().view).toBe('compare');
    const c = s.comparison!;
    // x, W⁽¹⁾, b⁽¹⁾, linear, σ, W⁽²⁾, b⁽²⁾, linear, sum
    expect(c.tensor.nodes).toBe(9);
    // 11 input elements; linear 2·(2 products, 1 sum, + b); σ 2; linear 2 products, 1 sum, + b.
    // The sum over one element adds no node.
    expect(c.scalar.nodes).toBe(11 + 8 + 2 + 4);
    expect(c.diff.gradRel).toBeLessThanOrEqual(1e-12);
    // f = W⁽²⁾σ(h) + b⁽²⁾ with h = (1, 0.5)
    expect(c.lowering.root.data).toBeCloseTo(sigma(1) - sigma(0.5) + 0.2, 14);
    expect(s.expanded.length).toBe(s.model!.blockOrder.length);
    expect(s.notice).toBeNull();
  });

  it('steps in lockstep: each tensor step names its node and lights its elements', () => {
    const s = useCompareStore();
    s.open(mlp, 'MLP');
    expect(s.state.phase).toBe('idle');
    const ids = s.index!.ids;
    const n = ids.length;
    for (let k = 0; k < n; k++) {
      s.step();
      expect(s.state.phase).toBe('forward');
      expect(s.state.reached.size).toBe(k + 1);
      const cur = s.state.current!;
      expect(s.state.elementValues).toEqual(s.comparison!.lowering.scalarOf.get(cur)!.map((v) => v.id));
    }
    s.step();
    expect(s.state.phase).toBe('backward');
    expect(s.state.current).toBe(s.comparison!.lowering.order.at(-1)!.id); // backward starts at the loss
    expect(s.state.gradDone.size).toBe(1);
    s.runToEnd();
    expect(s.state.gradDone.size).toBe(n);
    s.reset();
    expect(s.state.phase).toBe('idle');
  });

  it('selecting W⁽¹⁾[0,0] gives its scalar node and the chain rule ∂f/∂W⁽¹⁾₁₁ = W⁽²⁾₁ σ′(1) x₁', () => {
    const s = useCompareStore();
    s.open(mlp, 'MLP');
    const W1 = s.comparison!.lowering.order.find((t) => t.label === 'W⁽¹⁾')!;
    s.selectElement(W1.id, 0);
    const v = s.comparison!.lowering.scalarOf.get(W1.id)![0]!;
    expect(s.selectedValue).toBe(v.id);
    expect(v.label).toBe('W⁽¹⁾[0,0]');
    const rule = chainRule(s.model!, v.id, s.comparison!.lowering.root.id)!;
    const expected = 1 * sigma(1) * (1 - sigma(1)) * 1;
    expect(rule.grad).toBeCloseTo(expected, 14);
    // W⁽¹⁾₁₁ is used once, in the product x₁ · W⁽¹⁾₁₁ inside the first linear: local derivative x₁ = 1.
    expect(rule.steps).toHaveLength(1);
    expect(rule.steps[0]!.local).toBe(1);
    expect(rule.steps[0]!.upstream).toBeCloseTo(expected, 14);
    expect(rule.forward).toContain('W⁽¹⁾[0,0]');
  });

  it('writes a sum of contributions with negative terms in parentheses, as the trace does', () => {
    // L = Σ(3x + (−5)x) at x = 2: x has two consumers, contributions 3 and −5, ∂L/∂x = −2.
    const s = useCompareStore();
    s.open(() => {
      const x = tensor([2], { label: 'x', kind: 'parameter' });
      return x
        .mul(tensor([3]))
        .add(x.mul(tensor([-5])))
        .sum();
    }, 'two paths');
    const x = s.comparison!.lowering.order.find((t) => t.label === 'x')!;
    const v = s.comparison!.lowering.scalarOf.get(x.id)![0]!;
    const rule = chainRule(s.model!, v.id, s.comparison!.lowering.root.id)!;
    expect(rule.steps.map((st) => st.contribution).sort()).toEqual([-5, 3]);
    expect(rule.text).toMatch(/^∂L\/∂x\[0\] = (3\.0000 \+ \(−5\.0000\)|−5\.0000 \+ 3\.0000) = −2\.0000$/);
  });

  it('selecting a scalar node in the graph selects its tensor element (or none for an intermediate)', () => {
    const s = useCompareStore();
    s.open(mlp, 'MLP');
    const low = s.comparison!.lowering;
    const sig = low.order.find((t) => t.op === 'sigmoid')!;
    const v = low.scalarOf.get(sig.id)![1]!;
    s.selectValue(v.id);
    expect(s.selected).toEqual({ node: sig.id, index: 1 });
    const product = [...s.model!.nodes.values()].find((n) => n.op === 'mul' && n.element === null)!;
    s.selectValue(product.id);
    expect(s.selected).toBeNull();
    expect(s.selectedValue).toBe(product.id);
  });

  it('refuses a scalar graph and a non-scalar root, saying why', () => {
    const s = useCompareStore();
    expect(s.open(() => value(2, 'x').mul(3), 'scalar one')).toBe(false);
    expect(s.error).toMatch(/scalar one.*scalar-mode graph already/);
    expect(s.open(() => tensor([1, 2], { label: 'v' }).exp(), 'vector')).toBe(false);
    expect(s.error).toMatch(/root must have one element/);
  });

  it(`opens a lowering over ${COLLAPSE_ABOVE} nodes collapsed, and says so`, () => {
    const s = useCompareStore();
    s.open(preset('mlp-large').build, 'large');
    expect(s.model!.nodes.size).toBeGreaterThan(COLLAPSE_ABOVE);
    expect(s.expanded).toEqual([]);
    expect(s.notice).toMatch(/opened collapsed/);
    const first = s.model!.blockOrder[0]!;
    s.toggleBlock(first);
    expect(s.isExpanded(first)).toBe(true);
    s.collapseAll();
    expect(s.expanded).toEqual([]);
    // The first layer's products and sums (16·32 outputs × (8 + 7) nodes) are too many to draw: refused.
    const layer = s.model!.blockOrder.find((b) => s.model!.blocks.get(b)!.op === 'matmul')!;
    expect(s.model!.blocks.get(layer)!.size).toBe(16 * 32 * 15);
    expect(s.setExpanded(layer, true)).toBe(false);
    expect(s.isExpanded(layer)).toBe(false);
    expect(s.notice).toMatch(/would draw 7,680 scalar nodes/);
    s.expandAll();
    const drawn = s.expanded.reduce((n, b) => n + s.model!.blocks.get(b)!.size, 0);
    expect(drawn).toBeLessThanOrEqual(MAX_DRAWN);
    expect(s.expanded.length).toBeGreaterThan(0);
    expect(s.notice).toMatch(/Opened \d+ of \d+ blocks/);
  });
});
