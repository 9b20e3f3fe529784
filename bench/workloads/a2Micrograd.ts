/**
 * A2's plain-JS peer: micrograd (Karpathy's engine.py and nn.py) written line for line in JavaScript, on the
 * same model, data and loss as ./a2ScalarMlp.ts. It is what a student would write after the lecture, and the
 * plain-JS bar the engine's scalar mode should clear:
 * - each node keeps its inputs in a Set and its local backward step as a closure made when the node is;
 * - `backward()` sorts the graph by a recursive depth-first search with a visited Set, then calls the
 *   closures in reverse order.
 * Only the benchmark uses it; the engine's own scalar mode is engine/scalar/.
 */
import { rng } from '../../engine/index';
import { twoMoons } from '../data';

type Num = MgValue | number;

export class MgValue {
  grad = 0;
  _backward: () => void = () => {};
  readonly _prev: Set<MgValue>;

  constructor(
    public data: number,
    children: MgValue[] = [],
    readonly _op = '',
  ) {
    this._prev = new Set(children);
  }

  add(other: Num): MgValue {
    const o = other instanceof MgValue ? other : new MgValue(other);
    const out = new MgValue(this.data + o.data, [this, o], '+');
    out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Num): MgValue {
    const o = other instanceof MgValue ? other : new MgValue(other);
    const out = new MgValue(this.data * o.data, [this, o], '*');
    out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  relu(): MgValue {
    const out = new MgValue(this.data < 0 ? 0 : this.data, [this], 'ReLU');
    out._backward = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: MgValue[] = [];
    const visited = new Set<MgValue>();
    const buildTopo = (v: MgValue): void => {
      if (visited.has(v)) return;
      visited.add(v);
      for (const child of v._prev) buildTopo(child);
      topo.push(v);
    };
    buildTopo(this);
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]!._backward();
  }
}

interface MgNeuron {
  w: MgValue[];
  b: MgValue;
  nonlin: boolean;
}

/** The A2 model, drawn as ./a2ScalarMlp.ts draws it: layer by layer, neuron by neuron, from mulberry32(1337). */
function makeModel(): MgNeuron[][] {
  const r = rng(1337);
  const sizes = [2, 16, 16, 1];
  const layers: MgNeuron[][] = [];
  for (let l = 0; l < 3; l++) {
    const layer: MgNeuron[] = [];
    for (let n = 0; n < sizes[l + 1]!; n++) {
      const w = Array.from({ length: sizes[l]! }, () => new MgValue(2 * r() - 1));
      layer.push({ w, b: new MgValue(0), nonlin: l < 2 });
    }
    layers.push(layer);
  }
  return layers;
}

/** nn.py's Neuron.__call__: sum((wi*xi for wi, xi in zip(self.w, x)), self.b), then ReLU unless linear. */
function forward(model: MgNeuron[][], x: Num[]): MgValue {
  let h: Num[] = x;
  for (const layer of model) {
    h = layer.map((n) => {
      let act = n.b;
      for (let i = 0; i < n.w.length; i++) act = act.add(n.w[i]!.mul(h[i]!));
      return n.nonlin ? act.relu() : act;
    });
  }
  return h[0] as MgValue;
}

/** One step of micrograd's demo, as A2 defines it; returns the loss before the update. */
export function makeA2Micrograd(): { step: (k: number) => number; params: MgValue[] } {
  const model = makeModel();
  const ps = model.flatMap((layer) => layer.flatMap((n) => [...n.w, n.b]));
  const { xs, ys } = twoMoons();
  const step = (k: number): number => {
    const losses = xs.map((x, i) => forward(model, x).mul(-ys[i]!).add(1).relu());
    let dataLoss = losses[0]!;
    for (let i = 1; i < losses.length; i++) dataLoss = dataLoss.add(losses[i]!);
    dataLoss = dataLoss.mul(1 / losses.length);
    let reg = ps[0]!.mul(ps[0]!);
    for (let i = 1; i < ps.length; i++) reg = reg.add(ps[i]!.mul(ps[i]!));
    const total = dataLoss.add(reg.mul(1e-4));
    for (const p of ps) p.grad = 0;
    total.backward();
    const lr = 1 - (0.9 * k) / 100;
    for (const p of ps) p.data -= lr * p.grad;
    return total.data;
  };
  return { step, params: ps };
}
