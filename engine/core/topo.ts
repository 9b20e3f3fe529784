/**
 * The graph's topological order, as a student reads the program that built it ("program order"): the
 * function nodes in the order they were computed (creation order, by id), each preceded by those of its
 * leaf inputs not placed yet (in argument order). So the forward pass steps as the code ran: an MLP layer by
 * layer, neuron by neuron, as the lecture computes a^{[1]} before z^{[2]}; a weight is shown where it is
 * first used, not all of them first. A depth-first order from the root would interleave the layers (a
 * neuron of layer 2 would start summing before layer 1 is done).
 *
 * It is also the order the backward passes use (scalar sweep, tensor backward: creation order), so `trace`
 * adds each gradient's contributions in the same order as `.backward()` and gets the same bits.
 *
 * The nodes are found by an iterative depth-first walk, so a chain a million nodes deep does not overflow
 * the call stack. Should ids ever not follow the dependencies (a node made before one of its inputs, which
 * the engine's ops never do), the depth-first order is returned as it is.
 */
import type { GraphNode } from './types';

export function topoOrder<N extends GraphNode>(root: N): N[] {
  const reached = depthFirst(root);
  const fns = reached.filter((n) => n.inputs.length > 0);
  if (fns.length === 0) return reached;
  if (!fns.every((n, i) => i === 0 || (fns[i - 1] as N).id < n.id)) fns.sort((p, q) => p.id - q.id);
  const order: N[] = [];
  const placed = new Set<GraphNode>();
  for (const f of fns) {
    for (const x of f.inputs) {
      if (placed.has(x)) continue;
      // A function input not placed yet was made after `f`: keep the depth-first order.
      if (x.inputs.length > 0) return reached;
      placed.add(x);
      order.push(x as N);
    }
    placed.add(f);
    order.push(f);
  }
  return order;
}

/** Inputs before the nodes that use them, root last; iterative. */
function depthFirst<N extends GraphNode>(root: N): N[] {
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
