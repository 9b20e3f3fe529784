/**
 * Optimizers with PyTorch's update rules, on Tensors (in place on `.data`) or on scalar Values. With weight
 * decay λ the gradient used is g = ∂L/∂w + λ w (the gradient of the lecture's (λ/2)‖w‖²).
 *   SGD:   v ← μ v + g (v = g at the first step),  w ← w − η v        (μ = 0: w ← w − η g)
 *   Adam:  m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
 *          m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),  w ← w − η m̂/(√v̂ + ε)
 * A parameter whose gradient was never computed (Tensor `.grad` null) is skipped, as in PyTorch.
 */
import { EngineError } from '../core/errors';
import { Value } from '../scalar/value';
import { Tensor } from '../tensor/tensor';

export type Param = Tensor | Value;

/** One parameter's storage seen as arrays, so the update loops are written once for both modes. */
interface Slot {
  data(): Float64Array | null;
  grad(): Float64Array | null;
  commit(d: Float64Array): void;
}

function slotOf(p: Param, who: string, i: number): Slot {
  if (p instanceof Tensor)
    return {
      data: () => p.data,
      grad: () => (p.grad ? p.grad.data : null),
      commit: () => {},
    };
  if (p instanceof Value) {
    const d = new Float64Array(1);
    const g = new Float64Array(1);
    return {
      data: () => ((d[0] = p.data), d),
      grad: () => ((g[0] = p.grad), g),
      commit: (v) => (p.data = v[0]),
    };
  }
  throw new EngineError(`${who}: parameter ${i} is neither a Tensor nor a Value`);
}

function checkNumber(who: string, name: string, v: number, min = 0): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
    throw new EngineError(`${who}: ${name} must be a finite number ≥ ${min}, got ${v}`);
  return v;
}

abstract class Optimizer {
  protected readonly slots: Slot[];

  constructor(
    readonly params: readonly Param[],
    who: string,
  ) {
    if (!Array.isArray(params)) throw new EngineError(`${who}: params must be an array of Tensors or Values`);
    this.slots = params.map((p, i) => slotOf(p, who, i));
  }

  /** Reset the gradients of all parameters (zeros for Tensors that have one, 0 for Values). */
  zeroGrad(): void {
    for (const p of this.params) {
      if (p instanceof Tensor) p.grad?.data.fill(0);
      else p.grad = 0;
    }
  }

  abstract step(): void;
}

export interface SGDOptions {
  lr: number;
  momentum?: number;
  weightDecay?: number;
}

export class SGD extends Optimizer {
  readonly lr: number;
  readonly momentum: number;
  readonly weightDecay: number;
  private readonly velocity: (Float64Array | null)[];

  constructor(params: readonly Param[], opts: SGDOptions) {
    super(params, 'SGD');
    this.lr = checkNumber('SGD', 'lr', opts.lr);
    this.momentum = checkNumber('SGD', 'momentum', opts.momentum ?? 0);
    this.weightDecay = checkNumber('SGD', 'weightDecay', opts.weightDecay ?? 0);
    this.velocity = params.map(() => null);
  }

  step(): void {
    const { lr, momentum: mu, weightDecay: wd } = this;
    this.slots.forEach((s, k) => {
      const g = s.grad();
      const w = s.data();
      if (!g || !w) return;
      let v = this.velocity[k];
      if (mu !== 0 && !v) {
        // PyTorch starts the buffer at the first gradient itself.
        v = this.velocity[k] = new Float64Array(w.length);
        for (let i = 0; i < w.length; i++) v[i] = g[i] + wd * w[i];
        for (let i = 0; i < w.length; i++) w[i] -= lr * v[i];
      } else if (v) {
        for (let i = 0; i < w.length; i++) {
          v[i] = mu * v[i] + g[i] + wd * w[i];
          w[i] -= lr * v[i];
        }
      } else {
        for (let i = 0; i < w.length; i++) w[i] -= lr * (g[i] + wd * w[i]);
      }
      s.commit(w);
    });
  }
}

export interface AdamOptions {
  lr: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
}

export class Adam extends Optimizer {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  /** Steps taken (t in the bias corrections). */
  t = 0;
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];

  constructor(params: readonly Param[], opts: AdamOptions) {
    super(params, 'Adam');
    this.lr = checkNumber('Adam', 'lr', opts.lr);
    const [b1, b2] = opts.betas ?? [0.9, 0.999];
    if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1))
      throw new EngineError(`Adam: betas must be in [0, 1), got [${b1}, ${b2}]`);
    this.betas = [b1, b2];
    this.eps = checkNumber('Adam', 'eps', opts.eps ?? 1e-8);
    this.weightDecay = checkNumber('Adam', 'weightDecay', opts.weightDecay ?? 0);
    this.m = this.slots.map((s) => new Float64Array(s.data()?.length ?? 0));
    this.v = this.slots.map((s) => new Float64Array(s.data()?.length ?? 0));
  }

  step(): void {
    this.t++;
    const [b1, b2] = this.betas;
    const { lr, eps, weightDecay: wd } = this;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    this.slots.forEach((s, k) => {
      const g = s.grad();
      const w = s.data();
      if (!g || !w) return;
      const m = this.m[k];
      const v = this.v[k];
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + wd * w[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
      s.commit(w);
    });
  }
}
