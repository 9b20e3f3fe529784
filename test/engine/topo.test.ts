// topoOrder is program order: function nodes as the code computed them, each leaf just before its first use.
import { describe, expect, it } from 'vitest';
import { parameter, tensor, topoOrder, trace, value, type GraphNode, type Value } from '../../engine/index';

const labels = (order: readonly GraphNode[]): string[] => order.map((n) => n.label || `(${n.op})`);

describe('topoOrder: program order', () => {
  it('micrograd’s sanity check steps as its code runs (z·x before relu(z), as written)', () => {
    // The code: z = 2x + 2 + x; zx = z·x; q = relu(z) + zx; h = relu(z·z); y = h + q + q·x.
    const x = value(-4, 'x');
    const z = x.mul(2).add(2).add(x);
    z.label = 'z';
    const zx = z.mul(x);
    zx.label = 'zx';
    const q = z.relu().add(zx);
    q.label = 'q';
    const h = z.mul(z).relu();
    h.label = 'h';
    const y = h.add(q).add(q.mul(x));
    y.label = 'y';
    // Worked out from the code, line by line (a constant is labelled by its value).
    expect(labels(topoOrder(y))).toEqual([
      'x',
      '2',
      '(mul)',
      '2',
      '(add)',
      'z',
      'zx',
      '(relu)',
      'q',
      '(mul)',
      'h',
      '(add)',
      '(mul)',
      'y',
    ]);
  });

  it('an MLP steps layer by layer, neuron by neuron, each weight just before the product that uses it', () => {
    // All the parameters made first (as a model is), then the forward pass: 2 inputs → 2 tanh → 1.
    const w = [
      [parameter(0.1, 'w1'), parameter(0.2, 'w2')],
      [parameter(0.3, 'w3'), parameter(0.4, 'w4')],
    ];
    const v = [parameter(0.5, 'v1'), parameter(0.6, 'v2')];
    const x = [value(1, 'x1'), value(2, 'x2')];
    const hidden = w.map((row, j) => {
      const h = row[0]!.mul(x[0]!).add(row[1]!.mul(x[1]!)).tanh();
      h.label = `h${j + 1}`;
      return h;
    });
    const out = v[0]!.mul(hidden[0]!).add(v[1]!.mul(hidden[1]!));
    out.label = 'out';
    expect(labels(topoOrder(out))).toEqual([
      // neuron 1 of layer 1
      'w1',
      'x1',
      '(mul)',
      'w2',
      'x2',
      '(mul)',
      '(add)',
      'h1',
      // neuron 2 of layer 1 (x1, x2 are placed already)
      'w3',
      '(mul)',
      'w4',
      '(mul)',
      '(add)',
      'h2',
      // the output neuron, only after the whole layer
      'v1',
      '(mul)',
      'v2',
      '(mul)',
      'out',
    ]);
  });

  it('tensor graphs too: a layer’s parameters where the layer uses them', () => {
    const W1 = tensor([[1, 0]], { label: 'W1' });
    const W2 = tensor([[2]], { label: 'W2' });
    const X = tensor([[3], [4]], { label: 'X' });
    const H = W1.matmul(X).relu();
    H.label = 'H';
    const Y = W2.matmul(H);
    Y.label = 'Y';
    expect(labels(topoOrder(Y))).toEqual(['W1', 'X', '(matmul)', 'H', 'W2', 'Y']);
  });

  it('a leaf root is its own order; a node reached twice is placed once', () => {
    const a = value(3, 'a');
    expect(topoOrder(a)).toEqual([a]);
    const s = a.add(a);
    expect(topoOrder(s)).toEqual([a, s]);
  });

  it('inputs always come before the nodes that use them (a 300-node random graph)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const made: Value[] = [value(1, 'a'), value(2, 'b')];
    for (let i = 0; i < 300; i++) {
      const p = made[Math.floor(rand() * made.length)]!;
      const q = made[Math.floor(rand() * made.length)]!;
      made.push(rand() < 0.5 ? p.add(q) : p.mul(q).tanh());
    }
    const order = topoOrder(made[made.length - 1]!);
    const at = new Map(order.map((n, i) => [n, i]));
    for (const n of order) for (const i of n.inputs) expect(at.get(i)!).toBeLessThan(at.get(n)!);
    expect(new Set(order).size).toBe(order.length);
  });

  it('so trace adds gradients in the order .backward() does, bit for bit', () => {
    // x feeds r (made first), p and q; L = (p + q) + r. Contributions to ∂L/∂x: c₁ = 1, c₂ = 1e-16, c₃ = −1.
    // Backward in reverse creation order adds q, p, r: (1e-16 + 1) + (−1) = 0 in float64, since 1 + 1e-16
    // rounds to 1. A depth-first order from L would add r, q, p: (−1 + 1e-16) + 1 = 1.1102230246251565e-16.
    const x = value(0.5, 'x');
    const r = x.mul(-1);
    const p = x.mul(1);
    const q = x.mul(1e-16);
    const L = p.add(q).add(r);
    const t = trace(L);
    L.backward();
    expect(x.grad).toBe(0);
    expect(t.graph.nodes.find((n) => n.id === x.id)!.grad).toBe(0);
  });
});
