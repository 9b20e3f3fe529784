/**
 * Lowering: the scalar-mode graph that computes the same thing as a tensor graph, element by element.
 *
 * Every element of every tensor leaf becomes a leaf `Value` (same kind, labelled `W[1,2]`, or `#2[1,2]` after
 * the tensor's name in its graph when it has no label, as `graphOf` names it); every tensor op
 * builds its output elements from its inputs' element Values with its own `tensor.lower` (a matmul its
 * products and sums, a softmax its exps, one sum and divides). The driver walks the tensor graph once in
 * topological order and records the mapping both ways, plus which tensor node each new scalar node
 * belongs to (its "block", drawn as one compound node in the compare view).
 */
import { EngineError, shapeStr } from '../core/errors';
import { NO_ATTRS } from '../core/ids';
import { nodeNames } from '../core/names';
import { topoOrder } from '../core/topo';
import { Value, topoValues } from '../scalar/value';
import type { Tensor } from '../tensor/tensor';

/** Where a scalar node sits in the tensor graph: tensor node `node`, row-major element `index`. */
export interface ElementRef {
  node: number;
  index: number;
}

export interface LoweringCounts {
  tensorNodes: number;
  /** One edge per (input, consumer) argument, as the graph view draws them. */
  tensorEdges: number;
  /** Scalar nodes reachable from the lowered root (what backward visits). */
  scalarNodes: number;
  scalarEdges: number;
  /** Elements of all tensors in the graph (leaves and op outputs). */
  elements: number;
}

export interface Lowering {
  /** The lowered loss: the one element of the tensor root. */
  root: Value;
  /** tensor node id → its elements as Values, row-major. An op that only moves elements (reshape, transpose,
   *  max) shares its input's Values, so a Value can appear under several tensor nodes. */
  scalarOf: Map<number, Value[]>;
  /** Value id → the tensor element it holds; for a shared Value, the tensor node that made it. */
  tensorOf: Map<number, ElementRef>;
  /** Value id → the tensor node whose lowering created it (element or intermediate, e.g. a matmul's partial
   *  sums), so each tensor node owns a block of scalar nodes. Leaf Values belong to their leaf tensor. */
  blockOf: Map<number, number>;
  /** The tensor nodes in topological order (inputs first), as lowered. */
  order: Tensor[];
  /** tensor node id → its name in the tensor graph: its label, or `#k` by its place in `order` (`nodeNames`). */
  names: Map<number, string>;
  counts: LoweringCounts;
}

/** `W[1,2]` for element (1,2) of W; the bare label for a one-element tensor of shape []. */
export function elementLabel(base: string, shape: readonly number[], index: number): string {
  if (shape.length === 0) return base;
  const idx = new Array<number>(shape.length);
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    idx[d] = rest % n;
    rest = Math.floor(rest / n);
  }
  return `${base}[${idx.join(',')}]`;
}

/** A display name for a tensor node outside its graph, for errors (within a graph: `Lowering.names`). */
export function tensorName(t: Tensor): string {
  if (t.label) return t.label;
  return t.op === 'leaf' ? `${t.kind}#${t.id}` : `${t.op}#${t.id}`;
}

function leafValues(t: Tensor, base: string): Value[] {
  const out = new Array<Value>(t.size);
  for (let i = 0; i < t.size; i++) {
    const x = t.data[i] as number;
    // A constant keeps the engine's convention of being labelled by its value.
    const label =
      t.kind === 'constant' && t.size === 1 && !t.label ? String(x) : elementLabel(base, t.shape, i);
    out[i] = new Value(x, 'leaf', null, null, NO_ATTRS, null, t.kind, label);
  }
  return out;
}

function lowerOp(t: Tensor, name: string, scalarOf: Map<number, Value[]>): Value[] {
  const rule = t.def?.tensor;
  const what = `lower: op '${t.op}' (node ${name}, shape ${shapeStr(t.shape)})`;
  if (!rule || typeof rule.lower !== 'function') throw new EngineError(`${what} has no scalar lowering`);
  const x = t.inputs.map((i) => scalarOf.get(i.id) as Value[]);
  const shapes = t.inputs.map((i) => i.shape);
  let out: Value[];
  try {
    out = rule.lower(x, shapes, t.shape, t.attrs, t.saved);
  } catch (e) {
    const inShapes = shapes.map(shapeStr).join(', ');
    throw new EngineError(`${what} failed to lower from inputs ${inShapes}: ${(e as Error).message}`);
  }
  if (!Array.isArray(out) || out.length !== t.size) {
    const got = Array.isArray(out) ? `${out.length} elements` : typeof out;
    throw new EngineError(`${what}: lowering returned ${got}, expected ${t.size}`);
  }
  for (let i = 0; i < out.length; i++) {
    if (!(out[i] instanceof Value))
      throw new EngineError(`${what}: lowering returned a non-Value at element ${i}`);
  }
  return out;
}

/**
 * Claim for tensor node `owner` every Value reachable from `outs` that no earlier node owns: those are the
 * scalar nodes its lowering created. Older Values stop the walk, so the cost is the size of the block.
 */
function claimBlock(outs: readonly Value[], owner: number, blockOf: Map<number, number>): void {
  const stack: Value[] = [];
  for (const v of outs) {
    if (!blockOf.has(v.id)) {
      blockOf.set(v.id, owner);
      stack.push(v);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop() as Value;
    for (const c of [v.a, v.b]) {
      if (c !== null && !blockOf.has(c.id)) {
        blockOf.set(c.id, owner);
        stack.push(c);
      }
    }
  }
}

/** Lower the tensor graph under `root` (a one-element tensor, e.g. a loss) to scalar `Value`s. */
export function lower(root: Tensor): Lowering {
  if (root.size !== 1) {
    throw new EngineError(
      `lower: the root must have one element (a loss), got ${tensorName(root)} of shape ${shapeStr(root.shape)}; sum or average it first`,
    );
  }
  const order = topoOrder(root);
  const byNode = nodeNames(order);
  const names = new Map<number, string>();
  const scalarOf = new Map<number, Value[]>();
  const tensorOf = new Map<number, ElementRef>();
  const blockOf = new Map<number, number>();
  let tensorEdges = 0;
  let elements = 0;
  for (const t of order) {
    const name = byNode.get(t) as string;
    names.set(t.id, name);
    const vs = t.op === 'leaf' ? leafValues(t, name) : lowerOp(t, name, scalarOf);
    scalarOf.set(t.id, vs);
    claimBlock(vs, t.id, blockOf);
    for (let i = 0; i < vs.length; i++) {
      const id = (vs[i] as Value).id;
      if (!tensorOf.has(id)) tensorOf.set(id, { node: t.id, index: i });
    }
    tensorEdges += t.inputs.length;
    elements += vs.length;
  }
  const rootValue = (scalarOf.get(root.id) as Value[])[0] as Value;
  const scalarOrder = topoValues(rootValue);
  let scalarEdges = 0;
  for (const v of scalarOrder) scalarEdges += v.b !== null ? 2 : v.a !== null ? 1 : 0;
  return {
    root: rootValue,
    scalarOf,
    tensorOf,
    blockOf,
    order,
    names,
    counts: {
      tensorNodes: order.length,
      tensorEdges,
      scalarNodes: scalarOrder.length,
      scalarEdges,
      elements,
    },
  };
}
