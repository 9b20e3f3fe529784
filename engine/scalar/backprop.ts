/**
 * Backward passes over scalar graphs: ∂L/∂x_i += ∂L/∂out · ∂out/∂x_i, from the root down, each node's
 * gradient complete before it is passed on. Two ways to get the order, with one loop body:
 * - the sweep: the root is on the creation tape (./tape.ts), so the tape below it is the order; nodes the
 *   root does not reach are skipped, leaves made before the tape (the weights) get slots after it;
 * - the walk: an iterative depth-first search from the root (any graph; the fallback).
 * Either way the pass works in flat arrays reused from pass to pass (values x, gradients g, by position), so
 * it allocates nothing per node. It adds each node's gradient into `.grad` as soon as it is complete (while
 * the node is in cache) and keeps the old value: a pass that meets NaN or ±∞ puts every `.grad` back and
 * reports the first culprit.
 */
import { EngineError, NonFiniteError } from '../core/errors';
import { backwardNonFinite, forwardNonFinite } from '../core/nonfinite';
import type { GraphNode } from '../core/types';
import type { ScalarRule } from '../ops/opdef';
import { nextMark, restartTape, tape } from './tape';
import type { Value } from './value';

const ARG1 = [0];
const ARG2 = [0, 0];

/**
 * A pass's arrays, by position k: the node, its value, its inputs' positions (−1 for none), its gradient.
 * Taken and given back, so a (pathological) nested pass gets its own; after a very large pass they are let go.
 */
class Scratch {
  order: (Value | null)[] = [];
  /** Depth-first stack (popped slots are cleared, so it holds no node after the pass). */
  stack: (Value | null)[] = [];
  /** Leaves the sweep found before the tape, in slot order. */
  extras: (Value | null)[] = [];
  x = new Float64Array(0);
  ia = new Int32Array(0);
  ib = new Int32Array(0);
  g = new Float64Array(0);
  /** Each node's `.grad` before the pass, to put back if the pass fails. */
  before = new Float64Array(0);
  /** Sweep: which tape positions the root reaches. */
  reach = new Uint8Array(0);
  /** Sweep: the first slot after the tape part (n) and the next free slot. */
  base = 0;
  slots = 0;

  constructor() {
    this.resize(1024);
  }

  /** Room for `cap` positions, keeping what x, ia, ib and g hold. */
  resize(cap: number): void {
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const a = make(cap);
      a.set(old.subarray(0, Math.min(old.length, cap)));
      return a;
    };
    this.x = grown(this.x, (k) => new Float64Array(k));
    this.ia = grown(this.ia, (k) => new Int32Array(k));
    this.ib = grown(this.ib, (k) => new Int32Array(k));
    this.g = grown(this.g, (k) => new Float64Array(k));
    this.reach = grown(this.reach, (k) => new Uint8Array(k));
    this.before = grown(this.before, (k) => new Float64Array(k));
  }

  /** Forget the pass's nodes. */
  clear(n: number, extras: number): void {
    if (this.x.length > KEEP) {
      this.order = [];
      this.stack = [];
      this.extras = [];
      this.x = new Float64Array(0);
      this.resize(1024);
      return;
    }
    this.order.fill(null, 0, n);
    this.extras.fill(null, 0, extras);
  }
}
const KEEP = 1 << 19;
let scratch: Scratch | null = new Scratch();

function withScratch<T>(fn: (s: Scratch) => T): T {
  const s = scratch ?? new Scratch();
  scratch = null;
  try {
    return fn(s);
  } finally {
    scratch = s;
  }
}

/** `root.backward()`: one pass from ∂root/∂root = 1, then a new tape for the nodes made after it. */
export function backwardFrom(root: Value): void {
  try {
    withScratch((s) => {
      if (root._mark === tape.mark && sweep(root, s)) return;
      let n = 0;
      try {
        n = walk(root, s);
        inCreationOrder(s, n);
        backpropagate(s, n);
      } finally {
        s.clear(n, 0);
      }
    });
  } finally {
    restartTape();
  }
}

/** Topological order of the graph under `root` (inputs first), iterative, marking nodes by pass. */
export function topoValues(root: Value): Value[] {
  return withScratch((s) => {
    let n = 0;
    try {
      n = walk(root, s);
      return s.order.slice(0, n) as Value[];
    } finally {
      s.clear(n, 0);
    }
  });
}

/**
 * Apply node k's rule: add g[k] · ∂out/∂x_i into g[i] and likewise g[j] (j = −1 for one input). One body for
 * both orders, so the sweep and the walk give the same numbers for the same order. (`node.data`, not x[k],
 * for `out`: it is already boxed, so the call allocates nothing for it.)
 */
function chain(node: Value, g: Float64Array, x: Float64Array, k: number, i: number, j: number): void {
  const def = node._def;
  const rule = def.rule as ScalarRule;
  if (rule.backward !== undefined) {
    rule.backward(g, x, k, i, j, def.attrs);
    return;
  }
  const gk = g[k] as number;
  if (j >= 0) {
    ARG2[0] = x[i] as number;
    ARG2[1] = x[j] as number;
    g[i] += gk * rule.local(ARG2, node.data, def.attrs, 0);
    g[j] += gk * rule.local(ARG2, node.data, def.attrs, 1);
  } else {
    ARG1[0] = x[i] as number;
    g[i] += gk * rule.local(ARG1, node.data, def.attrs, 0);
  }
}

/**
 * The sweep's position for input v: its tape index (marking it reached), its slot if it is a leaf from
 * before the tape (given one at the end on first sight), or −1 if it is neither (the sweep must give up).
 */
function slotOf(v: Value, s: Scratch, mark: number, leafMark: number): number {
  if (v._mark === mark) {
    s.reach[v._pos] = 1;
    return v._pos;
  }
  if (v._mark === leafMark) return v._pos;
  if (v.a !== null) return -1;
  const k = s.slots++;
  if (k === s.x.length) s.resize(2 * k);
  v._mark = leafMark;
  v._pos = k;
  s.g[k] = 0;
  s.x[k] = v.data;
  s.extras[k - s.base] = v;
  return k;
}

/**
 * The sweep over the tape below `root`. Returns false, having changed no `.grad`, when it cannot finish: an
 * input that is neither on this tape nor a leaf (a node made before the tape restarted, or walked since),
 * or a value or gradient that is not finite (the walk then finds and reports the culprit).
 */
function sweep(root: Value, s: Scratch): boolean {
  const nodes = tape.nodes;
  const mark = tape.mark;
  const n = root._pos + 1;
  if (s.x.length < n + 64) s.resize(2 * n + 64);
  let { x, g } = s;
  const { reach, before } = s;
  g.fill(0, 0, n);
  reach.fill(0, 0, n);
  g[n - 1] = 1;
  reach[n - 1] = 1;
  // Leaves from before the tape get slots n, n+1, … and this pass's mark.
  const leafMark = nextMark();
  s.base = n;
  s.slots = n;
  let finite = true;
  let k = n - 1;
  for (; k >= 0; k--) {
    if (reach[k] === 0) continue;
    const node = nodes[k] as Value;
    const gk = g[k] as number;
    const out = node.data;
    if (!(gk - gk === 0 && out - out === 0)) finite = false; // x − x is NaN exactly for NaN and ±∞
    x[k] = out;
    // g[k] is complete here (every consumer sits later on the tape): add it into .grad now, while the node
    // is in cache, keeping the old value in case the pass fails.
    const old = node.grad;
    before[k] = old;
    node.grad = old + gk;
    const a = node.a;
    if (a === null) continue;
    const i = slotOf(a, s, mark, leafMark);
    const b = node.b;
    const j = b === null ? -1 : slotOf(b, s, mark, leafMark);
    if (i < 0 || (b !== null && j < 0)) break;
    if (s.g !== g) ({ x, g } = s);
    x[i] = a.data;
    if (b !== null) x[j] = b.data;
    chain(node, g, x, k, i, j);
  }
  const ok = k < 0;
  for (let e = n; ok && e < s.slots; e++) {
    const v = g[e] as number;
    const d = x[e] as number;
    if (!(v - v === 0 && d - d === 0)) finite = false;
  }
  if (ok && finite) {
    for (let e = n; e < s.slots; e++) (s.extras[e - n] as Value).grad += g[e] as number;
  } else {
    // put back what the pass had added (positions k+1 … n−1 that it reached)
    for (let q = n - 1; q >= Math.max(k, 0); q--)
      if (reach[q] === 1) (nodes[q] as Value).grad = before[q] as number;
  }
  s.clear(0, s.slots - n);
  return ok && finite;
}

/**
 * Topological order into `s` (returns its length): depth-first, inputs before the node, `a` before `b`. A node
 * stays on the stack until both its inputs are marked (a node is marked when it is pushed), so no per-entry
 * state is needed; the stack has its own pointer and keeps its length, so V8 never shrinks and re-copies it.
 */
function walk(root: Value, s: Scratch): number {
  const mark = nextMark();
  const { stack, order } = s;
  let { x, ia, ib } = s;
  let sp = 0;
  let len = 0;
  stack[0] = root;
  root._mark = mark;
  while (sp >= 0) {
    const node = stack[sp] as Value;
    const a = node.a;
    if (a !== null && a._mark !== mark) {
      a._mark = mark;
      stack[++sp] = a;
      continue;
    }
    const b = node.b;
    if (b !== null && b._mark !== mark) {
      b._mark = mark;
      stack[++sp] = b;
      continue;
    }
    if (len === x.length) {
      s.resize(2 * len);
      ({ x, ia, ib } = s);
    }
    node._pos = len;
    order[len] = node;
    x[len] = node.data;
    ia[len] = a === null ? -1 : a._pos;
    ib[len] = b === null ? -1 : b._pos;
    len++;
    stack[sp--] = null;
  }
  return len;
}

/**
 * Reorder the walk's n nodes by creation (id), if the depth-first order differs, so that the walk sums each
 * gradient's contributions in the same order as the sweep: the same graph gives the same bits either way.
 */
function inCreationOrder(s: Scratch, n: number): void {
  const order = s.order as Value[];
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) sorted = (order[k - 1] as Value).id < (order[k] as Value).id;
  if (sorted) return;
  const nodes = byId(order, n);
  const { x, ia, ib } = s;
  for (let k = 0; k < n; k++) {
    const node = nodes[k] as Value;
    order[k] = node;
    node._pos = k;
    x[k] = node.data;
    ia[k] = node.a === null ? -1 : node.a._pos;
    ib[k] = node.b === null ? -1 : node.b._pos;
  }
}

/**
 * The first n nodes sorted by id. A comparison sort of 10⁵ nodes costs more than the backward pass itself, so
 * large orders are radix-sorted on id − min id, 16 bits at a time (two stable counting passes).
 */
function byId(order: readonly Value[], n: number): Value[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const id = (order[k] as Value).id;
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  if (n < 1024 || hi - lo >= 2 ** 32) return order.slice(0, n).sort((p, q) => p.id - q.id);
  const key = new Uint32Array(n);
  for (let k = 0; k < n; k++) key[k] = (order[k] as Value).id - lo;
  let from = new Int32Array(n).map((_, k) => k);
  let to = new Int32Array(n);
  const count = new Int32Array(1 << 16);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let k = 0; k < n; k++) (count[((key[from[k] as number] as number) >>> shift) & 0xffff] as number)++;
    for (let d = 0, sum = 0; d < count.length; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const f = from[k] as number;
      to[(count[((key[f] as number) >>> shift) & 0xffff] as number)++] = f;
    }
    [from, to] = [to, from];
  }
  const out = new Array<Value>(n);
  for (let k = 0; k < n; k++) out[k] = order[from[k] as number] as Value;
  return out;
}

/** The reverse loop over the walk's n nodes; on NaN or ±∞ it puts every `.grad` back and throws. */
function backpropagate(s: Scratch, n: number): void {
  const order = s.order as readonly Value[];
  const { x, ia, ib, g, before } = s;
  g.fill(0, 0, n);
  g[n - 1] = 1;
  let finite = true;
  for (let k = n - 1; k >= 0; k--) {
    const gk = g[k] as number;
    const out = x[k] as number;
    if (!(gk - gk === 0 && out - out === 0)) finite = false;
    const node = order[k] as Value;
    const old = node.grad;
    before[k] = old;
    node.grad = old + gk;
    if (node._def.rule !== null) chain(node, g, x, k, ia[k] as number, ib[k] as number);
  }
  if (!finite) {
    for (let k = 0; k < n; k++) (order[k] as Value).grad = before[k] as number;
    throw new NonFiniteError(findNonFinite(order.slice(0, n), g));
  }
}

function findNonFinite(order: readonly Value[], g: Float64Array) {
  const valueOf = (n: GraphNode) => (n as Value).data;
  const fwd = forwardNonFinite(order, valueOf);
  if (fwd) return fwd;
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as Value;
    if (!Number.isFinite(g[k] as number)) return backwardNonFinite(n, g[k] as number, valueOf);
  }
  throw new EngineError('internal: non-finite flagged but not found');
}
