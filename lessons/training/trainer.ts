/**
 * A small MLP 2 → hidden… → 1 trained with mini-batch SGD and weight decay on a 2-D data set, with the
 * engine doing every forward and backward pass. The training view drives it one step at a time.
 *
 * Loss per batch: mean binary cross-entropy on the logit z, in the stable form
 *   ℓ(z, t) = max(z, 0) − z·t + log(1 + e^{−|z|}),
 * plus the weight decay λ/2 Σ_l ‖W^[l]‖² (biases are not decayed). Update: W ← W − α(∂ℓ/∂W + λW).
 */
import { rng, tensor, type Tensor } from '../../engine/index';
import type { TrainingSetup } from '../format/types';
import { activate, initBound } from '../lib/deepnet';
import { makeDataset, type Dataset } from './dataset';

interface Layer {
  W: Float64Array;
  b: Float64Array;
  out: number;
  inp: number;
}

export interface TrainingPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export const BATCH_SIZE = 32;

export class Trainer {
  readonly data: Dataset;
  layers: Layer[] = [];
  history: TrainingPoint[] = [];
  step = 0;
  lr: number;
  lambda: number;
  private order: number[] = [];
  private cursor = 0;
  private shuffle: ReturnType<typeof rng>;

  constructor(readonly setup: TrainingSetup) {
    this.lr = setup.lr;
    this.lambda = setup.lambda;
    this.data = makeDataset(setup.dataset, setup.points, setup.seed);
    this.shuffle = rng(setup.seed + 1);
    this.reset();
  }

  /** New weights from the setup's seed and initialization; clears the history. */
  reset(initScheme: TrainingSetup['init'] = this.setup.init, seed = this.setup.seed): void {
    const r = rng(seed);
    const sizes = [2, ...this.setup.hidden, 1];
    this.layers = sizes.slice(1).map((out, l) => {
      const inp = sizes[l];
      const a = initBound(initScheme, inp, out);
      const W = new Float64Array(out * inp).map(() => r.uniform(-a, a));
      return { W, b: new Float64Array(out), out, inp };
    });
    this.history = [];
    this.step = 0;
    this.shuffle = rng(seed + 1);
    this.order = [];
    this.cursor = 0;
  }

  /** Logits for rows of X, as engine tensors; returns the parameter leaves too (for backward). */
  private forward(X: number[][]): { z: Tensor; params: { W: Tensor; b: Tensor }[] } {
    let a = tensor(X, { label: 'x' });
    const params = this.layers.map((L, l) => ({
      W: tensor(L.W.slice(), { shape: [L.out, L.inp], label: `W${l + 1}`, kind: 'parameter' }),
      b: tensor(L.b.slice(), { shape: [L.out], label: `b${l + 1}`, kind: 'parameter' }),
    }));
    params.forEach((p, l) => {
      a = a.matmul(p.W.transpose()).add(p.b);
      if (l < params.length - 1) a = activate(a, this.setup.activation);
    });
    return { z: a, params };
  }

  private nextBatch(): number[] {
    const n = this.data.x.length;
    const batch: number[] = [];
    while (batch.length < Math.min(BATCH_SIZE, n)) {
      if (this.cursor >= this.order.length) {
        this.order = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = this.shuffle.int(i + 1);
          [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
        }
        this.cursor = 0;
      }
      batch.push(this.order[this.cursor++]);
    }
    return batch;
  }

  /** One SGD step on one mini-batch. Returns the full-data loss and accuracy after the step. */
  train(): TrainingPoint {
    const idx = this.nextBatch();
    const { z, params } = this.forward(idx.map((i) => this.data.x[i]));
    const t = tensor(
      idx.map((i) => [this.data.y[i]]),
      { label: 't' },
    );
    const absZ = z.relu().add(z.neg().relu());
    const loss = z.relu().sub(z.mul(t)).add(absZ.neg().exp().add(1).log()).mean();
    loss.backward();
    params.forEach((p, l) => {
      const L = this.layers[l];
      const gW = p.W.grad?.data;
      const gb = p.b.grad?.data;
      for (let k = 0; k < L.W.length; k++) L.W[k] -= this.lr * ((gW?.[k] ?? 0) + this.lambda * L.W[k]);
      for (let k = 0; k < L.b.length; k++) L.b[k] -= this.lr * (gb?.[k] ?? 0);
    });
    this.step++;
    const point = { step: this.step, ...this.evaluate() };
    this.history.push(point);
    return point;
  }

  /** Full-data regularized loss and accuracy, forward only. */
  evaluate(): { loss: number; accuracy: number } {
    const z = this.forward(this.data.x).z.data;
    let loss = 0;
    let correct = 0;
    z.forEach((zi, i) => {
      const ti = this.data.y[i];
      loss += Math.max(zi, 0) - zi * ti + Math.log1p(Math.exp(-Math.abs(zi)));
      if ((zi > 0 ? 1 : 0) === ti) correct++;
    });
    const decay = this.layers.reduce((s, L) => s + L.W.reduce((a, w) => a + w * w, 0), 0);
    return { loss: loss / z.length + (this.lambda / 2) * decay, accuracy: correct / z.length };
  }

  /** p(y = 1 | x) on a res×res grid over [−1, 1]², row-major from the top-left (x₂ = 1). */
  grid(res: number): Float64Array {
    const pts: number[][] = [];
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) pts.push([-1 + (2 * c + 1) / res, 1 - (2 * r + 1) / res]);
    }
    const z = this.forward(pts).z.data;
    return z.map((v) => 1 / (1 + Math.exp(-v)));
  }
}
