// Stable node names: a label, or #k by topological position, the same each time a graph is built.
import { describe, expect, it } from 'vitest';
import {
  graphOf,
  lossName,
  nodeName,
  nodeNames,
  tensor,
  topoOrder,
  trace,
  value,
  type BackwardEvent,
  type ForwardEvent,
} from '../../engine/index';

/** y = tanh(x·w + x) with only x labelled. */
function build() {
  const x = value(2, 'x');
  const w = value(-3);
  const m = x.mul(w);
  const a = m.add(x);
  const y = a.tanh();
  return { x, w, m, a, y };
}

// Worked out by hand, in program order (as the code computes): m = x·w needs x (#1) and w (#2), then m (#3);
// a = m + x (#4; x is placed already), then y (#5). x keeps its label.
const NAMES = ['x', '#2', '#3', '#4', '#5'];

describe('node names', () => {
  it('the rule: the label, else # and the 1-based position', () => {
    expect(nodeName('w₁', 4)).toBe('w₁');
    expect(nodeName('', 4)).toBe('#4');
    expect(lossName('')).toBe('L');
    expect(lossName('loss')).toBe('loss');
  });

  it('graphOf names each node by the rule', () => {
    const { x, w, m, a, y } = build();
    const g = graphOf(y);
    expect(g.nodes.map((n) => n.id)).toEqual([x.id, w.id, m.id, a.id, y.id]);
    expect(g.nodes.map((n) => n.name)).toEqual(NAMES);
    expect(g.nodes.map((n) => n.label)).toEqual(['x', '', '', '', '']);
    const names = nodeNames(topoOrder(y));
    expect([x, w, m, a, y].map((n) => names.get(n))).toEqual(NAMES);
  });

  it('the same graph built twice has new ids but the same names and the same trace text', () => {
    const first = build();
    const second = build();
    expect(second.x.id).not.toBe(first.x.id);
    const g1 = graphOf(first.y);
    const g2 = graphOf(second.y);
    expect(g2.nodes.map((n) => n.name)).toEqual(g1.nodes.map((n) => n.name));
    const words = (root: typeof first.y) =>
      trace(root).events.flatMap((e) =>
        e.phase === 'forward' ? [e.text, e.latex] : e.contributions.flatMap((c) => [c.text, c.latex]),
      );
    expect(words(second.y)).toEqual(words(first.y));
  });

  it('the trace names nodes like graphOf, in text and LaTeX', () => {
    const { m, a, y } = build();
    const t = trace(y);
    const fwd = t.events.find((e) => e.phase === 'forward' && e.node === m.id) as ForwardEvent;
    expect(fwd.text).toBe('#3 = x · #2 = 2.0000 × (−3.0000) = −6.0000');
    expect(fwd.latex).toContain('\\#3 = x');
    // Backward at a = m + x: ∂L/∂a = 1 − tanh²(−4); the root is unlabelled, so the loss is L.
    const bwd = t.events.find((e) => e.phase === 'backward' && e.node === a.id) as BackwardEvent;
    expect(bwd.contributions.map((c) => c.text.split(' = ')[0])).toEqual([
      '∂L/∂#3 += ∂L/∂#4 · ∂#4/∂#3',
      '∂L/∂x += ∂L/∂#4 · ∂#4/∂x',
    ]);
    expect(bwd.contributions[0]!.latex).toContain(
      '\\frac{\\partial L}{\\partial \\#3} \\mathrel{+}= \\frac{\\partial L}{\\partial \\#4}',
    );
  });

  it('tensor graphs follow the same rule', () => {
    const X = tensor([[1, 2]], { label: 'X' });
    const W = tensor([[1], [1]]);
    const L = X.matmul(W).sum();
    expect(graphOf(L).nodes.map((n) => n.name)).toEqual(['X', '#2', '#3', '#4']);
  });

  it('a label with a space keeps it in LaTeX', () => {
    const f = value(2, 'filter w');
    const y = f.mul(value(3, 'x'));
    const t = trace(y);
    const fwd = t.events.find((e) => e.phase === 'forward' && e.node === y.id) as ForwardEvent;
    expect(fwd.text).toBe('#3 = filter w · x = 2.0000 × 3.0000 = 6.0000');
    expect(fwd.latex).toContain('filter\\ w');
    const bwd = t.events.find((e) => e.phase === 'backward' && e.node === y.id) as BackwardEvent;
    expect(bwd.contributions[0]!.latex).toContain('\\frac{\\partial L}{\\partial filter\\ w}');
    expect(bwd.contributions[0]!.text.startsWith('∂L/∂filter w += ∂L/∂#3 · ∂#3/∂filter w')).toBe(true);
  });
});
