/**
 * Weight initialization, reproducible from an `Rng` (elements drawn in row-major order). The lecture's
 * heuristics, with fan_in and fan_out computed as PyTorch does: for a weight of shape [out, in, k…],
 * receptive = Π k…, fan_in = in · receptive, fan_out = out · receptive (so [out,in] for linear, [O,C,kH,kW] for conv).
 *   uniformFanIn:  U(−1/√fan_in, 1/√fan_in)                (PyTorch's default for Linear/Conv weights and biases)
 *   glorotUniform: U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out)))   (Glorot & Bengio 2010)
 *   heNormal:      N(0, 2/fan_in)                            (He et al. 2015, for ReLU layers)
 * Each returns a new `Tensor` of kind 'parameter'.
 */
import { EngineError, shapeStr } from '../core/errors';
import { tensor, type Tensor } from '../tensor/tensor';
import type { Rng } from './rng';

export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** fan_in and fan_out of a weight of this shape (at least 2-d), as torch.nn.init computes them. */
export function fans(shape: readonly number[]): Fans {
  if (shape.length < 2)
    throw new EngineError(
      `init: fan_in and fan_out need a weight with at least 2 dims, got ${shapeStr(shape)} (pass fanIn for a bias)`,
    );
  let receptive = 1;
  for (let d = 2; d < shape.length; d++) receptive *= shape[d];
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

function fill(shape: readonly number[], label: string, draw: () => number): Tensor {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new EngineError(`init: bad shape ${shapeStr(shape)}`);
    n *= d;
  }
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = draw();
  return tensor(data, { shape, kind: 'parameter', label });
}

/** U(−1/√fan_in, 1/√fan_in); give `fanIn` for a 1-d bias (the fan_in of its layer's weight). */
export function uniformFanIn(
  shape: readonly number[],
  r: Rng,
  fanIn = fans(shape).fanIn,
  label = '',
): Tensor {
  const bound = 1 / Math.sqrt(fanIn);
  return fill(shape, label, () => r.uniform(-bound, bound));
}

export function glorotUniform(shape: readonly number[], r: Rng, label = ''): Tensor {
  const { fanIn, fanOut } = fans(shape);
  const bound = Math.sqrt(6 / (fanIn + fanOut));
  return fill(shape, label, () => r.uniform(-bound, bound));
}

export function heNormal(shape: readonly number[], r: Rng, label = ''): Tensor {
  const std = Math.sqrt(2 / fans(shape).fanIn);
  return fill(shape, label, () => std * r.normal());
}

/** A parameter filled with one number (zeros for biases, ones for batch-norm's γ). */
export function constantInit(shape: readonly number[], v: number, label = ''): Tensor {
  return fill(shape, label, () => v);
}

/** The initializers as one namespace: `init.glorotUniform([out, in], rng(1))`. */
export const init = { uniformFanIn, glorotUniform, heNormal, constant: constantInit, fans };
