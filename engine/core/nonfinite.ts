/**
 * Finding where a NaN or ±∞ came from: the first node (in topological order) whose value is non-finite
 * although its inputs' values are finite, or — in backward — the first node whose gradient went non-finite.
 * Both modes use these; `valueOf` reads a node's value. `names` (from `nodeNames`, as `trace` passes them)
 * names the node by its stable name within the graph; without it (the errors `backward()` throws) the message
 * names it by label or `op#id`, with its id.
 */
import { firstBad, isFiniteValue, nameOf, toPlain } from './plain';
import type { GraphNode, NodeValue, NonFiniteReport } from './types';

/** How a message names a node: `'name'` within a graph, else `'label or op#id' (#id)`. */
function quoted(n: GraphNode, names?: ReadonlyMap<GraphNode, string>): string {
  const name = names?.get(n);
  return name !== undefined ? `'${name}'` : `'${nameOf(n)}' (#${n.id})`;
}

export function forwardNonFinite(
  order: readonly GraphNode[],
  valueOf: (n: GraphNode) => NodeValue,
  names?: ReadonlyMap<GraphNode, string>,
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
        `forward: ${n.op} node ${quoted(n, names)} produced ${firstBad(v)} from finite inputs` +
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
  names?: ReadonlyMap<GraphNode, string>,
): NonFiniteReport {
  return {
    phase: 'backward',
    node: n.id,
    op: n.op,
    label: n.label,
    inputValues: n.inputs.map((i) => toPlain(valueOf(i))),
    message: `backward: gradient of ${n.op} node ${quoted(n, names)} became ${firstBad(grad)} although all values were finite`,
  };
}
