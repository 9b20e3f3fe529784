/**
 * Node names within one graph, the same every time the graph is built.
 *
 * The rule (the only place it is decided): a node's name is its label when it has one; an unlabelled node is
 * `#k`, where k is its 1-based position in `topoOrder(root)` (program order: the nodes as the code computed
 * them, each leaf just before its first use; so `#k` is also the forward step that computes the node). That
 * order depends only on the graph, each op's argument order and the order the nodes were made, never on the
 * ids' values, so building the same graph twice gives the same names, while ids (unique per process) differ
 * every time.
 *
 * Labels are used as they are: two nodes with the same label share a name, as the lesson that labelled them
 * intended. `graphOf`, `trace` and everything the view and the reports show use these names; ids stay the
 * keys that join nodes, edges and events.
 */
import type { GraphNode } from './types';

/** The name of a node with this label at this 1-based position of its graph's topological order. */
export function nodeName(label: string, position: number): string {
  return label !== '' ? label : `#${position}`;
}

/**
 * The output's name in gradients (∂L/∂x): the root's label, or `L` (a loss, in the lecture's notation) when it
 * has none. Its node name (`#k` when unlabelled) still names it as a node.
 */
export function lossName(rootLabel: string): string {
  return rootLabel !== '' ? rootLabel : 'L';
}

/** Every node of a topological order (as `topoOrder(root)` gives it) with its name. */
export function nodeNames<N extends GraphNode>(order: readonly N[]): Map<N, string> {
  const names = new Map<N, string>();
  order.forEach((n, i) => names.set(n, nodeName(n.label, i + 1)));
  return names;
}
