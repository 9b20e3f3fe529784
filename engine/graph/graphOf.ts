/** graphOf(root): the plain, JSON-serializable nodes and edges the view draws. */
import { toPlain } from '../core/plain';
import { topoOrder } from '../core/topo';
import type { GraphEdgeJSON, GraphJSON, GraphNode, GraphNodeJSON } from '../core/types';
import { defOf, gradOf, shapeOf, valueOf } from './access';

export function graphOf(root: GraphNode): GraphJSON {
  const order = topoOrder(root);
  const nodes: GraphNodeJSON[] = [];
  const edges: GraphEdgeJSON[] = [];
  for (const n of order) {
    const g = gradOf(n);
    nodes.push({
      id: n.id,
      kind: n.kind,
      op: n.op,
      symbol: defOf(n).symbol,
      label: n.label,
      mode: n.mode,
      shape: [...shapeOf(n)],
      value: toPlain(valueOf(n)),
      grad: g === null ? null : toPlain(g),
      inputs: n.inputs.map((i) => i.id),
      attrs: { ...n.attrs },
      isOutput: n === root,
    });
    n.inputs.forEach((inp, index) =>
      edges.push({ id: `${inp.id}->${n.id}:${index}`, source: inp.id, target: n.id, index }),
    );
  }
  return { nodes, edges, root: root.id };
}
