/**
 * numericGrad(root, node): ∂root/∂node by central differences, (f(v + ε) − f(v − ε)) / 2ε per element of the
 * node's value, re-running the forward pass with `evaluate`. Works for any node, intermediate ones included.
 */
import { EngineError } from '../core/errors';
import { nameOf } from '../core/plain';
import type { GraphNode, NodeValue } from '../core/types';
import { elementOf, sizeOfValue, valueOf, withElement } from '../graph/access';
import { evaluate } from '../graph/evaluate';

/** The one number of a one-element output. */
function scalarOutput(v: NodeValue, root: GraphNode): number {
  if (typeof v === 'number') return v;
  if (v.data.length !== 1) {
    throw new EngineError(
      `numericGrad: root '${nameOf(root)}' has shape [${v.shape.join(',')}]; it must have one element`,
    );
  }
  return v.data[0] as number;
}

export function numericGrad(root: GraphNode, node: GraphNode, eps = 1e-6): NodeValue {
  const v = valueOf(node);
  const out = new Float64Array(sizeOfValue(v));
  for (let j = 0; j < out.length; j++) out[j] = numericElement(root, node, j, eps);
  return typeof v === 'number' ? (out[0] as number) : { shape: v.shape, data: out };
}

/** ∂root/∂node[j] (row-major element j) by one central difference. */
export function numericElement(root: GraphNode, node: GraphNode, j: number, eps = 1e-6): number {
  scalarOutput(valueOf(root), root);
  const v = valueOf(node);
  const x = elementOf(v, j);
  const plus = scalarOutput(evaluate(root, [[node, withElement(v, j, x + eps)]]).output, root);
  const minus = scalarOutput(evaluate(root, [[node, withElement(v, j, x - eps)]]).output, root);
  return (plus - minus) / (2 * eps);
}
