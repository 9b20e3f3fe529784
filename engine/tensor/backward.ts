/**
 * Tensor backward: topological order (creation order, see below), then a reverse loop calling each op's vector-Jacobian
 * product and adding it — reduced to the input's shape by `unbroadcast` — into the input's gradient.
 * `tensorGrads` computes one pass's gradients without touching any node; `backward` adds them into `.grad`.
 */
import { EngineError, NonFiniteError } from '../core/errors';
import { backwardNonFinite, forwardNonFinite } from '../core/nonfinite';
import { topoOrder } from '../core/topo';
import type { GraphNode, TensorData } from '../core/types';
import { td } from './kernels';
import { sizeOf } from './layout';
import { NO_ATTRS } from '../core/ids';
import { Tensor, asTensor, checkSameShape, type TensorLike } from './tensor';
import { unbroadcast } from './unbroadcast';

/** ∂L/∂(root) as data: 1 for a one-element root, else the given seed (which must have root's shape). */
export function seedFor(root: Tensor, seed: Tensor | TensorLike | undefined): Float64Array {
  if (seed === undefined) {
    if (root.size !== 1) {
      throw new EngineError(
        `backward: a seed is required for a non-scalar output (shape [${root.shape.join(',')}])`,
      );
    }
    return new Float64Array([1]);
  }
  const s = asTensor(seed, 'backward seed');
  if (s.size === 1 && root.size === 1) return s.data.slice();
  checkSameShape(root.shape, s.shape, 'backward: seed');
  return s.data.slice();
}

/** One backward pass: node → ∂L/∂node, in the node's shape. Nodes that receive no gradient are absent. */
export function tensorGrads(
  order: readonly Tensor[],
  root: Tensor,
  seed: Float64Array,
): Map<Tensor, Float64Array> {
  const grads = new Map<Tensor, Float64Array>([[root, seed]]);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as Tensor;
    const g = grads.get(n);
    const rule = n.def?.tensor;
    if (!g || !rule) continue;
    const gOut = td(n.shape, g);
    for (let i = 0; i < n.inputs.length; i++) {
      const x = n.inputs[i] as Tensor;
      // A constant leaf needs no gradient and passes none on (like requires_grad=False): skip its vjp,
      // e.g. ∂L/∂X of a data batch marked constant, a third of an MLP's backward matmul work.
      if (x.kind === 'constant' && x.def === null) continue;
      const v = rule.vjp(n.inputs, n, gOut, n.attrs, n.saved, i);
      if (v === null) continue;
      accumulate(grads, x, reduceTo(v, x, n, i));
    }
  }
  return grads;
}

/** A vjp result reduced to input x's shape, checked (a wrong-sized vjp is an op bug: name it). */
export function reduceTo(v: TensorData, x: Tensor, n: Tensor, i: number): Float64Array {
  const r = unbroadcast(v, x.shape);
  if (r.data.length !== sizeOf(x.shape)) {
    throw new EngineError(
      `${n.op}: vjp for input ${i} has shape [${v.shape.join(',')}], input is [${x.shape.join(',')}]`,
    );
  }
  return r.data;
}

function accumulate(grads: Map<Tensor, Float64Array>, x: Tensor, v: Float64Array): void {
  const prev = grads.get(x);
  if (!prev) {
    grads.set(x, v.slice()); // vjps may return their upstream array itself
    return;
  }
  for (let j = 0; j < prev.length; j++) prev[j] = (prev[j] as number) + (v[j] as number);
}

/** `root.backward(seed)`: one pass, checked for NaN/±∞, then added into `.grad`. */
export function backwardTensor(root: Tensor, seed: Tensor | TensorLike | undefined): void {
  const s = seedFor(root, seed);
  // Creation order (ids increase as nodes are made, inputs first), the order scalar `Value.backward` sums in
  // (engine/scalar/tape.ts): so a Value graph and the same graph of one-element tensors add each node's
  // gradient contributions in the same order and agree to the last bit.
  const order = topoOrder(root).sort((p, q) => p.id - q.id);
  const valueOf = (n: GraphNode) => n as Tensor;
  const fwd = forwardNonFinite(order, valueOf);
  if (fwd) throw new NonFiniteError(fwd);
  const grads = tensorGrads(order, root, s);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as Tensor;
    const g = grads.get(n);
    if (g && !allFinite(g)) throw new NonFiniteError(backwardNonFinite(n, td(n.shape, g), valueOf));
  }
  for (const n of order) {
    const constantLeaf = n.kind === 'constant' && n.def === null;
    if (constantLeaf) continue; // no gradient for constants: their .grad stays null
    const g = grads.get(n) ?? new Float64Array(n.size);
    if (n.grad === null) {
      n.grad = new Tensor(
        [...n.shape],
        g,
        'leaf',
        [],
        NO_ATTRS,
        null,
        undefined,
        'constant',
        `∂L/∂${n.label || n.op}`,
      );
    } else {
      const d = n.grad.data;
      for (let j = 0; j < d.length; j++) d[j] = (d[j] as number) + (g[j] as number);
    }
  }
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    if (x - x !== 0) return false; // NaN − NaN and ∞ − ∞ are NaN
  }
  return true;
}
