/**
 * Tensor-mode modules, PyTorch-style: a module owns its parameters (Tensors of kind 'parameter'), lists them
 * with `parameters()`, clears their gradients with `zeroGrad()`, and switches train/eval mode (which
 * dropout and batch norm read). The lecture's MLP:
 *   f(x) = W^{[L]} σ(… σ(W^{[1]} x + b^{[1]}) …) + b^{[L]}
 */
import { EngineError } from '../core/errors';
import { Tensor } from '../tensor/tensor';
import { constantInit, uniformFanIn } from './init';
import { batchNorm, conv2d, dropout, linear } from './layers';
import { rng as makeRng, type Rng } from './rng';

export abstract class Module {
  /** Train mode by default, as in PyTorch. */
  training = true;

  abstract forward(x: Tensor): Tensor;
  /** The trainable tensors, in a fixed order (optimizers keep their state by position). */
  abstract parameters(): Tensor[];

  /** Sub-modules, so train()/eval() reach them. */
  children(): Module[] {
    return [];
  }

  /** The weight matrices and filters only (no biases): what weight decay and `l2` are usually applied to. */
  weights(): Tensor[] {
    return this.parameters().filter((p) => p.ndim > 1);
  }

  train(mode = true): this {
    this.training = mode;
    for (const c of this.children()) c.train(mode);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Reset every parameter's gradient to zeros (kept as a Tensor, so views can still read it). */
  zeroGrad(): void {
    for (const p of this.parameters()) if (p.grad) p.grad.data.fill(0);
  }
}

export interface LinearOptions {
  bias?: boolean;
  /** Draws the initial weights (U(±1/√in), PyTorch's default); default rng(0). */
  rng?: Rng;
  /** Layer number for labels: W[l] and b[l] (the lecture's W^{[l]}, b^{[l]}). */
  layer?: number;
}

/** z = x Wᵀ + b with W [out, in] and b [out], both U(−1/√in, 1/√in) like torch.nn.Linear. */
export class Linear extends Module {
  readonly W: Tensor;
  readonly b: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    opts: LinearOptions = {},
  ) {
    super();
    const r = opts.rng ?? makeRng(0);
    const tag = opts.layer === undefined ? '' : `[${opts.layer}]`;
    this.W = uniformFanIn([outFeatures, inFeatures], r, inFeatures, `W${tag}`);
    this.b = opts.bias === false ? null : uniformFanIn([outFeatures], r, inFeatures, `b${tag}`);
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.W, this.b);
  }

  parameters(): Tensor[] {
    return this.b ? [this.W, this.b] : [this.W];
  }
}

export interface Conv2dModuleOptions {
  stride?: number;
  padding?: number;
  bias?: boolean;
  rng?: Rng;
  label?: string;
}

/** Filters w [outC, inC, k, k] and bias [outC], U(±1/√(inC·k·k)) like torch.nn.Conv2d. */
export class Conv2d extends Module {
  readonly w: Tensor;
  readonly b: Tensor | null;
  readonly stride: number;
  readonly padding: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernel: number,
    opts: Conv2dModuleOptions = {},
  ) {
    super();
    const r = opts.rng ?? makeRng(0);
    const fanIn = inChannels * kernel * kernel;
    const name = opts.label ?? 'conv';
    this.w = uniformFanIn([outChannels, inChannels, kernel, kernel], r, fanIn, `${name}.w`);
    this.b = opts.bias === false ? null : uniformFanIn([outChannels], r, fanIn, `${name}.b`);
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding ?? 0;
  }

  forward(x: Tensor): Tensor {
    return conv2d(x, this.w, this.b, { stride: this.stride, padding: this.padding });
  }

  parameters(): Tensor[] {
    return this.b ? [this.w, this.b] : [this.w];
  }
}

/** Inverted dropout as a module: drops units in train mode (masks drawn from its rng), identity in eval. */
export class Dropout extends Module {
  private readonly rng: Rng;

  constructor(
    readonly p: number,
    opts: { rng?: Rng } = {},
  ) {
    super();
    this.rng = opts.rng ?? makeRng(0);
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, { training: this.training, rng: this.rng });
  }

  parameters(): Tensor[] {
    return [];
  }
}

/**
 * Batch normalization over C channels (input [N,C] or [N,C,H,W]) with learnable γ (ones) and β (zeros), and
 * running statistics (zeros and ones, kind 'constant') updated in train mode and used in eval mode.
 */
export class BatchNorm extends Module {
  readonly gamma: Tensor;
  readonly beta: Tensor;
  readonly runningMean: Tensor;
  readonly runningVar: Tensor;
  readonly momentum: number;
  readonly eps: number;

  constructor(
    readonly channels: number,
    opts: { momentum?: number; eps?: number; label?: string } = {},
  ) {
    super();
    const name = opts.label ?? 'bn';
    this.gamma = constantInit([channels], 1, `${name}.γ`);
    this.beta = constantInit([channels], 0, `${name}.β`);
    this.runningMean = constantInit([channels], 0, `${name}.μ_run`);
    this.runningVar = constantInit([channels], 1, `${name}.σ²_run`);
    this.runningMean.kind = 'constant';
    this.runningVar.kind = 'constant';
    this.momentum = opts.momentum ?? 0.1;
    this.eps = opts.eps ?? 1e-5;
  }

  forward(x: Tensor): Tensor {
    return batchNorm(x, this.gamma, this.beta, {
      training: this.training,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      momentum: this.momentum,
      eps: this.eps,
    });
  }

  parameters(): Tensor[] {
    return [this.gamma, this.beta];
  }
}

/** A step of a Sequential: a module, or a parameter-free function such as `(x) => x.relu()`. */
export type Step = Module | ((x: Tensor) => Tensor);

/** Modules and functions applied in order, e.g. conv → relu → pool → flatten → linear for a small CNN. */
export class Sequential extends Module {
  readonly steps: readonly Step[];

  constructor(...steps: Step[]) {
    super();
    this.steps = steps;
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const s of this.steps) y = s instanceof Module ? s.forward(y) : s(y);
    return y;
  }

  parameters(): Tensor[] {
    return this.children().flatMap((m) => m.parameters());
  }

  override children(): Module[] {
    return this.steps.filter((s): s is Module => s instanceof Module);
  }
}

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

export function activate(x: Tensor, a: Activation): Tensor {
  switch (a) {
    case 'relu':
      return x.relu();
    case 'tanh':
      return x.tanh();
    case 'sigmoid':
      return x.sigmoid();
    case 'linear':
      return x;
  }
}

export function checkActivation(a: unknown): Activation {
  if (a === 'relu' || a === 'tanh' || a === 'sigmoid' || a === 'linear') return a;
  throw new EngineError(
    `MLP: activation must be 'relu', 'tanh', 'sigmoid' or 'linear', got ${JSON.stringify(a)}`,
  );
}

export function checkSizes(who: string, sizes: readonly number[]): void {
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new EngineError(
      `${who}: sizes must be at least two positive integers [in, …, out], got ${JSON.stringify(sizes)}`,
    );
}

export interface MLPOptions {
  rng?: Rng;
}

/**
 * Fully connected layers sizes[0] → sizes[1] → … → sizes[L]: the activation after every layer but the
 * last, whose output is the logits (feed them to crossEntropy). Layer l's parameters are labelled W[l], b[l].
 */
export class MLP extends Module {
  readonly layers: Linear[];
  readonly activation: Activation;

  constructor(
    readonly sizes: readonly number[],
    activation: Activation = 'relu',
    opts: MLPOptions = {},
  ) {
    super();
    checkSizes('MLP', sizes);
    this.activation = checkActivation(activation);
    const r = opts.rng ?? makeRng(0);
    this.layers = [];
    for (let l = 1; l < sizes.length; l++)
      this.layers.push(new Linear(sizes[l - 1], sizes[l], { rng: r, layer: l }));
  }

  forward(x: Tensor): Tensor {
    let a = x;
    this.layers.forEach((layer, l) => {
      const z = layer.forward(a);
      a = l < this.layers.length - 1 ? activate(z, this.activation) : z;
    });
    return a;
  }

  parameters(): Tensor[] {
    return this.layers.flatMap((l) => l.parameters());
  }

  override children(): Module[] {
    return this.layers;
  }
}
