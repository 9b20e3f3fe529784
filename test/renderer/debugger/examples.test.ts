import { describe, expect, it } from 'vitest';
import type { Tensor, Value } from '../../../engine';
import { microgradSanity } from '../../../renderer/src/examples/micrograd';
import { neuron } from '../../../renderer/src/examples/neuron';
import { tensorMlp } from '../../../renderer/src/examples/mlp';
import { scalarMlp, scalarMlpSize } from '../../../renderer/src/examples/generated';

function leaves(root: Value): Map<string, Value> {
  const out = new Map<string, Value>();
  const stack: Value[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (v.op === 'leaf' && v.label) out.set(v.label, v);
    stack.push(...(v.inputs as Value[]));
  }
  return out;
}

describe('built-in examples', () => {
  it("micrograd's sanity check: y = −20 and ∂y/∂x = 46 (the values micrograd's test gets from PyTorch)", () => {
    const y = microgradSanity();
    y.backward();
    expect(y.data).toBe(-20);
    expect(leaves(y).get('x')!.grad).toBe(46);
  });

  it('one neuron: o = tanh(0.8814) = 1/√2, ∂o/∂x1 = (1 − o²)·w1 = −1.5, ∂o/∂w1 = (1 − o²)·x1 = 1', () => {
    const o = neuron();
    o.backward();
    expect(o.data).toBeCloseTo(Math.SQRT1_2, 12);
    const l = leaves(o);
    expect(l.get('x1')!.grad).toBeCloseTo(-1.5, 12);
    expect(l.get('w1')!.grad).toBeCloseTo(1, 12);
    expect(l.get('x2')!.grad).toBeCloseTo(0.5, 12);
    expect(l.get('w2')!.grad).toBeCloseTo(0, 12);
  });

  it('the tensor MLP loss equals mean cross-entropy computed by hand from the same numbers', () => {
    const L = tensorMlp() as Tensor;
    const find = (label: string): Tensor => {
      const stack: Tensor[] = [L];
      while (stack.length) {
        const t = stack.pop()!;
        if (t.label === label) return t;
        stack.push(...(t.inputs as Tensor[]));
      }
      throw new Error(label);
    };
    const rows = (t: Tensor): number[][] => t.toArray() as number[][];
    const [X, W1, W2] = [rows(find('X')), rows(find('W[1]')), rows(find('W[2]'))];
    const b1 = find('b[1]').toArray() as number[];
    const b2 = find('b[2]').toArray() as number[];
    const y = [0, 2, 1, 0];
    let loss = 0;
    X.forEach((x, n) => {
      const a = b1.map((b, j) => Math.max(0, b + x.reduce((s, xi, i) => s + xi * W1[i]![j]!, 0)));
      const z = b2.map((b, k) => b + a.reduce((s, aj, j) => s + aj * W2[j]![k]!, 0));
      const lse = Math.log(z.reduce((s, zk) => s + Math.exp(zk), 0));
      loss += lse - z[y[n]!]!;
    });
    expect(L.item()).toBeCloseTo(loss / 4, 12);
    expect(L.shape).toEqual([]);
  });

  it('the generated MLP has the size it announces, close under the target', () => {
    const count = (root: Value): number => {
      const seen = new Set<number>();
      const stack: Value[] = [root];
      while (stack.length) {
        const v = stack.pop()!;
        if (seen.has(v.id)) continue;
        seen.add(v.id);
        stack.push(...(v.inputs as Value[]));
      }
      return seen.size;
    };
    // 4 inputs; layer 1: 8 neurons of 3·4 + 2 = 14 nodes; layer 2: 8 × 26 (324 so far); then 6 neurons of 26
    // fit before an output neuron of fan-in 6: 3·6 + 1 = 19 nodes (no tanh) → 324 + 156 + 19 = 499.
    expect(scalarMlpSize(500)).toBe(4 + 112 + 208 + 6 * 26 + 19);
    for (const n of [500, 2000]) {
      expect(count(scalarMlp(n))).toBe(scalarMlpSize(n));
      expect(scalarMlpSize(n)).toBeLessThanOrEqual(n);
      expect(scalarMlpSize(n)).toBeGreaterThan(n - 30);
    }
  });
});
