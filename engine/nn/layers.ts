/**
 * The lecture's layers as functions on Tensors (NCHW for images). Each builds one registry op node, so
 * backward, trace, the debugger and lowering all see it; the math lives with the op in engine/ops/nn/.
 */
import { EngineError, shapeStr } from '../core/errors';
import { applyOp, tensor, Tensor } from '../tensor/tensor';
import { batchNormOp, checkBnShapes } from '../ops/nn/batchnorm';
import { conv2dOp } from '../ops/nn/conv2d';
import { dropoutOp } from '../ops/nn/dropout';
import { linearOp } from '../ops/nn/linear';
import { avgPool2dOp, maxPool2dOp } from '../ops/nn/pool';
import { channelStats } from './kernels/batchnorm';
import type { Rng } from './rng';

function need(x: unknown, op: string, what: string): Tensor {
  if (!(x instanceof Tensor))
    throw new EngineError(`${op}: ${what} must be a Tensor, got ${x === null ? 'null' : typeof x}`);
  return x;
}

/** z = x Wᵀ + b with x [N,in] (or [in]), W [out,in] as PyTorch stores it, b [out] (optional). */
export function linear(x: Tensor, W: Tensor, b?: Tensor | null): Tensor {
  const ins = [need(x, 'linear', 'x'), need(W, 'linear', 'W')];
  if (b) ins.push(need(b, 'linear', 'b'));
  return applyOp(linearOp, ins);
}

export interface Conv2dOptions {
  stride?: number;
  padding?: number;
}

/** Cross-correlation as PyTorch's conv2d: x [N,C,H,W], w [outC,C,kH,kW], b [outC] optional. */
export function conv2d(x: Tensor, w: Tensor, b?: Tensor | null, opts: Conv2dOptions = {}): Tensor {
  const ins = [need(x, 'conv2d', 'x'), need(w, 'conv2d', 'w')];
  if (b) ins.push(need(b, 'conv2d', 'b'));
  return applyOp(conv2dOp, ins, { stride: opts.stride ?? 1, padding: opts.padding ?? 0 });
}

export interface PoolOptions {
  kernel: number;
  /** Defaults to the kernel size (non-overlapping windows), as in PyTorch. */
  stride?: number;
}

export function maxPool2d(x: Tensor, opts: PoolOptions): Tensor {
  return applyOp(maxPool2dOp, [need(x, 'maxPool2d', 'x')], {
    kernel: opts.kernel,
    stride: opts.stride ?? opts.kernel,
  });
}

export function avgPool2d(x: Tensor, opts: PoolOptions): Tensor {
  return applyOp(avgPool2dOp, [need(x, 'avgPool2d', 'x')], {
    kernel: opts.kernel,
    stride: opts.stride ?? opts.kernel,
  });
}

export interface DropoutOptions {
  /** Training mode drops units; eval mode returns x itself. Default true, as PyTorch's F.dropout. */
  training?: boolean;
  /** Draws the mask (each unit kept when rng() ≥ p); required in training mode so runs are reproducible. */
  rng?: Rng;
}

/**
 * Inverted dropout: in training each unit is kept with probability 1 − p and scaled by 1/(1 − p), so eval
 * needs no rescaling. The 0/1 mask becomes a constant input node labelled 'mask' (visible in the debugger).
 */
export function dropout(x: Tensor, p: number, opts: DropoutOptions = {}): Tensor {
  need(x, 'dropout', 'x');
  if (!(typeof p === 'number' && p >= 0 && p <= 1))
    throw new EngineError(`dropout: p must be in [0, 1], got ${p}`);
  const training = opts.training ?? true;
  if (!training || p === 0) return x;
  const r = opts.rng;
  if (!r) throw new EngineError('dropout: training mode needs { rng } to draw a reproducible mask');
  const m = new Float64Array(x.size);
  for (let i = 0; i < m.length; i++) m[i] = r() >= p ? 1 : 0;
  const mask = tensor(m, { shape: x.shape, kind: 'constant', label: 'mask' });
  return applyOp(dropoutOp, [x, mask], { p });
}

export interface BatchNormOptions {
  /** Batch statistics (and a running-statistics update) in training; running statistics in eval. */
  training: boolean;
  /** [C], updated in place in training: μ_run ← (1 − momentum) μ_run + momentum μ_batch. Required in eval. */
  runningMean?: Tensor;
  /** [C], updated in place in training with the unbiased batch variance σ² · m/(m − 1). Required in eval. */
  runningVar?: Tensor;
  momentum?: number;
  eps?: number;
}

/** Batch normalization over N (and H, W for 4-d input), PyTorch semantics; γ, β are [C]. */
export function batchNorm(x: Tensor, gamma: Tensor, beta: Tensor, opts: BatchNormOptions): Tensor {
  const ins = [need(x, 'batchNorm', 'x'), need(gamma, 'batchNorm', 'gamma'), need(beta, 'batchNorm', 'beta')];
  const { training, runningMean, runningVar } = opts;
  const momentum = opts.momentum ?? 0.1;
  const eps = opts.eps ?? 1e-5;
  if (!training) {
    if (!runningMean || !runningVar)
      throw new EngineError('batchNorm: eval mode needs runningMean and runningVar');
    ins.push(need(runningMean, 'batchNorm', 'runningMean'), need(runningVar, 'batchNorm', 'runningVar'));
    return applyOp(batchNormOp, ins, { training: false, eps });
  }
  const g = checkBnShapes(x.shape, [gamma.shape, beta.shape]);
  const m = g.N * g.inner;
  // As PyTorch: one value per channel has no variance to normalize by.
  if (m < 2)
    throw new EngineError(
      `batchNorm: training needs more than one value per channel, got x ${shapeStr(x.shape)}`,
    );
  const out = applyOp(batchNormOp, ins, { training: true, eps });
  if (runningMean || runningVar) {
    const { mean, variance } = channelStats(x.data, g);
    checkBnShapes(x.shape, [
      gamma.shape,
      beta.shape,
      runningMean?.shape ?? [g.C],
      runningVar?.shape ?? [g.C],
    ]);
    if (runningMean) {
      for (let c = 0; c < g.C; c++)
        runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mean[c];
    }
    if (runningVar) {
      for (let c = 0; c < g.C; c++)
        runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * ((variance[c] * m) / (m - 1));
    }
  }
  return out;
}
