/**
 * A plain deep fully connected network for the plots of lessons 8 and 12: per layer, the spread of the
 * activations a^[l] and the mean size of ∂L/∂a^[l]. Weights come from a seeded generator, so the
 * plots are the same on every run.
 */
import { rng, tensor, type Tensor } from '../../engine/index';

export type Activation = 'relu' | 'tanh' | 'sigmoid';
export type InitScheme = 'uniformFanIn' | 'glorot' | 'heUniform';

/**
 * The bound a of Uniform(−a, a): 1/√fan_in, Glorot's √(6/(fan_in + fan_out)), or He's √(6/fan_in) (the
 * variance 2/fan_in that keeps a ReLU layer's output variance equal to its input's).
 */
export function initBound(scheme: InitScheme, fanIn: number, fanOut: number): number {
  if (scheme === 'glorot') return Math.sqrt(6 / (fanIn + fanOut));
  return scheme === 'heUniform' ? Math.sqrt(6 / fanIn) : 1 / Math.sqrt(fanIn);
}

/** W ∈ R^{out×in} (PyTorch's layout), drawn from Uniform(−a, a). */
export function drawWeight(
  out: number,
  inp: number,
  scheme: InitScheme,
  r: ReturnType<typeof rng>,
  label: string,
): Tensor {
  const a = initBound(scheme, inp, out);
  const data = new Float64Array(out * inp);
  for (let i = 0; i < data.length; i++) data[i] = r.uniform(-a, a);
  return tensor(data, { shape: [out, inp], label, kind: 'parameter' });
}

export function activate(x: Tensor, act: Activation): Tensor {
  return act === 'relu' ? x.relu() : act === 'tanh' ? x.tanh() : x.sigmoid();
}

export interface LayerStats {
  /** Standard deviation of a^[l] over the batch and units, l = 1…depth. */
  actStd: number[];
  /** Mean |∂L/∂a^[l]|, l = 1…depth, for L = Σ a^[depth] (so the top layer's gradient is 1 everywhere). */
  gradMean: number[];
}

export function layerStats(opts: {
  depth: number;
  width: number;
  batch: number;
  act: Activation;
  init: InitScheme;
  seed: number;
}): LayerStats {
  const r = rng(opts.seed);
  const xs = new Float64Array(opts.batch * opts.width);
  for (let i = 0; i < xs.length; i++) xs[i] = r.normal();
  let a = tensor(xs, { shape: [opts.batch, opts.width], label: 'x' });
  const acts: Tensor[] = [];
  for (let l = 1; l <= opts.depth; l++) {
    const W = drawWeight(opts.width, opts.width, opts.init, r, `W${l}`);
    a = activate(a.matmul(W.transpose()), opts.act);
    acts.push(a);
  }
  const loss = a.sum();
  loss.backward();
  const std = (t: Tensor) => {
    const d = t.data;
    const m = d.reduce((s, v) => s + v, 0) / d.length;
    return Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / d.length);
  };
  const meanAbs = (t: Tensor | null) => (t ? t.data.reduce((s, v) => s + Math.abs(v), 0) / t.data.length : 0);
  return { actStd: acts.map(std), gradMean: acts.map((t) => meanAbs(t.grad)) };
}
