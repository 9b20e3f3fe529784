/** Shared builders for the nn tests: seeded tensors and a scalar loss Σ r ⊙ y for gradchecks. */
import { gradcheck, tensor, value, Tensor, Value, type NodeKind, getOp } from '../../../engine/index';
import { randomArray } from './numeric';

export function rand(shape: number[], seed: number, kind: NodeKind = 'parameter', lo = -1, hi = 1): Tensor {
  const n = shape.reduce((a, d) => a * d, 1);
  return tensor(randomArray(n, seed, lo, hi), { shape, kind });
}

/** L = Σ r ⊙ y with a fixed random r: every output element gets a distinct upstream gradient. */
export function weightedSum(y: Tensor, seed = 99): Tensor {
  return y.mul(rand(y.shape, seed, 'constant')).sum();
}

/** Asserts the engine's gradcheck passes for every non-constant leaf, returning its summary. */
export function expectGradcheck(root: Tensor | Value): string {
  const r = gradcheck(root);
  if (!r.pass) throw new Error(`${r.summary.text}\n${r.failures.slice(0, 5).join('\n')}`);
  return r.summary.text;
}

/**
 * Lower the op that made `out` with its own `tensor.lower`, backpropagate Σ r ⊙ y in scalar mode, and return
 * the lowered outputs and every input's scalar gradients (to compare with the tensor values and grads).
 */
export function lowerAndBackprop(out: Tensor, seed = 99): { values: number[]; grads: number[][] } {
  const def = getOp(out.op);
  const ins = out.inputs.map((t) => Array.from(t.data, (v) => value(v)));
  const lowered = def.tensor!.lower(
    ins,
    out.inputs.map((t) => t.shape),
    out.shape,
    out.attrs,
    out.saved,
  );
  const r = randomArray(out.size, seed, -1, 1);
  let loss: Value = lowered[0].mul(r[0]);
  for (let i = 1; i < lowered.length; i++) loss = loss.add(lowered[i].mul(r[i]));
  loss.backward();
  return { values: lowered.map((v) => v.data), grads: ins.map((xs) => xs.map((v) => v.grad)) };
}
