/** Shared builders for the nn tests: seeded tensors and a scalar loss Σ r ⊙ y for gradchecks. */
import { gradcheck, tensor, value, Tensor, Value, type NodeKind, getOp } from '../../../engine/index';
import { expect } from 'vitest';
import { maxAbsDiff, randomArray } from './numeric';

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

/** The tensor-mode gradients of Σ r ⊙ out for each input (r as in lowerAndBackprop). */
function tensorGrads(out: Tensor): number[][] {
  weightedSum(out).backward();
  return out.inputs.map((t) => Array.from(t.grad?.data ?? new Float64Array(t.size)));
}

/** The op's scalar lowering gives the same outputs and the same input gradients as its tensor rule. */
export function expectLoweringAgrees(out: Tensor): void {
  const { values, grads } = lowerAndBackprop(out);
  expect(maxAbsDiff(values, out.data)).toBeLessThan(1e-12);
  const tg = tensorGrads(out);
  out.inputs.forEach((t, i) => {
    if (t.kind === 'constant') return;
    expect(maxAbsDiff(grads[i], tg[i])).toBeLessThan(1e-10);
  });
}
