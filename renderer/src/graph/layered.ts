/**
 * A fast layered layout for large graphs (dagre's crossing minimisation grows too slow past a few hundred
 * nodes). Linear time, and laid out for stepping: the nodes a student steps through one after another sit
 * next to each other, so the view (zoomed in on a large graph) glides along instead of jumping.
 *
 * - Ranks: each node one rank before its first consumer ("as late as possible"; the output, consumed by
 *   nothing, after its deepest input). A neuron's chain `b + w0·x0 + w1·x1 + …` then runs along the flow,
 *   each weight and product next to the sum that takes it, rather than every product of every neuron
 *   stacked in one tall column after the inputs.
 * - Within a rank: in the order the forward pass computes the nodes (the order of `nodes`, the program order
 *   of engine/core/topo.ts), so one neuron's nodes share a band across the ranks, one band per neuron.
 */
export interface LayoutNode {
  id: number;
  inputs: readonly number[];
  w: number;
  h: number;
}

export interface LayeredOptions {
  direction: 'LR' | 'TB';
  rankSep: number;
  nodeSep: number;
}

/** `nodes` must be in topological order (inputs before consumers), as a trace's forward events are. */
export function layeredPositions(
  nodes: readonly LayoutNode[],
  opts: LayeredOptions,
): Map<number, { x: number; y: number }> {
  const rank = new Map<number, number>();
  const firstUse = new Map<number, number>();
  // Longest path from the leaves: a lower bound for every node, and the rank of the nodes nothing consumes.
  for (const n of nodes) {
    let r = 0;
    for (const i of n.inputs) r = Math.max(r, (rank.get(i) ?? 0) + 1);
    rank.set(n.id, r);
  }
  // Then, consumers first, each node one rank before its earliest consumer.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k]!;
    const r = rank.get(n.id)!;
    const use = firstUse.get(n.id);
    const mine = use === undefined ? r : use - 1;
    rank.set(n.id, mine);
    for (const i of n.inputs) {
      const u = firstUse.get(i);
      if (u === undefined || mine < u) firstUse.set(i, mine);
    }
  }
  const ranks: LayoutNode[][] = [];
  for (const n of nodes) (ranks[rank.get(n.id)!] ??= []).push(n);
  const pos = new Map<number, { x: number; y: number }>();
  const along = opts.direction === 'LR' ? 'w' : 'h';
  const across = opts.direction === 'LR' ? 'h' : 'w';
  let offset = 0;
  for (const group of ranks) {
    if (!group) continue;
    let depth = 0;
    let total = opts.nodeSep * (group.length - 1);
    for (const n of group) {
      depth = Math.max(depth, n[along]);
      total += n[across];
    }
    const a = offset + depth / 2;
    let c = -total / 2;
    for (const n of group) {
      const mid = c + n[across] / 2;
      pos.set(n.id, opts.direction === 'LR' ? { x: a, y: mid } : { x: mid, y: a });
      c += n[across] + opts.nodeSep;
    }
    offset += depth + opts.rankSep;
  }
  return pos;
}
