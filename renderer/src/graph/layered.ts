/**
 * A fast layered layout for large graphs (dagre's crossing minimisation grows too slow past a few hundred
 * nodes): ops by longest path from the leaves, each leaf one rank before its first consumer, and within a
 * rank the nodes ordered by the mean position of their inputs (one barycentre sweep). Linear time.
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
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rank = new Map<number, number>();
  const consumers = new Map<number, number[]>();
  for (const n of nodes) {
    let r = 0;
    for (const i of n.inputs) {
      r = Math.max(r, (rank.get(i) ?? 0) + 1);
      const c = consumers.get(i);
      if (c) c.push(n.id);
      else consumers.set(i, [n.id]);
    }
    rank.set(n.id, n.inputs.length ? r : 0);
  }
  // Leaves sit just before their first consumer rather than all in column 0.
  for (const n of nodes) {
    if (n.inputs.length) continue;
    const cs = consumers.get(n.id);
    if (cs) rank.set(n.id, Math.max(0, Math.min(...cs.map((c) => rank.get(c)!)) - 1));
  }
  const ranks: LayoutNode[][] = [];
  for (const n of nodes) (ranks[rank.get(n.id)!] ??= []).push(n);
  const order = new Map<number, number>();
  const pos = new Map<number, { x: number; y: number }>();
  const along = opts.direction === 'LR' ? 'w' : 'h';
  const across = opts.direction === 'LR' ? 'h' : 'w';
  let offset = 0;
  for (const group of ranks) {
    if (!group) continue;
    const key = (n: LayoutNode): number => {
      const placed = n.inputs.map((i) => order.get(i)).filter((v): v is number => v !== undefined);
      if (placed.length) return placed.reduce((a, b) => a + b, 0) / placed.length;
      const cs = (consumers.get(n.id) ?? []).map((c) => byId.get(c)!);
      // A leaf: near the other inputs of its consumer.
      const sib = cs
        .flatMap((c) => c.inputs.map((i) => order.get(i)))
        .filter((v): v is number => v !== undefined);
      return sib.length ? sib.reduce((a, b) => a + b, 0) / sib.length : order.size;
    };
    const keyed = group.map((n) => ({ n, k: key(n) })).sort((a, b) => a.k - b.k);
    const depth = Math.max(...group.map((n) => n[along]));
    const total = keyed.reduce((s, { n }) => s + n[across], 0) + opts.nodeSep * (keyed.length - 1);
    let y = -total / 2;
    keyed.forEach(({ n }, i) => {
      order.set(n.id, i - (keyed.length - 1) / 2);
      const c = y + n[across] / 2;
      const a = offset + depth / 2;
      pos.set(n.id, opts.direction === 'LR' ? { x: a, y: c } : { x: c, y: a });
      y += n[across] + opts.nodeSep;
    });
    offset += depth + opts.rankSep;
  }
  return pos;
}
