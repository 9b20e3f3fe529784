/**
 * Finding where a NaN or ±∞ came from: the first node (in topological order) whose value is non-finite
 * although its inputs' values are finite, or — in backward — the first node whose gradient went non-finite.
 * Both modes use these; `valueOf` reads a node's value.
 */
import { firstBad, isFiniteValue, nameOf, toPlain } from './plain';
import type { GraphNode, NodeValue, NonFiniteReport } from './types';

export function forwardNonFinite(
  order: readonly GraphNode[],
  valueOf: (n: GraphNode) => NodeValue,
): NonFiniteReport | null {
  for (const n of order) {
    const v = valueOf(n);
    if (isFiniteValue(v)) continue;
    if (!n.inputs.every((i) => isFiniteValue(valueOf(i)))) continue;
    const ins = n.inputs.map(valueOf);
    return {
      phase: 'forward',
      node: n.id,
      op: n.op,
      label: n.label,
      inputValues: ins.map(toPlain),
      message:
        `forward: ${n.op} node '${nameOf(n)}' (#${n.id}) produced ${firstBad(v)} from finite inputs` +
        (ins.length
          ? ` (${ins.map((x) => (typeof x === 'number' ? String(x) : `shape [${x.shape.join(',')}]`)).join(', ')})`
          : ''),
    };
  }
  return null;
}

export function backwardNonFinite(
  n: GraphNode,
  grad: NodeValue,
  valueOf: (n: GraphNode) => NodeValue,
): NonFiniteReport {
  return {
    phase: 'backward',
    node: n.id,
    op: n.op,
    label: n.label,
    inputValues: n.inputs.map((i) => toPlain(valueOf(i))),
    message: `backward: gradient of ${n.op} node '${nameOf(n)}' (#${n.id}) became ${firstBad(grad)} although all values were finite`,
  };
}
