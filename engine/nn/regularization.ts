/**
 * L2 regularization: l2(params) = Σ_p ‖p‖² = Σ_p Σ_i p_i², so (λ/2)·l2(W) is the lecture's weight-decay term
 * (λ/2)‖w‖₂², with gradient λ w. Built from the engine's pow and sum (tensors) or mul and add (Values), so
 * it appears in the graph like any other term of the loss.
 */
import { EngineError } from '../core/errors';
import { Value } from '../scalar/value';
import { Tensor } from '../tensor/tensor';

export function l2(params: readonly Tensor[]): Tensor;
export function l2(params: readonly Value[]): Value;
export function l2(params: readonly (Tensor | Value)[]): Tensor | Value {
  if (!Array.isArray(params) || params.length === 0)
    throw new EngineError('l2: needs a non-empty array of parameters');
  if (params.every((p) => p instanceof Tensor)) {
    return (params as Tensor[]).map((p) => p.pow(2).sum()).reduce((a, b) => a.add(b));
  }
  if (params.every((p) => p instanceof Value)) {
    return (params as Value[]).map((p) => p.mul(p)).reduce((a, b) => a.add(b));
  }
  throw new EngineError('l2: parameters must be all Tensors or all Values');
}
