import { afterEach, describe, expect, it } from 'vitest';
import { GraphController } from '../../../renderer/src/graph/GraphController';
import { indexTrace } from '../../../renderer/src/debugger/traceIndex';
import { fanOutTrace, W, X, Y, Z } from './fixtures';

// happy-dom has no 2d canvas: the controller runs headless there, with styles and dagre layout intact.
describe('GraphController (headless)', () => {
  let g: GraphController | null = null;
  afterEach(() => g?.destroy());

  it('labels nodes with symbol, value once reached and ∂ once the gradient arrived', async () => {
    g = new GraphController(document.createElement('div'));
    const idx = indexTrace(fanOutTrace());
    await g.setTrace(idx, -1);
    expect(g.nodeCount()).toBe(4);
    expect(g.labelOf(Z)).toBe('×  z');
    expect(g.classesOf(Z)).toContain('pending');
    g.showCursor(2);
    expect(g.labelOf(Z)).toBe('×  z\n= −6.0000');
    expect(g.classesOf(Z)).toEqual(expect.arrayContaining(['current']));
    expect(g.classesOf(Z)).not.toContain('pending');
    expect(g.edgeClasses('e1-3')).toContain('flow-fwd');
    expect(g.edgeClasses('e1-3')).not.toContain('plain');
    g.showCursor(4);
    expect(g.labelOf(X)).toBe('x\n= 2.0000\n∂ 1.0000');
    expect(g.edgeClasses('e1-3')).not.toContain('flow-fwd');
    expect(g.edgeClasses('e1-4')).toContain('flow-bwd');
    expect(g.classesOf(Y)).toEqual(expect.arrayContaining(['output', 'grad-done', 'current']));
    g.showCursor(5);
    expect(g.labelOf(X)).toBe('x\n= 2.0000\n∂ −2.0000');
    expect(g.labelOf(W)).toBe('w\n= −3.0000\n∂ 2.0000');
    // Jump back across several steps: gradients gone, values stay.
    g.showCursor(3);
    expect(g.labelOf(X)).toBe('x\n= 2.0000');
    expect(g.labelOf(Y)).toBe('+  y\n= −4.0000');
    g.showCursor(-1);
    expect(g.labelOf(Y)).toBe('+  y');
    expect(g.classesOf(Y)).toContain('pending');
  });

  it('marks failing checks red, breakpoints and the selection', async () => {
    g = new GraphController(null);
    await g.setTrace(indexTrace(fanOutTrace()), 7);
    g.setDecor({ breakpoints: [Z], checks: { [X]: { pass: false }, [W]: { pass: true } }, selected: W });
    expect(g.classesOf(X)).toContain('check-fail');
    expect(g.classesOf(W)).toEqual(expect.arrayContaining(['check-pass', 'sel']));
    expect(g.classesOf(Z)).toContain('bp');
    g.setDecor({ breakpoints: [], checks: {}, selected: null });
    expect(g.classesOf(X)).not.toContain('check-fail');
    expect(g.classesOf(Z)).not.toContain('bp');
    expect(g.classesOf(W)).not.toContain('sel');
  });

  it('lays out left to right, then top to bottom on toggle', async () => {
    g = new GraphController(null);
    await g.setTrace(indexTrace(fanOutTrace()), -1);
    expect(g.getDirection()).toBe('LR');
    // y consumes z, so it sits one rank further along the flow: right in LR, below in TB.
    expect(g.positionOf(Y).x).toBeGreaterThan(g.positionOf(Z).x + 40);
    await g.toggleDirection();
    expect(g.getDirection()).toBe('TB');
    expect(g.positionOf(Y).y).toBeGreaterThan(g.positionOf(Z).y + 40);
  });
});

describe('layered layout for large graphs', () => {
  it('puts every node one rank before its first consumer (the output after its deepest input)', async () => {
    const { layeredPositions } = await import('../../../renderer/src/graph/layered');
    // a, b leaves → m = a·b → s = m + c (c a leaf) → t = tanh(s)
    const n = (id: number, inputs: number[]) => ({ id, inputs, w: 40, h: 20 });
    const pos = layeredPositions([n(1, []), n(2, []), n(3, [1, 2]), n(4, []), n(5, [3, 4]), n(6, [5])], {
      direction: 'LR',
      rankSep: 10,
      nodeSep: 5,
    });
    const x = (id: number) => pos.get(id)!.x;
    // ranks: a, b at 0; m at 1; c at 1 (just before s); s at 2; t at 3 — 50 px apart (width 40 + gap 10)
    expect([x(1), x(2), x(3), x(4), x(5), x(6)]).toEqual([20, 20, 70, 70, 120, 170]);
    // two nodes in a rank are centred around 0, 25 px apart (height 20 + gap 5)
    expect([pos.get(1)!.y, pos.get(2)!.y].sort((a, b) => a - b)).toEqual([-12.5, 12.5]);
    const tb = layeredPositions([n(1, []), n(3, [1])], { direction: 'TB', rankSep: 10, nodeSep: 5 });
    expect(tb.get(3)!.y - tb.get(1)!.y).toBe(30);
  });
});

describe('layered layout: nodes stepped through one after another sit together', () => {
  it('puts a product beside the sum that takes it, not in one column with every other product', async () => {
    const { layeredPositions } = await import('../../../renderer/src/graph/layered');
    const n = (id: number, inputs: number[]) => ({ id, inputs, w: 40, h: 20 });
    // x (data) feeds two neurons: s = b + w1·x + w2·x2 …, as micrograd builds them (trace order).
    // ids: x=1, x2=2; neuron A: b=3, w1=4, m1=5 (w1·x), s1=6 (b+m1), w2=7, m2=8 (w2·x2), s2=9 (s1+m2)
    const nodes = [
      n(1, []),
      n(2, []),
      n(3, []),
      n(4, []),
      n(5, [4, 1]),
      n(6, [3, 5]),
      n(7, []),
      n(8, [7, 2]),
      n(9, [6, 8]),
    ];
    const pos = layeredPositions(nodes, { direction: 'LR', rankSep: 10, nodeSep: 5 });
    const x = (id: number) => pos.get(id)!.x;
    // m2 sits just before s2 (one rank), not back in m1's rank next to the inputs; w2 and x2 just before m2.
    expect(x(9) - x(8)).toBe(50);
    expect(x(8)).toBeGreaterThan(x(5));
    expect(x(8) - x(7)).toBe(50);
    expect(x(8) - x(2)).toBe(50);
    // every node one rank (50 px) before its first consumer
    for (const m of nodes) for (const i of m.inputs) expect(x(m.id) - x(i)).toBeGreaterThanOrEqual(50);
  });

  it('keeps the steps of the large example MLP close together, closer still with placement near', async () => {
    const { trace } = await import('../../../engine');
    const { scalarMlp } = await import('../../../renderer/src/examples/generated');
    const { layeredPositions } = await import('../../../renderer/src/graph/layered');
    const { nodeSize } = await import('../../../renderer/src/graph/labels');
    const idx = indexTrace(trace(scalarMlp(2000)));
    const order = idx.trace.events.filter((e) => e.phase === 'forward').map((e) => idx.nodes.get(e.node)!);
    const moves = (placement: 'centred' | 'near') => {
      const pos = layeredPositions(
        order.map((m) => ({ id: m.id, inputs: m.inputs, ...nodeSize(m) })),
        { direction: 'LR', rankSep: 48, nodeSep: 16, placement },
      );
      const dist = idx.trace.events.slice(1).map((e, i) => {
        const a = pos.get(idx.trace.events[i]!.node)!;
        const b = pos.get(e.node)!;
        return Math.hypot(a.x - b.x, a.y - b.y);
      });
      dist.sort((a, b) => a - b);
      const edges = idx.trace.graph.edges.map((e) => {
        const a = pos.get(e.source)!;
        const b = pos.get(e.target)!;
        return Math.hypot(a.x - b.x, a.y - b.y);
      });
      return {
        p50: dist[Math.floor(dist.length / 2)]!,
        p90: dist[Math.floor(dist.length * 0.9)]!,
        edge: edges.reduce((s, d) => s + d, 0) / edges.length,
      };
    };
    // A view at zoom 1 is about 850 × 660 px. With every neuron's products in one column the median and 90th
    // percentile of the move from one step's node to the next were ~960 and ~2,400 px; centred ranks give
    // about 270 and 400 here, placement near about 155 and 230, with edges about a quarter shorter.
    const centred = moves('centred');
    const near = moves('near');
    expect(centred.p50).toBeLessThan(400);
    expect(centred.p90).toBeLessThan(640);
    expect(near.p50).toBeLessThan(200);
    expect(near.p90).toBeLessThan(300);
    expect(near.edge).toBeLessThan(0.8 * centred.edge);
  });

  it('placement near: a chain stays level with the node it feeds; centred ranks put a kink in it', async () => {
    const { layeredPositions } = await import('../../../renderer/src/graph/layered');
    const n = (id: number, inputs: number[]) => ({ id, inputs, w: 40, h: 20 });
    // a1 → a2 → a3 → s ← b3 (b3 a leaf, ranked just before s, so a3 and b3 share a rank).
    const nodes = [n(1, []), n(2, [1]), n(3, [2]), n(4, []), n(5, [3, 4])];
    const at = (placement: 'centred' | 'near') => {
      const pos = layeredPositions(nodes, { direction: 'LR', rankSep: 10, nodeSep: 5, placement });
      return [1, 2, 3, 4, 5].map((id) => pos.get(id)!.y);
    };
    // Worked by hand: a3 and b3 pack around s (at 0) 25 px apart (height 20 + gap 5): −12.5 and 12.5.
    // Centred, a1 and a2 (alone in their ranks) sit at 0; near, they line up with a3.
    expect(at('centred')).toEqual([0, 0, -12.5, 12.5, 0]);
    expect(at('near')).toEqual([-12.5, -12.5, -12.5, 12.5, 0]);
  });
});

describe('packInOrder: boxes in order, as close as they fit to where they want to be', () => {
  it('pushes boxes that want the same place apart around it, and leaves free boxes where they want', async () => {
    const { packInOrder } = await import('../../../renderer/src/graph/layered');
    // Three 20-px boxes, gap 5, all wanting 0: 25 px apart, centred on 0.
    expect(packInOrder([0, 0, 0], [20, 20, 20], 5)).toEqual([-25, 0, 25]);
    // Wants 0, 100, 100: the first stays at 0; the other two share the push: least squares of
    // (y₂ − 100)² + (y₃ − 100)² with y₃ = y₂ + 25 gives y₂ = 87.5, y₃ = 112.5.
    expect(packInOrder([0, 100, 100], [20, 20, 20], 5)).toEqual([0, 87.5, 112.5]);
    // Room enough: every box where it wants; sizes 10 and 30, gap 5: 25 px between centres at least.
    expect(packInOrder([0, 40], [10, 30], 5)).toEqual([0, 40]);
    expect(packInOrder([0, 10], [10, 30], 5)).toEqual([-7.5, 17.5]);
    expect(packInOrder([], [], 5)).toEqual([]);
  });
});

describe('collapsed display of a large graph', () => {
  it('keeps only a window around the current node in Cytoscape and moves it along with the cursor', async () => {
    const { trace } = await import('../../../engine');
    const { scalarMlp } = await import('../../../renderer/src/examples/generated');
    const idx = indexTrace(trace(scalarMlp(2000)));
    const g = new GraphController(null);
    try {
      await g.setTrace(idx, -1);
      expect(g.isWindowed()).toBe(true);
      const shown = g.nodeCount();
      expect(shown).toBeGreaterThan(20);
      expect(shown).toBeLessThan(idx.ids.length / 2);
      const root = idx.trace.graph.root;
      const x0 = idx.trace.graph.nodes.find((n) => n.label === 'x0')!.id;
      // The first input and the output are ten layers apart: never in the window together.
      g.showCursor(idx.forwardStep.get(x0)!);
      expect(g.labelOf(x0)).toBe('x0\n= 0.5000');
      expect(g.labelOf(root)).toBe('');
      // Through the forward pass: the nodes put in around each step stay bounded, the far ones go.
      for (let c = 0; c < idx.trace.backwardStart - 1; c += 97) {
        g.showCursor(c);
        expect(g.classesOf(idx.trace.events[c]!.node)).toContain('current');
        expect(g.nodeCount()).toBeLessThan(idx.ids.length / 4);
      }
      g.showCursor(idx.trace.backwardStart - 1); // the root's forward step
      const rootEvent = idx.trace.events[idx.trace.backwardStart - 1]!;
      expect(rootEvent.node).toBe(root);
      const v = (rootEvent as { value: number }).value;
      expect(g.labelOf(root)).toContain(`= ${v < 0 ? '−' : ''}${Math.abs(v).toFixed(4)}`);
      expect(g.classesOf(root)).toContain('current');
      // Its input edges are lit (with their arrowhead); the other edges of the collapsed display have none.
      const into = idx.edgesInto.get(root)!;
      expect(g.edgeClasses(into[0]!)).toEqual(expect.arrayContaining(['flow-fwd', 'plain']));
      const other = idx.trace.graph.edges.find(
        (e) => !into.includes(e.id) && g.edgeClasses(e.id).length > 0,
      )!;
      expect(g.edgeClasses(other.id)).toEqual(['plain']);
      expect(g.labelOf(x0)).toBe('');
      // A node put in again shows the state at the cursor at once: back at x0, with its value, current.
      g.showCursor(idx.forwardStep.get(x0)!);
      expect(g.labelOf(x0)).toBe('x0\n= 0.5000');
      expect(g.classesOf(x0)).toContain('current');
      expect(g.classesOf(x0)).not.toContain('pending');
      // The whole graph as dots, then back to the window.
      await g.setSimplified(true);
      expect(g.nodeCount()).toBe(idx.ids.length);
      // The simplified display keeps the state beside the elements (its overlay draws it): same classes.
      expect(g.classesOf(x0)).toEqual(expect.arrayContaining(['simple', 'current']));
      expect(g.styleOf(x0, 'background-opacity')).toBe('0');
      await g.setSimplified(false);
      expect(g.isWindowed()).toBe(true);
      expect(g.nodeCount()).toBeLessThan(idx.ids.length / 2);
      expect(g.classesOf(x0)).toContain('current');
    } finally {
      g.destroy();
    }
  }, 30_000);
});
