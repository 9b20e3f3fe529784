/**
 * The debugger's one door into the engine: record a trace of a graph, and keep the root (outside Vue's
 * reactivity) for the two things that need the engine again: a leaf edit (`evaluate` with the new value,
 * committed into the nodes, then a fresh trace) and a central-difference derivative at any node.
 */
import {
  evaluate,
  nodeName,
  numericGrad,
  trace,
  type GraphNode,
  type NodeValue,
  type PlainValue,
  type Trace,
} from '../../../engine';
import type { DebugSession } from '../stores/trace';

function toNodeValue(v: PlainValue): NodeValue {
  return typeof v === 'number' ? v : { shape: v.shape, data: Float64Array.from(v.data) };
}
function toPlain(v: NodeValue): PlainValue {
  return typeof v === 'number' ? v : { shape: [...v.shape], data: Array.from(v.data) };
}

export function sessionFor(root: GraphNode): { trace: Trace; session: DebugSession } {
  const byId = new Map<number, GraphNode>();
  const stack: GraphNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (byId.has(n.id)) continue;
    byId.set(n.id, n);
    stack.push(...n.inputs);
  }
  // The root comes last in the topological order, so an unlabelled root is `#<number of nodes>`.
  const rootName = nodeName(root.label, byId.size);
  const nodeOf = (id: number): GraphNode => {
    const n = byId.get(id);
    if (!n) throw new Error(`debugger: no node with id ${id} in the graph of '${rootName}'`);
    return n;
  };
  const session: DebugSession = {
    retrace(id, value) {
      evaluate(root, [[nodeOf(id), toNodeValue(value)]], { commit: true });
      return trace(root);
    },
    numericGrad(id, eps) {
      return toPlain(numericGrad(root, nodeOf(id), eps));
    },
  };
  return { trace: trace(root), session };
}
