/**
 * A2 — micrograd's demo: MLP(2, [16, 16, 1]) on 100 two-moons points, hinge loss + 1e-4·Σp², SGD.
 * Weights drawn layer by layer, neuron by neuron, in input order from mulberry32(1337) as U(−1, 1); biases 0.
 * The first step's loss must be 1.271954328354901.
 */
import { rng, value, type Value } from '../../engine/index';
import { twoMoons } from '../data';

export const A2_FIRST_LOSS = 1.271954328354901;

interface Neuron {
  w: Value[];
  b: Value;
  relu: boolean;
}

export function makeA2Model(): Neuron[][] {
  const r = rng(1337);
  const sizes = [2, 16, 16, 1];
  const layers: Neuron[][] = [];
  for (let l = 0; l < 3; l++) {
    const layer: Neuron[] = [];
    for (let n = 0; n < sizes[l + 1]; n++) {
      const w = Array.from({ length: sizes[l] }, () => value(2 * r() - 1));
      layer.push({ w, b: value(0), relu: l < 2 });
    }
    layers.push(layer);
  }
  return layers;
}

export function params(model: Neuron[][]): Value[] {
  return model.flatMap((layer) => layer.flatMap((n) => [...n.w, n.b]));
}

function forward(model: Neuron[][], x: (Value | number)[]): Value {
  let h: (Value | number)[] = x;
  for (const layer of model) {
    h = layer.map((n) => {
      // micrograd: sum((wi*xi for wi, xi in zip(w, x)), b), i.e. b + w0·x0 + w1·x1 + …
      let act = n.b;
      for (let i = 0; i < n.w.length; i++) act = act.add(n.w[i].mul(h[i]));
      return n.relu ? act.relu() : act;
    });
  }
  return h[0] as Value;
}

/** Count the nodes of one step's graph (iterative walk). */
export function countNodes(root: Value): number {
  const seen = new Set<Value>();
  const stack: Value[] = [root];
  while (stack.length) {
    const v = stack.pop() as Value;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const u of v.inputs as Value[]) stack.push(u);
  }
  return seen.size;
}

export function makeA2(): { step: (k: number) => { loss: number; root: Value }; model: Neuron[][] } {
  const model = makeA2Model();
  const ps = params(model);
  const { xs, ys } = twoMoons();
  const step = (k: number) => {
    const losses = xs.map((x, i) => forward(model, x).mul(-ys[i]).add(1).relu());
    let dataLoss: Value = losses[0];
    for (let i = 1; i < losses.length; i++) dataLoss = dataLoss.add(losses[i]);
    dataLoss = dataLoss.mul(1 / losses.length);
    // micrograd: sum(p*p for p in params) starts from 0; 0 + p₀² = p₀² exactly, so start from p₀².
    let reg = ps[0].mul(ps[0]);
    for (let i = 1; i < ps.length; i++) reg = reg.add(ps[i].mul(ps[i]));
    const total = dataLoss.add(reg.mul(1e-4));
    for (const p of ps) p.grad = 0;
    total.backward();
    const lr = 1 - (0.9 * k) / 100;
    for (const p of ps) p.data -= lr * p.grad;
    return { loss: total.data, root: total };
  };
  return { step, model };
}
