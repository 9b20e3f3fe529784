/**
 * The lowered scalar graph as plain data for drawing: one block per tensor node (its scalar nodes, drawn as
 * a Cytoscape compound node), and the elements to show for a given set of expanded blocks. A collapsed
 * block is one node; edges into or out of it are merged (with a count), edges inside it are hidden.
 *
 * Only scalar nodes that reach the loss are drawn (backward visits only those): e.g. the losing elements of
 * a max, or a dropout mask's zeros times nothing, are counted in `unreached` instead.
 */
import type { ElementDefinition } from 'cytoscape';
import { elementLabel, fmt, getOp, topoOrder, type Lowering, type Tensor, type Value } from '../../../engine';
import { topoValues } from '../../../engine/scalar/value';

export interface ScalarNodeInfo {
  id: number;
  /** The tensor node whose block holds it. */
  block: number;
  /**
   * Display text: an element's name (`W[0,1]`, `#2[0,1]` for an unlabelled tensor) or, for an intermediate,
   * the op's symbol and its place in the lowered graph's topological order (`×#12`), as `graphOf` numbers it.
   */
  name: string;
  op: string;
  kind: string;
  value: number;
  grad: number;
  /** The tensor element it holds, if it is one (not an intermediate such as a matmul's partial sum). */
  element: { node: number; index: number } | null;
}

export interface BlockInfo {
  /** = the tensor node id. */
  id: number;
  label: string;
  op: string;
  shape: number[];
  /** Drawn scalar nodes in this block. */
  size: number;
}

export interface ScalarModel {
  nodes: Map<number, ScalarNodeInfo>;
  edges: { source: number; target: number }[];
  blocks: Map<number, BlockInfo>;
  /** Blocks in the tensor graph's topological order, empty ones (reshape, transpose) left out. */
  blockOrder: number[];
  /** Scalar nodes created by the lowering that do not reach the loss (not drawn). */
  unreached: number;
  /** The engine's Values by id, for the chain-rule panel (the model is held raw, outside Vue's reactivity). */
  values: Map<number, Value>;
  /** Value id → the ids of the nodes that use it, in order, once per use (x·x uses x twice). */
  consumers: Map<number, number[]>;
}

export const blockId = (tensorId: number): string => `b${tensorId}`;
export const scalarId = (valueId: number): string => `s${valueId}`;

function symbolOf(op: string): string {
  try {
    return getOp(op).symbol || op;
  } catch {
    return op;
  }
}

export function scalarModel(low: Lowering): ScalarModel {
  const tensors = new Map<number, Tensor>();
  for (const t of topoOrder(low.order[low.order.length - 1] as Tensor)) tensors.set(t.id, t);
  const drawn = topoValues(low.root);
  const place = new Map<Value, number>();
  topoOrder(low.root).forEach((v, i) => place.set(v, i + 1));
  const tensorLabel = (t: Tensor): string => low.names.get(t.id) ?? t.label;
  const nodes = new Map<number, ScalarNodeInfo>();
  const edges: { source: number; target: number }[] = [];
  const sizes = new Map<number, number>();
  const values = new Map<number, Value>();
  const consumers = new Map<number, number[]>();
  for (const v of drawn) {
    values.set(v.id, v);
    const block = low.blockOf.get(v.id) as number;
    const element = low.tensorOf.get(v.id) ?? null;
    const t = element ? tensors.get(element.node) : undefined;
    // Intermediates are named by their op and place (×#17), so the chain-rule lines can refer to them.
    const name =
      t && element
        ? elementLabel(tensorLabel(t), t.shape, element.index)
        : `${symbolOf(v.op)}#${place.get(v) as number}`;
    nodes.set(v.id, { id: v.id, block, name, op: v.op, kind: v.kind, value: v.data, grad: v.grad, element });
    sizes.set(block, (sizes.get(block) ?? 0) + 1);
    for (const c of v.inputs as readonly Value[]) {
      edges.push({ source: c.id, target: v.id });
      const list = consumers.get(c.id);
      if (list) list.push(v.id);
      else consumers.set(c.id, [v.id]);
    }
  }
  const blocks = new Map<number, BlockInfo>();
  const blockOrder: number[] = [];
  for (const t of low.order) {
    const size = sizes.get(t.id) ?? 0;
    if (size === 0) continue;
    blocks.set(t.id, { id: t.id, label: tensorLabel(t), op: t.op, shape: [...t.shape], size });
    blockOrder.push(t.id);
  }
  return { nodes, edges, blocks, blockOrder, unreached: low.blockOf.size - drawn.length, values, consumers };
}

/** The label of a collapsed block: its name, and what it stands for. */
export function collapsedLabel(b: BlockInfo): string {
  const what = b.op === 'leaf' ? `${b.size} input${b.size === 1 ? '' : 's'}` : `${b.op} · ${b.size} nodes`;
  return `${b.label}\n${what}`;
}

export function scalarLabel(n: ScalarNodeInfo): string {
  return `${n.name}\n${fmt(n.value)}`;
}

/** Width for a scalar node's label at the compare view's 10 px monospace (about 6.2 px a character). */
export function scalarWidth(n: ScalarNodeInfo): number {
  return Math.min(LAYOUT.dx - 8, Math.max(50, Math.ceil(Math.max(n.name.length, 7) * 6.2 + 12)));
}

/**
 * Cytoscape elements for the model with the blocks in `expanded` open (as compound nodes with their scalar
 * nodes inside) and the others collapsed to one node each.
 */
export function visibleElements(model: ScalarModel, expanded: ReadonlySet<number>): ElementDefinition[] {
  const els: ElementDefinition[] = [];
  for (const id of model.blockOrder) {
    const b = model.blocks.get(id) as BlockInfo;
    const open = expanded.has(id);
    els.push({
      group: 'nodes',
      data: {
        id: blockId(id),
        block: id,
        label: open ? `${b.label} (${b.op === 'leaf' ? 'input' : b.op})` : collapsedLabel(b),
        w: 120,
        h: 44,
      },
      classes: open ? ['block', 'open'] : ['block', 'collapsed'],
    });
  }
  const rep = (valueId: number): string => {
    const n = model.nodes.get(valueId) as ScalarNodeInfo;
    return expanded.has(n.block) ? scalarId(valueId) : blockId(n.block);
  };
  for (const n of model.nodes.values()) {
    if (!expanded.has(n.block)) continue;
    const cls = [`kind-${n.kind}`];
    if (n.element) cls.push('element');
    els.push({
      group: 'nodes',
      data: {
        id: scalarId(n.id),
        vid: n.id,
        block: n.block,
        parent: blockId(n.block),
        label: scalarLabel(n),
        w: 64,
        h: 34,
      },
      classes: cls,
    });
  }
  const merged = new Map<string, { source: string; target: string; count: number }>();
  for (const e of model.edges) {
    const s = rep(e.source);
    const t = rep(e.target);
    if (s === t) continue; // inside a collapsed block
    const key = `${s}>${t}`;
    const m = merged.get(key);
    if (m) m.count++;
    else merged.set(key, { source: s, target: t, count: 1 });
  }
  for (const [key, m] of merged) {
    els.push({
      group: 'edges',
      data: {
        id: `e:${key}`,
        source: m.source,
        target: m.target,
        count: m.count,
        label: m.count > 1 ? `×${m.count}` : '',
      },
      classes: m.count > 1 ? ['merged'] : [],
    });
  }
  return els;
}

/** Spacing of the preset layout, in model units. */
export const LAYOUT = { dx: 120, dy: 46, rowsPerColumn: 24, blockGap: 40, rankGap: 90 } as const;

/**
 * Positions for the visible elements, left to right: blocks in columns by their depth in the tensor graph,
 * and inside an open block its scalar nodes in layers by their depth within the block (a layer taller than
 * `rowsPerColumn` wraps into more columns). Linear in the graph's size; dagre on compound graphs is far too
 * slow here (about 2 s for 100 scalar nodes, minutes for 600).
 */
export function blockLayout(
  model: ScalarModel,
  expanded: ReadonlySet<number>,
): Map<string, { x: number; y: number }> {
  const { dx, dy, rowsPerColumn, blockGap, rankGap } = LAYOUT;
  // Depth of each block among blocks, and of each scalar node within its block.
  const rank = new Map<number, number>();
  const local = new Map<number, number>();
  const inputsOf = new Map<number, number[]>();
  for (const e of model.edges) {
    const list = inputsOf.get(e.target);
    if (list) list.push(e.source);
    else inputsOf.set(e.target, [e.source]);
  }
  for (const n of model.nodes.values()) {
    let r = rank.get(n.block) ?? 0;
    let d = 0;
    for (const s of inputsOf.get(n.id) ?? []) {
      const src = model.nodes.get(s) as ScalarNodeInfo;
      if (src.block === n.block) d = Math.max(d, (local.get(s) ?? 0) + 1);
      else r = Math.max(r, (rank.get(src.block) ?? 0) + 1);
    }
    rank.set(n.block, r);
    local.set(n.id, d);
  }
  // Per open block: its layers, each wrapped into columns; size in rows and columns.
  const layers = new Map<number, number[][]>();
  for (const n of model.nodes.values()) {
    if (!expanded.has(n.block)) continue;
    let ls = layers.get(n.block);
    if (!ls) layers.set(n.block, (ls = []));
    const d = local.get(n.id) as number;
    while (ls.length <= d) ls.push([]);
    (ls[d] as number[]).push(n.id);
  }
  const size = (id: number): { cols: number; rows: number } => {
    const ls = layers.get(id);
    if (!ls) return { cols: 1, rows: 1 };
    let cols = 0;
    let rows = 1;
    for (const l of ls) {
      cols += Math.max(1, Math.ceil(l.length / rowsPerColumn));
      rows = Math.max(rows, Math.min(l.length, rowsPerColumn));
    }
    return { cols, rows };
  };
  const byRank: number[][] = [];
  for (const id of model.blockOrder) {
    const r = rank.get(id) ?? 0;
    while (byRank.length <= r) byRank.push([]);
    (byRank[r] as number[]).push(id);
  }
  const pos = new Map<string, { x: number; y: number }>();
  let x0 = 0;
  for (const ids of byRank) {
    let y0 = 0;
    let widest = 1;
    for (const id of ids) {
      const { cols, rows } = size(id);
      widest = Math.max(widest, cols);
      const ls = layers.get(id);
      if (!ls) pos.set(blockId(id), { x: x0, y: y0 });
      else {
        let col = 0;
        for (const l of ls) {
          l.forEach((vid, k) => {
            const c = col + Math.floor(k / rowsPerColumn);
            pos.set(scalarId(vid), { x: x0 + c * dx, y: y0 + (k % rowsPerColumn) * dy });
          });
          col += Math.max(1, Math.ceil(l.length / rowsPerColumn));
        }
      }
      y0 += rows * dy + blockGap;
    }
    x0 += widest * dx + rankGap;
  }
  return pos;
}
