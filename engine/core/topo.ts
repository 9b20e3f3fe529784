/**
 * Topological order by an iterative depth-first walk (inputs before the nodes that use them, root last).
 * Iterative so that a chain a million nodes deep does not overflow the call stack.
 */
import type { GraphNode } from './types';

export function topoOrder<N extends GraphNode>(root: N): N[] {
  const order: N[] = [];
  const seen = new Set<GraphNode>([root]);
  const stack: GraphNode[] = [root];
  // Each stack entry's inputs, read once (a scalar Value builds its `inputs` array on request).
  const inputs: (readonly GraphNode[])[] = [root.inputs];
  const next: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top] as GraphNode;
    const ins = inputs[top] as readonly GraphNode[];
    const i = next[top] as number;
    if (i < ins.length) {
      next[top] = i + 1;
      const input = ins[i] as GraphNode;
      if (!seen.has(input)) {
        seen.add(input);
        stack.push(input);
        inputs.push(input.inputs);
        next.push(0);
      }
    } else {
      stack.pop();
      inputs.pop();
      next.pop();
      // All nodes reachable from an N are Ns: scalar and tensor graphs do not mix.
      order.push(node as N);
    }
  }
  return order;
}
