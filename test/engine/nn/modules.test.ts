import { describe, expect, it } from 'vitest';
import {
  BatchNorm,
  Conv2d,
  Dropout,
  Sequential,
  maxPool2d,
  Layer,
  Linear,
  MLP,
  Neuron,
  SGD,
  ScalarMLP,
  copyWeights,
  crossEntropy,
  fans,
  glorotUniform,
  heNormal,
  init,
  mseLoss,
  rng,
  tensor,
  topoOrder,
  uniformFanIn,
  value,
  Tensor,
} from '../../../engine/index';
import { maxAbsDiff } from './numeric';

describe('initializers', () => {
  it('compute fan_in and fan_out as PyTorch for linear and conv weights', () => {
    expect(fans([10, 784])).toEqual({ fanIn: 784, fanOut: 10 });
    // conv [outC, inC, kH, kW]: receptive field 5·5
    expect(fans([8, 3, 5, 5])).toEqual({ fanIn: 75, fanOut: 200 });
    expect(() => fans([5])).toThrow('init: fan_in and fan_out need a weight with at least 2 dims, got [5]');
  });
  it('uniformFanIn draws U(±1/√fan_in) from the rng in row-major order', () => {
    const w = uniformFanIn([2, 4], rng(1337));
    // bound 1/√4 = 0.5; first draw 0.1844118325971067 → −0.5 + 0.1844118325971067
    expect(w.data[0]).toBeCloseTo(-0.5 + 0.1844118325971067, 15);
    expect(w.data[1]).toBeCloseTo(-0.5 + 0.18998925131745636, 15);
    expect(w.kind).toBe('parameter');
    const big = init.uniformFanIn([50, 100], rng(1));
    expect(Math.max(...big.data.map(Math.abs))).toBeLessThanOrEqual(0.1);
    expect(Math.max(...big.data.map(Math.abs))).toBeGreaterThan(0.099);
  });
  it('glorotUniform uses ±√(6/(fan_in + fan_out)); heNormal has std √(2/fan_in)', () => {
    const g = glorotUniform([30, 70], rng(2));
    const bound = Math.sqrt(6 / 100);
    expect(Math.max(...g.data.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...g.data.map(Math.abs))).toBeGreaterThan(0.99 * bound);
    const h = heNormal([200, 50], rng(3));
    const mean = h.data.reduce((a, v) => a + v, 0) / h.size;
    const std = Math.sqrt(h.data.reduce((a, v) => a + (v - mean) ** 2, 0) / h.size);
    expect(Math.abs(std / Math.sqrt(2 / 50) - 1)).toBeLessThan(0.03);
  });
});

describe('tensor modules', () => {
  it('Linear holds W [out,in] and b [out] labelled by layer; Conv2d holds [outC,inC,k,k]', () => {
    const lin = new Linear(3, 2, { rng: rng(1), layer: 1 });
    expect(lin.W.shape).toEqual([2, 3]);
    expect(lin.b?.shape).toEqual([2]);
    expect([lin.W.label, lin.b?.label]).toEqual(['W[1]', 'b[1]']);
    expect(lin.forward(tensor([[1, 0, 0]])).toArray()).toEqual([
      [lin.W.data[0] + lin.b!.data[0], lin.W.data[3] + lin.b!.data[1]],
    ]);
    const conv = new Conv2d(3, 4, 5, { padding: 2, rng: rng(2) });
    expect(conv.w.shape).toEqual([4, 3, 5, 5]);
    expect(Math.max(...conv.w.data.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(75));
    expect(conv.forward(tensor(new Array(3 * 8 * 8).fill(1), { shape: [1, 3, 8, 8] })).shape).toEqual([
      1, 4, 8, 8,
    ]);
    expect(conv.parameters().length).toBe(2);
  });
  it('MLP lists its parameters, zeroes gradients and switches train/eval for all layers', () => {
    const mlp = new MLP([4, 3, 2], 'tanh', { rng: rng(5) });
    expect(mlp.parameters().map((p) => p.label)).toEqual(['W[1]', 'b[1]', 'W[2]', 'b[2]']);
    expect(mlp.weights().map((p) => p.label)).toEqual(['W[1]', 'W[2]']);
    const loss = crossEntropy(mlp.forward(tensor([[1, 2, 3, 4]])), [1]);
    loss.backward();
    expect(mlp.parameters().every((p) => p.grad && p.grad.data.some((g) => g !== 0))).toBe(true);
    mlp.zeroGrad();
    expect(mlp.parameters().every((p) => p.grad!.data.every((g) => g === 0))).toBe(true);
    mlp.eval();
    expect([mlp.training, ...mlp.layers.map((l) => l.training)]).toEqual([false, false, false]);
    mlp.train();
    expect(mlp.layers[1].training).toBe(true);
  });
  it('Dropout and BatchNorm follow the module mode; Sequential chains modules and functions', () => {
    const drop = new Dropout(0.5, { rng: rng(1) });
    const bn = new BatchNorm(2);
    const net = new Sequential(
      new Conv2d(1, 2, 3, { rng: rng(4) }),
      bn,
      (x) => x.relu(),
      (x) => maxPool2d(x, { kernel: 2 }),
      (x) => x.reshape([x.shape[0], 2]),
      drop,
      new Linear(2, 3, { rng: rng(5) }),
    );
    expect(net.parameters().map((p) => p.shape)).toEqual([[2, 1, 3, 3], [2], [2], [2], [3, 2], [3]]);
    const x = tensor(
      Array.from({ length: 2 * 16 }, (_, i) => Math.sin(i)),
      { shape: [2, 1, 4, 4] },
    );
    net.forward(x);
    // Train mode: running stats moved from (0, 1) by one momentum step; the dropout mask was drawn.
    expect(bn.runningMean.data.some((v) => v !== 0)).toBe(true);
    const before = Array.from(bn.runningMean.data);
    net.eval();
    expect([bn.training, drop.training]).toEqual([false, false]);
    const a = net.forward(x);
    const b = net.forward(x);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(bn.runningMean.data)).toEqual(before);
    expect(a.inputs[0].op).not.toBe('dropout');
  });
  it('rejects bad sizes and activations by name', () => {
    expect(() => new MLP([3])).toThrow('MLP: sizes must be at least two positive integers');
    expect(() => new MLP([3, 2], 'gelu' as 'relu')).toThrow(
      "MLP: activation must be 'relu', 'tanh', 'sigmoid' or 'linear'",
    );
  });
});

describe('scalar modules (micrograd-style)', () => {
  it('a Neuron computes σ(Σ w_i x_i + b)', () => {
    const n = new Neuron(2, { activation: 'tanh', weights: [0.5, -1], bias: 0.25 });
    const y = n.call([2, 1]);
    expect(y.data).toBeCloseTo(Math.tanh(0.5 * 2 - 1 + 0.25), 15);
    y.backward();
    const d = 1 - Math.tanh(0.25) ** 2;
    expect(n.w.map((w) => w.grad)).toEqual([2 * d, d]);
    expect(new Layer(3, 4).parameters().length).toBe(16);
  });
  it('ScalarMLP and MLP with the same sizes and seed hold the same weights and agree in value and gradient', () => {
    const mlp = new MLP([3, 4, 2], 'relu', { rng: rng(42) });
    const smlp = new ScalarMLP([3, 4, 2], 'relu', { rng: rng(42) });
    const sw = smlp.parameters();
    // Tensor order W[1] row by row, b[1], W[2], b[2]; scalar order per neuron: weights then bias.
    expect(sw[0].data).toBe(mlp.layers[0].W.data[0]);
    expect(smlp.layers[0].neurons[1].b.data).toBe(mlp.layers[0].b!.data[1]);
    expect(smlp.layers[1].neurons[1].w[3].data).toBe(mlp.layers[1].W.data[7]);

    const x = [0.5, -1.5, 2];
    const logits = smlp.call(x);
    const tl = mlp.forward(tensor([x]));
    expect(
      maxAbsDiff(
        logits.map((v) => v.data),
        tl.data,
      ),
    ).toBeLessThan(1e-14);

    const ls = crossEntropy(logits, 1);
    ls.backward();
    const lt = crossEntropy(tl, [1]);
    lt.backward();
    expect(ls.data).toBeCloseTo(lt.item(), 14);
    const gW1 = smlp.layers[0].neurons.flatMap((n) => n.w.map((w) => w.grad));
    expect(maxAbsDiff(gW1, mlp.layers[0].W.grad!.data)).toBeLessThan(1e-14);
  });
  it('turns numeric inputs into one data node x[i] shared by every neuron', () => {
    const out = new ScalarMLP([2, 3, 1], 'relu', { rng: rng(4) }).call([0.5, -1])[0];
    const leaves = topoOrder(out).filter((n) => n.op === 'leaf' && n.kind === 'data');
    expect(leaves.map((n) => n.label).sort()).toEqual(['x[0]', 'x[1]']);
  });
  it('copyWeights copies either way and checks sizes', () => {
    const mlp = new MLP([2, 3, 1], 'tanh', { rng: rng(1) });
    const smlp = new ScalarMLP([2, 3, 1], 'tanh', { rng: rng(2) });
    copyWeights(mlp, smlp);
    expect(smlp.layers[0].neurons[2].w[1].data).toBe(mlp.layers[0].W.data[5]);
    expect(smlp.layers[1].neurons[0].b.data).toBe(mlp.layers[1].b!.data[0]);
    smlp.layers[0].neurons[0].w[0].data = 7;
    copyWeights(smlp, mlp);
    expect(mlp.layers[0].W.data[0]).toBe(7);
    expect(ScalarMLP.from(mlp).call([1, 1])[0].data).toBeCloseTo(mlp.forward(tensor([[1, 1]])).data[0], 14);
    expect(() => copyWeights(mlp, new ScalarMLP([2, 4, 1]))).toThrow(
      'copyWeights: sizes differ, from [2,3,1] to [2,4,1]',
    );
  });
});

/** Two concentric rings: class 0 at radius < 1, class 1 at radius 1.5–2.5 (not linearly separable). */
function rings(n: number, seed: number): { X: number[][]; y: number[] } {
  const r = rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const radius = c === 0 ? r.uniform(0, 1) : r.uniform(1.5, 2.5);
    const angle = r.uniform(0, 2 * Math.PI);
    X.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    y.push(c);
  }
  return { X, y };
}

function accuracy(logits: Tensor, y: number[]): number {
  let ok = 0;
  y.forEach((c, i) => {
    const pred = logits.data[2 * i + 1] > logits.data[2 * i] ? 1 : 0;
    if (pred === c) ok++;
  });
  return ok / y.length;
}

describe('training', () => {
  it('an MLP 2-16-2 trained with SGD on two rings reaches ≥ 97% train and test accuracy', () => {
    const train = rings(200, 7);
    const test = rings(200, 8);
    const model = new MLP([2, 16, 2], 'relu', { rng: rng(3) });
    const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    const X = tensor(train.X);
    const before = accuracy(model.forward(X), train.y);
    let first = 0;
    let last = 0;
    for (let step = 0; step < 300; step++) {
      opt.zeroGrad();
      const loss = crossEntropy(model.forward(X), train.y);
      loss.backward();
      opt.step();
      if (step === 0) first = loss.item();
      last = loss.item();
    }
    expect(before).toBeLessThan(0.8);
    expect(last).toBeLessThan(first / 5);
    expect(accuracy(model.forward(X), train.y)).toBeGreaterThanOrEqual(0.97);
    expect(accuracy(model.forward(tensor(test.X)), test.y)).toBeGreaterThanOrEqual(0.97);
  });
  it('a ScalarMLP 2-4-1 trained with SGD on Values learns XOR', () => {
    const X = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const Y = [-1, 1, 1, -1];
    const model = new ScalarMLP([2, 4, 1], 'tanh', { rng: rng(11) });
    const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    for (let step = 0; step < 300; step++) {
      opt.zeroGrad();
      const loss = mseLoss(
        X.map((x) => model.call(x)[0]),
        Y.map((v) => value(v)),
      );
      loss.backward();
      opt.step();
    }
    const preds = X.map((x) => Math.sign(model.call(x)[0].data));
    expect(preds).toEqual(Y);
  });
});
