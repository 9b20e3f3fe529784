/**
 * Scalar-mode (micrograd-style) modules: a `Neuron` is Σ_i w_i x_i + b followed by its activation, a `Layer`
 * is neurons side by side, a `ScalarMLP` is layers in a row (activation on all but the last). Named
 * ScalarMLP so it does not clash with the tensor `MLP`; the two are the same network:
 * - built with the same sizes, activation and seed they hold the same weights (both draw W^{[l]} row by row,
 *   then b^{[l]}, from U(±1/√fan_in)), and
 * - `copyWeights(from, to)` copies the numbers either way between an MLP and a ScalarMLP.
 */
import { EngineError } from '../core/errors';
import { parameter, value, Value } from '../scalar/value';
import { checkActivation, checkSizes, MLP, type Activation } from './modules';
import { rng as makeRng, type Rng } from './rng';

/** Plain numbers become data leaves x[i] once, so every neuron reads the same input node (as in the drawing). */
function asInputs(x: readonly (Value | number)[]): Value[] {
  return x.map((v, i) => (v instanceof Value ? v : value(v, `x[${i}]`)));
}

function activateValue(v: Value, a: Activation): Value {
  switch (a) {
    case 'relu':
      return v.relu();
    case 'tanh':
      return v.tanh();
    case 'sigmoid':
      return v.sigmoid();
    case 'linear':
      return v;
  }
}

export interface NeuronOptions {
  activation?: Activation;
  rng?: Rng;
  /** Initial weights and bias instead of drawing them (used by Layer to match the tensor draw order). */
  weights?: readonly number[];
  bias?: number;
  /** Label prefix: weights are `${label}w[i]`, the bias `${label}b`. */
  label?: string;
}

/** One unit: a = σ(Σ_i w_i x_i + b), weights U(±1/√nin) unless given. */
export class Neuron {
  readonly w: Value[];
  readonly b: Value;
  readonly activation: Activation;

  constructor(
    readonly nin: number,
    opts: NeuronOptions = {},
  ) {
    this.activation = checkActivation(opts.activation ?? 'relu');
    const r = opts.rng ?? makeRng(0);
    const bound = 1 / Math.sqrt(nin);
    const ws = opts.weights ?? Array.from({ length: nin }, () => r.uniform(-bound, bound));
    if (ws.length !== nin) throw new EngineError(`Neuron: ${ws.length} weights given for ${nin} inputs`);
    const label = opts.label ?? '';
    this.w = ws.map((v, i) => parameter(v, `${label}w[${i}]`));
    this.b = parameter(opts.bias ?? r.uniform(-bound, bound), `${label}b`);
  }

  call(x: readonly (Value | number)[]): Value {
    if (x.length !== this.nin) throw new EngineError(`Neuron: expected ${this.nin} inputs, got ${x.length}`);
    const xs = asInputs(x);
    let z = this.b;
    for (let i = 0; i < this.nin; i++) z = this.w[i].mul(xs[i]).add(z);
    return activateValue(z, this.activation);
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export interface LayerOptions {
  activation?: Activation;
  rng?: Rng;
  /** Layer number for labels W[l][o,i], b[l][o]. */
  layer?: number;
}

/** nout neurons reading the same nin inputs: W^{[l]} [nout, nin] row by row, then b^{[l]}. */
export class Layer {
  readonly neurons: Neuron[];

  constructor(
    readonly nin: number,
    readonly nout: number,
    opts: LayerOptions = {},
  ) {
    const r = opts.rng ?? makeRng(0);
    const bound = 1 / Math.sqrt(nin);
    // Same order as tensor Linear: every weight row first, then the biases.
    const W = Array.from({ length: nout }, () => Array.from({ length: nin }, () => r.uniform(-bound, bound)));
    const b = Array.from({ length: nout }, () => r.uniform(-bound, bound));
    const tag = opts.layer === undefined ? '' : `[${opts.layer}]`;
    this.neurons = W.map((row, o) => {
      const n = new Neuron(nin, { activation: opts.activation, weights: row, bias: b[o] });
      n.w.forEach((v, i) => (v.label = `W${tag}[${o},${i}]`));
      n.b.label = `b${tag}[${o}]`;
      return n;
    });
  }

  call(x: readonly (Value | number)[]): Value[] {
    const xs = asInputs(x);
    return this.neurons.map((n) => n.call(xs));
  }

  parameters(): Value[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}

export interface ScalarMLPOptions {
  rng?: Rng;
}

/** The micrograd MLP: Layers sizes[0] → … → sizes[L], `activation` on all but the last (linear) layer. */
export class ScalarMLP {
  readonly layers: Layer[];
  readonly activation: Activation;
  /** Kept for symmetry with tensor modules: scalar networks have no dropout or batch norm. */
  training = true;

  constructor(
    readonly sizes: readonly number[],
    activation: Activation = 'relu',
    opts: ScalarMLPOptions = {},
  ) {
    checkSizes('ScalarMLP', sizes);
    this.activation = checkActivation(activation);
    const r = opts.rng ?? makeRng(0);
    this.layers = [];
    for (let l = 1; l < sizes.length; l++) {
      const last = l === sizes.length - 1;
      this.layers.push(
        new Layer(sizes[l - 1], sizes[l], { rng: r, layer: l, activation: last ? 'linear' : activation }),
      );
    }
  }

  /** The network's outputs (logits) for one input vector. */
  call(x: readonly (Value | number)[]): Value[] {
    let a = asInputs(x);
    for (const layer of this.layers) a = layer.call(a);
    return a;
  }

  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }

  train(mode = true): this {
    this.training = mode;
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** A scalar copy of a tensor MLP (same sizes, activation and weights). */
  static from(mlp: MLP): ScalarMLP {
    const s = new ScalarMLP(mlp.sizes, mlp.activation);
    copyWeights(mlp, s);
    return s;
  }
}

/** Copy every weight and bias between a tensor MLP and a ScalarMLP (either direction) of the same sizes. */
export function copyWeights(from: MLP | ScalarMLP, to: MLP | ScalarMLP): void {
  const a = from.sizes.join(',');
  const b = to.sizes.join(',');
  if (a !== b) throw new EngineError(`copyWeights: sizes differ, from [${a}] to [${b}]`);
  from.layers.forEach((_, l) => {
    const rows = read(from, l);
    write(to, l, rows);
  });
}

/** Layer l as rows [W row o..., b_o]. */
function read(m: MLP | ScalarMLP, l: number): number[][] {
  if (m instanceof ScalarMLP) return m.layers[l].neurons.map((n) => [...n.w.map((v) => v.data), n.b.data]);
  const lin = m.layers[l];
  const { inFeatures: nin, outFeatures: nout } = lin;
  return Array.from({ length: nout }, (_, o) => [
    ...lin.W.data.subarray(o * nin, (o + 1) * nin),
    lin.b ? lin.b.data[o] : 0,
  ]);
}

function write(m: MLP | ScalarMLP, l: number, rows: number[][]): void {
  if (m instanceof ScalarMLP) {
    m.layers[l].neurons.forEach((n, o) => {
      n.w.forEach((v, i) => (v.data = rows[o][i]));
      n.b.data = rows[o][n.nin];
    });
    return;
  }
  const lin = m.layers[l];
  const nin = lin.inFeatures;
  rows.forEach((row, o) => {
    lin.W.data.set(row.slice(0, nin), o * nin);
    if (lin.b) lin.b.data[o] = row[nin];
  });
}
