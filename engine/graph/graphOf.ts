/** graphOf(root): the plain, JSON-serializable nodes and edges the view draws, each node with its name. */
import { nodeName } from '../core/names';
import { toPlain } from '../core/plain';
import { topoOrder } from '../core/topo';
import type { GraphEdgeJSON, GraphJSON, GraphNode, GraphNodeJSON } from '../core/types';
import { defOf, gradOf, shapeOf, valueOf } from './access';

export function graphOf(root: GraphNode): GraphJSON {
  const order = topoOrder(root);
  const nodes: GraphNodeJSON[] = [];
  const edges: GraphEdgeJSON[] = [];
  order.forEach((n, i) => {
    const g = gradOf(n);
    nodes.push({
      id: n.id,
      kind: n.kind,
      op: n.op,
      symbol: defOf(n).symbol,
      label: n.label,
      name: nodeName(n.label, i + 1),
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
  });
  return { nodes, edges, root: root.id };
}
