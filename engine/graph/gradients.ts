/**
 * One backward pass computed into a map, leaving every `.grad` untouched: for gradcheck, numeric checks and
 * anything that wants gradients without the accumulate-into-.grad semantics of `backward()`.
 */
import { EngineError } from '../core/errors';
import { topoOrder } from '../core/topo';
import type { GraphNode, NodeValue } from '../core/types';
import { Value } from '../scalar/value';
import { seedFor, tensorGrads } from '../tensor/backward';
import { Tensor, type TensorLike } from '../tensor/tensor';

/** ∂root/∂node for every node under `root`, keyed by node id (zero for nodes the gradient does not reach). */
export function gradients(root: GraphNode, seed?: Tensor | TensorLike): Map<number, NodeValue> {
  const out = new Map<number, NodeValue>();
  if (root instanceof Value) {
    const order = topoOrder(root);
    const g = new Map<Value, number>([[root, typeof seed === 'number' ? seed : 1]]);
    for (let k = order.length - 1; k >= 0; k--) {
      const n = order[k] as Value;
      const up = g.get(n) ?? 0;
      out.set(n.id, up);
      if (!n.rule) continue;
      const x = n.inputs.map((i) => i.data);
      n.inputs.forEach((inp, i) =>
        g.set(
          inp,
          (g.get(inp) ?? 0) + up * (n.rule as NonNullable<Value['rule']>).local(x, n.data, n.attrs, i),
        ),
      );
    }
    return out;
  }
  if (root instanceof Tensor) {
    const order = topoOrder(root);
    const grads = tensorGrads(order, root, seedFor(root, seed));
    for (const n of order) out.set(n.id, { shape: n.shape, data: grads.get(n) ?? new Float64Array(n.size) });
    return out;
  }
  throw new EngineError('gradients: root must be a Value or a Tensor');
}
