/**
 * How a loss turns its per-element terms ℓ_i into its output, as PyTorch's `reduction`:
 *   'none' → the ℓ_i themselves,  'sum' → Σ_i ℓ_i,  'mean' → (1/n) Σ_i ℓ_i,
 *   'batchmean' (klDivLoss only) → (1/N) Σ_i ℓ_i with N the batch size (the first dimension).
 * Backward is the same rule read the other way: each ℓ_i receives ∂L/∂ℓ_i = g_i, g, or g/n.
 */
import { EngineError } from '../../core/errors';
import type { AttrValue, TensorData } from '../../core/types';
import type { Value } from '../../scalar/value';

export type Reduction = 'mean' | 'sum' | 'none';
export type KlReduction = Reduction | 'batchmean';

export function checkReduction(op: string, r: unknown, allowBatchmean = false): KlReduction {
  const ok = r === 'mean' || r === 'sum' || r === 'none' || (allowBatchmean && r === 'batchmean');
  if (!ok) {
    const allowed = allowBatchmean ? "'mean', 'sum', 'none' or 'batchmean'" : "'mean', 'sum' or 'none'";
    throw new EngineError(`${op}: reduction must be ${allowed}, got ${JSON.stringify(r)}`);
  }
  return r as KlReduction;
}

/** The divisor of the reduction: 1 for sum/none, n for mean, the batch size for batchmean. */
function divisor(reduction: AttrValue | undefined, n: number, batch: number): number {
  if (reduction === 'mean') return n;
  if (reduction === 'batchmean') return batch;
  return 1;
}

/** Apply the reduction to the per-element terms (laid out in `elemShape`). */
export function reduceLoss(
  terms: Float64Array,
  elemShape: readonly number[],
  reduction: AttrValue | undefined,
  batch: number,
): TensorData {
  if (reduction === 'none') return { shape: elemShape, data: terms };
  let s = 0;
  for (let i = 0; i < terms.length; i++) s += terms[i];
  return { shape: [], data: Float64Array.of(s / divisor(reduction, terms.length, batch)) };
}

/** ∂L/∂ℓ_i for every term, from the upstream gradient of the loss's output. */
export function termGrads(
  gOut: TensorData,
  n: number,
  reduction: AttrValue | undefined,
  batch: number,
): Float64Array {
  if (reduction === 'none') return gOut.data;
  return new Float64Array(n).fill(gOut.data[0] / divisor(reduction, n, batch));
}

/** `  (z = logits, y = y)`: which inputs the formula's symbols stand for, omitting a symbol named as itself. */
export function where(pairs: readonly (readonly [string, string | undefined])[]): string {
  const shown = pairs
    .filter(([sym, label]) => label && label !== sym)
    .map(([sym, label]) => `${sym} = ${label}`);
  return shown.length ? `  (${shown.join(', ')})` : '';
}

/** The reduction in the inspector's words, wrapped around a term's formula. */
export function reductionText(reduction: AttrValue | undefined, term: string, n: string): string {
  if (reduction === 'none') return term;
  if (reduction === 'sum') return `Σ ${term}`;
  if (reduction === 'batchmean') return `(1/N) Σ ${term}`;
  return `(1/${n}) Σ ${term}`;
}

/** The same reduction over lowered terms: a chain of adds, times 1/n for the means. */
export function lowerReduction(terms: Value[], reduction: AttrValue | undefined, batch: number): Value[] {
  if (reduction === 'none') return terms;
  let s = terms[0];
  for (let i = 1; i < terms.length; i++) s = s.add(terms[i]);
  const d = divisor(reduction, terms.length, batch);
  return [d === 1 ? s : s.mul(1 / d)];
}
