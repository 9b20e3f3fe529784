// trace(), graphOf() and evaluate(): recorded events, plain JSON, replay with overrides.
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  graphOf,
  tensor,
  trace,
  value,
  type BackwardEvent,
  type ForwardEvent,
} from '../../engine/index';

function neuron() {
  // L = tanh(x·w + b) with x = 2, w = −3, b = 6.8813735870195432 (the micrograd lecture's neuron).
  const x = value(2, 'x');
  const w = value(-3, 'w');
  const b = value(6.8813735870195432, 'b');
  const z = x.mul(w);
  z.label = 'z';
  const n = z.add(b);
  n.label = 'n';
  const L = n.tanh();
  L.label = 'L';
  return { x, w, b, z, n, L };
}

describe('trace, scalar', () => {
  it('forward events: each node once, inputs before users, with formulas', () => {
    const { x, w, z, L } = neuron();
    const t = trace(L);
    const fwd = t.events.slice(0, t.backwardStart) as ForwardEvent[];
    expect(fwd).toHaveLength(6);
    expect(new Set(fwd.map((e) => e.node)).size).toBe(6);
    const pos = (id: number) => fwd.findIndex((e) => e.node === id);
    expect(pos(x.id)).toBeLessThan(pos(z.id));
    expect(pos(w.id)).toBeLessThan(pos(z.id));
    expect(pos(L.id)).toBe(5);
    const ez = fwd[pos(z.id)]!;
    expect(ez.text).toBe('z = x · w = 2.0000 × (−3.0000) = −6.0000');
    expect(ez.latex).toBe('z = x \\cdot  w = 2.0000 \\times  (-3.0000) = -6.0000');
    expect(ez.inputValues).toEqual([2, -3]);
    expect(ez.value).toBe(-6);
    expect(fwd.every((e, i) => e.step === i)).toBe(true);
  });

  it('backward events: reverse order, upstream, local, contribution and running sums', () => {
    const { x, n, z, L } = neuron();
    const t = trace(L);
    const bwd = t.events.slice(t.backwardStart) as BackwardEvent[];
    expect(bwd).toHaveLength(6);
    expect(bwd[0]!.node).toBe(L.id);
    expect(bwd[0]!.seed).toBe(1);
    expect(bwd[0]!.upstream).toBe(1);
    // n = 0.8813735870195432, tanh n = 1/√2, 1 − tanh² = 0.5
    const dn = bwd[0]!.contributions[0]!;
    expect(dn.input).toBe(n.id);
    expect(dn.local).toBeCloseTo(0.5, 12);
    const ez = bwd.find((e) => e.node === z.id)!;
    expect(ez.upstream).toBeCloseTo(0.5, 12);
    const [cx, cw] = ez.contributions;
    expect(cx!.input).toBe(x.id);
    expect(cx!.local).toBe(-3);
    expect(cx!.contribution).toBeCloseTo(-1.5, 12);
    expect(cx!.accumulated).toBeCloseTo(-1.5, 12);
    expect(cw!.contribution).toBeCloseTo(1, 12);
    expect(cx!.text).toBe('∂L/∂x += ∂L/∂z · ∂z/∂x = 0.5000 × (−3.0000) = −1.5000');
    expect(cx!.latex).toContain('\\frac{\\partial L}{\\partial x} \\mathrel{+}=');
    expect(ez.forwardStep).toBe(t.events.findIndex((e) => e.phase === 'forward' && e.node === z.id));
    expect(t.nonFinite).toBeNull();
  });

  it('fan-out shows the running sum: a + a', () => {
    const a = value(3, 'a');
    const b = a.add(a);
    const t = trace(b);
    const ev = t.events[t.backwardStart] as BackwardEvent;
    expect(ev.contributions.map((c) => c.accumulated)).toEqual([1, 2]);
  });

  it('does not change any .grad, and is plain JSON', () => {
    const { x, L } = neuron();
    const t = trace(L);
    expect(x.grad).toBe(0);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it("its graph carries the trace's own gradients, whatever .grad holds", () => {
    // ∂(x·y)/∂x = y = 3 and ∂/∂y = x = 2, by hand; an earlier backward() must not leak in.
    const x = value(2, 'x');
    const y = value(3, 'y');
    const p = x.mul(y);
    p.backward();
    p.backward();
    const g = new Map(trace(p).graph.nodes.map((n) => [n.label, n.grad]));
    expect(g.get('x')).toBe(3);
    expect(g.get('y')).toBe(2);
  });

  it('reports the first non-finite node without throwing (log-sum-exp without the shift)', () => {
    const x = tensor([1000, 0], { label: 'x' });
    const e = x.exp();
    e.label = 'e';
    const L = e.sum().log();
    const t = trace(L);
    expect(t.nonFinite?.node).toBe(e.id);
    expect(t.nonFinite?.phase).toBe('forward');
    expect(t.nonFinite?.op).toBe('exp');
    expect(t.nonFinite?.inputValues).toEqual([{ shape: [2], data: [1000, 0] }]);
    expect(t.nonFinite?.message).toBe(
      "forward: exp node 'e' produced Infinity from finite inputs (shape [2])",
    );
    // Unlabelled, the node is named by its place in the graph: x is #1, exp #2.
    expect(trace(x.exp().sum().log()).nonFinite?.message).toBe(
      "forward: exp node '#2' produced Infinity from finite inputs (shape [2])",
    );
  });

  it('reports a gradient that became non-finite in backward', () => {
    const t0 = value(0, 't');
    const u = t0.pow(0.5);
    const t = trace(u);
    expect(t.nonFinite?.phase).toBe('backward');
    expect(t.nonFinite?.node).toBe(t0.id);
  });
});

describe('trace, tensor', () => {
  it('vector-Jacobian products reduced to the input shape', () => {
    const W = tensor([[1, 2]], { label: 'W' }); // [1,2]
    const b = tensor([0.5], { label: 'b' });
    const X = tensor([[1], [3]], { label: 'X' }); // [2,1]
    const z = X.matmul(W).add(b); // [2,2]
    const L = z.sum();
    const t = trace(L);
    const evAdd = t.events.find((e) => e.phase === 'backward' && e.node === z.id) as BackwardEvent;
    const cb = evAdd.contributions.find((c) => c.input === b.id)!;
    expect(cb.local).toBeNull();
    expect(cb.contribution).toEqual({ shape: [1], data: [4] });
    const evMm = t.events.find((e) => e.phase === 'backward' && e.node === z.inputs[0]!.id) as BackwardEvent;
    const cW = evMm.contributions.find((c) => c.input === W.id)!;
    expect(cW.accumulated).toEqual({ shape: [1, 2], data: [4, 4] }); // Xᵀ·1 = [1+3, 1+3]
    // Topological order: X #1, W #2, the matmul #3, b #4, the add #5, the sum #6 (L, the root).
    expect(cW.text).toBe('∂L/∂W += ∂L/∂#3 · ∂#3/∂W = [[4.0000, 4.0000]]');
    expect(cW.latex).toContain(
      '\\frac{\\partial L}{\\partial W} \\mathrel{+}= \\frac{\\partial L}{\\partial \\#3} \\cdot \\frac{\\partial \\#3}{\\partial W} = ',
    );
    expect(W.grad).toBeNull();
  });
});

describe('graphOf', () => {
  it('nodes with kind, op, symbol, value, grad; edges with argument index', () => {
    const x = value(2, 'x');
    const L = x.mul(x).add(1);
    L.backward();
    const g = graphOf(L);
    expect(g.root).toBe(L.id);
    expect(g.nodes.map((n) => n.op)).toEqual(['leaf', 'mul', 'leaf', 'add']);
    const nx = g.nodes[0]!;
    expect(nx).toMatchObject({
      id: x.id,
      kind: 'data',
      label: 'x',
      value: 2,
      grad: 4,
      shape: [],
      mode: 'scalar',
      isOutput: false,
    });
    expect(g.nodes[1]!.symbol).toBe('×');
    expect(g.nodes[2]!.kind).toBe('constant');
    expect(g.nodes[3]!.isOutput).toBe(true);
    const mulId = g.nodes[1]!.id;
    expect(g.edges.filter((e) => e.target === mulId).map((e) => [e.source, e.index])).toEqual([
      [x.id, 0],
      [x.id, 1],
    ]);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('tensor nodes carry shape and plain data; grad null before backward', () => {
    const a = tensor([[1, 2]], { kind: 'parameter', label: 'a' });
    const g = graphOf(a.sum());
    expect(g.nodes[0]).toMatchObject({
      kind: 'parameter',
      shape: [1, 2],
      value: { shape: [1, 2], data: [1, 2] },
      grad: null,
    });
  });
});

describe('evaluate', () => {
  it('recomputes with an input replaced, by node or by id, without changing the graph', () => {
    const { x, w, L } = neuron();
    const before = L.data;
    const r = evaluate(L, [[x, 1]]);
    expect(r.output).toBeCloseTo(Math.tanh(1 * -3 + 6.8813735870195432), 14);
    expect(evaluate(L, { [w.id]: 0 }).output).toBeCloseTo(Math.tanh(6.8813735870195432), 14);
    expect(L.data).toBe(before);
    expect(x.data).toBe(2);
  });

  it('an overridden intermediate ignores its inputs', () => {
    const { z, L } = neuron();
    const r = evaluate(L, new Map([[z, 0]]));
    expect(r.output).toBeCloseTo(Math.tanh(6.8813735870195432), 14);
    expect(r.values.get(z.id)).toBe(0);
  });

  it('commit writes the new values into the nodes', () => {
    const { w, z, L } = neuron();
    evaluate(L, [[w, -2]], { commit: true });
    expect(w.data).toBe(-2);
    expect(z.data).toBe(-4);
    expect(L.data).toBeCloseTo(Math.tanh(-4 + 6.8813735870195432), 14);
  });

  it('tensors: override with nested arrays; the shape must match', () => {
    const a = tensor([1, 2, 3]);
    const s = a.mul(a).sum();
    expect(evaluate(s, [[a, [1, 1, 1]]]).output).toEqual({ shape: [], data: new Float64Array([3]) });
    expect(() => evaluate(s, [[a, [1, 1]]])).toThrow(
      /evaluate: override for 'leaf#\d+' \(#\d+\) has shape \[2\], node is \[3\]/,
    );
    expect(() => evaluate(s, [[tensor([1]), 1]])).toThrow(/is not in the graph/);
  });
});
