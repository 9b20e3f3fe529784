/**
 * Losses with PyTorch's definitions and `reduction` ('mean' by default). Each works in tensor mode (one
 * registry op node) and in scalar mode (built from Value ops with the same formulas), chosen by the type of
 * the first argument:
 *   crossEntropy(logits: Tensor [N,C] | [C], target: class indices)         → Tensor
 *   crossEntropy(logits: Value[] (one sample) | Value[][] (rows), target)   → Value
 *   mseLoss / l1Loss / bceLoss / bceWithLogitsLoss / klDivLoss(x, y)         → Tensor, or Value for Value inputs
 * In scalar mode the reduction is 'mean' or 'sum' (a single Value); use tensors for 'none'.
 */
import { EngineError } from '../core/errors';
import { constant, Value } from '../scalar/value';
import { applyOp, asTensor, tensor, Tensor } from '../tensor/tensor';
import type { Nested } from '../tensor/layout';
import type { OpDef } from '../ops/opdef';
import { crossEntropyOp, crossEntropyTerm, nllLossOp } from '../ops/nn/classification';
import {
  bceLossOp,
  bceWithLogitsLossOp,
  klDivLossOp,
  l1LossOp,
  mseLossOp,
  TERMS,
} from '../ops/nn/pointwise-losses';
import { checkReduction, lowerReduction, type KlReduction, type Reduction } from '../ops/nn/reduction';

export type { KlReduction, Reduction };

export interface LossOptions {
  reduction?: Reduction;
}

/** Class indices: a Tensor, an array of integers, or one integer (for a single [C] row). */
export type ClassTarget = Tensor | readonly number[] | number;

/** Values to compare against in scalar mode: Values or plain numbers, one per prediction. */
export type ScalarTarget = Value | number | readonly (Value | number)[];

function isScalarMode(x: unknown): boolean {
  if (x instanceof Value) return true;
  if (!Array.isArray(x) || x.length === 0) return false;
  const first: unknown = Array.isArray(x[0]) ? x[0][0] : x[0];
  return first instanceof Value;
}

function classTensor(op: string, target: ClassTarget): Tensor {
  if (target instanceof Tensor) return target;
  if (typeof target !== 'number' && !Array.isArray(target))
    throw new EngineError(`${op}: target must be class indices (a Tensor, number[] or number)`);
  return tensor(target as Nested, { kind: 'constant', label: 'y' });
}

function scalarReduction(op: string, reduction: unknown): Reduction {
  const r = checkReduction(op, reduction ?? 'mean');
  if (r === 'none')
    throw new EngineError(`${op}: reduction 'none' is for tensors; scalar mode gives one Value`);
  return r as Reduction;
}

/** ℓ_i = ln Σ_ŷ exp z_{iŷ} − z_{i,y_i}, the lecture's softmax cross-entropy on logits, with class indices. */
export function crossEntropy(logits: Tensor, target: ClassTarget, opts?: LossOptions): Tensor;
export function crossEntropy(
  logits: readonly Value[] | readonly (readonly Value[])[],
  target: number | readonly number[],
  opts?: LossOptions,
): Value;
export function crossEntropy(
  logits: Tensor | readonly Value[] | readonly (readonly Value[])[],
  target: ClassTarget,
  opts: LossOptions = {},
): Tensor | Value {
  if (!(logits instanceof Tensor) && isScalarMode(logits)) {
    const reduction = scalarReduction('crossEntropy', opts.reduction);
    const rows = (Array.isArray(logits[0]) ? logits : [logits]) as readonly (readonly Value[])[];
    const ys = typeof target === 'number' ? [target] : (target as readonly number[]);
    if (!Array.isArray(ys) || ys.length !== rows.length)
      throw new EngineError(
        `crossEntropy: ${rows.length} rows of logits but ${Array.isArray(ys) ? ys.length : 0} targets`,
      );
    const terms = rows.map((row, i) => {
      const y = ys[i];
      if (!Number.isInteger(y) || y < 0 || y >= row.length)
        throw new EngineError(`crossEntropy: target[${i}] = ${y} is not a class index in [0, ${row.length})`);
      return crossEntropyTerm(row, y);
    });
    return lowerReduction(terms, reduction, rows.length)[0];
  }
  if (!(logits instanceof Tensor)) throw new EngineError('crossEntropy: logits must be a Tensor or Values');
  const reduction = checkReduction('crossEntropy', opts.reduction ?? 'mean');
  return applyOp(crossEntropyOp, [logits, classTensor('crossEntropy', target)], { reduction });
}

/** ℓ_i = −a_{i,y_i} on log-probabilities a (e.g. logSoftmax output), with class indices. */
export function nllLoss(logProbs: Tensor, target: ClassTarget, opts: LossOptions = {}): Tensor {
  if (!(logProbs instanceof Tensor)) throw new EngineError('nllLoss: logProbs must be a Tensor');
  const reduction = checkReduction('nllLoss', opts.reduction ?? 'mean');
  return applyOp(nllLossOp, [logProbs, classTensor('nllLoss', target)], { reduction });
}

function pointwise(
  op: OpDef,
  x: Tensor | Value | readonly Value[],
  y: unknown,
  reduction: string,
): Tensor | Value {
  if (isScalarMode(x)) {
    const r = scalarReduction(op.name, reduction);
    const xs = x instanceof Value ? [x] : (x as readonly Value[]);
    const ysRaw = Array.isArray(y) ? (y as readonly (Value | number)[]) : [y as Value | number];
    if (ysRaw.length !== xs.length)
      throw new EngineError(`${op.name}: ${xs.length} predictions but ${ysRaw.length} targets`);
    const ys = ysRaw.map((v) => (v instanceof Value ? v : constant(v)));
    const term = TERMS[op.name];
    return lowerReduction(
      xs.map((v, i) => term.lower(v, ys[i])),
      r,
      xs.length,
    )[0];
  }
  if (!(x instanceof Tensor)) throw new EngineError(`${op.name}: input must be a Tensor or Values`);
  const target = y instanceof Tensor ? y : asTensor(y as Nested, op.name);
  if (!(y instanceof Tensor)) target.label = 'y';
  return applyOp(op, [x, target], {
    reduction: checkReduction(op.name, reduction, op.name === 'klDivLoss'),
  });
}

type PointwiseLoss = {
  (x: Tensor, y: Tensor | Nested, opts?: LossOptions): Tensor;
  (x: Value | readonly Value[], y: ScalarTarget, opts?: LossOptions): Value;
};

function make(op: OpDef): PointwiseLoss {
  return ((x: Tensor | Value | readonly Value[], y: unknown, opts: LossOptions = {}) =>
    pointwise(op, x, y, opts.reduction ?? 'mean')) as PointwiseLoss;
}

/** ℓ_i = (x_i − y_i)² */
export const mseLoss = make(mseLossOp);
/** ℓ_i = |x_i − y_i| */
export const l1Loss = make(l1LossOp);
/** ℓ_i = −(y ln x + (1 − y) ln(1 − x)), x probabilities, logs clamped at −100 as PyTorch does. */
export const bceLoss = make(bceLossOp);
/** ℓ_i = max(x, 0) − x·y + ln(1 + e^{−|x|}): BCE on logits x, numerically stable. */
export const bceWithLogitsLoss = make(bceWithLogitsLossOp);

export interface KlDivOptions {
  /** 'batchmean' divides the sum by the batch size (the KL divergence per sample); 'mean' by the element count. */
  reduction?: KlReduction;
}

/** ℓ_i = y_i (ln y_i − x_i): x log-probabilities, y probabilities (PyTorch's kl_div, log_target=False). */
export function klDivLoss(input: Tensor, target: Tensor | Nested, opts?: KlDivOptions): Tensor;
export function klDivLoss(input: Value | readonly Value[], target: ScalarTarget, opts?: KlDivOptions): Value;
export function klDivLoss(
  input: Tensor | Value | readonly Value[],
  target: unknown,
  opts: KlDivOptions = {},
): Tensor | Value {
  if (isScalarMode(input) && opts.reduction === 'batchmean')
    throw new EngineError("klDivLoss: 'batchmean' needs a batch dimension; use tensors");
  return pointwise(klDivLossOp, input, target, opts.reduction ?? 'mean');
}
