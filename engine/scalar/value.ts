/**
 * Scalar mode, micrograd-style: a `Value` holds one number, its gradient and the node it came from.
 * Fast path by design: a node is a small plain class instance pointing at its op's shared NodeDef (rule,
 * attrs, kind; no closure per node), the topological order is written into flat arrays reused from pass to
 * pass and marked by a pass counter (no Set), backward is one loop over them.
 */
import { EngineError, NonFiniteError } from '../core/errors';
import { NO_ATTRS, newId } from '../core/ids';
import { backwardNonFinite, forwardNonFinite } from '../core/nonfinite';
import type { Attrs, GraphNode, Mode, NodeKind } from '../core/types';
import { addOp } from '../ops/add';
import { mulOp } from '../ops/mul';
import type { OpDef, ScalarRule } from '../ops/opdef';
import { expOp, logOp, negOp, powOp, reluOp, sigmoidOp, tanhOp } from '../ops/unary';

const ARG1 = [0];
const ARG2 = [0, 0];
let pass = 0;
const NO_INPUTS: readonly Value[] = Object.freeze([]);

/**
 * What a node shares with the other nodes of its op: the op's name, its scalar rule (null for leaves), its
 * attributes and the node's kind. Kept out of the node, one shared object per op (and per leaf kind), so a
 * Value is 9 fields, not 12: on graphs of 100,000 nodes, built and dropped every training step, the smaller
 * node halves the garbage collector's copying (measured on A2: about 23 → 10 ms CPU per step).
 */
export class NodeDef {
  constructor(
    readonly op: string,
    readonly rule: ScalarRule | null,
    readonly attrs: Attrs,
    readonly kind: NodeKind,
  ) {}
}

const LEAF_DEFS: Record<NodeKind, NodeDef> = {
  data: new NodeDef('leaf', null, NO_ATTRS, 'data'),
  parameter: new NodeDef('leaf', null, NO_ATTRS, 'parameter'),
  constant: new NodeDef('leaf', null, NO_ATTRS, 'constant'),
  function: new NodeDef('leaf', null, NO_ATTRS, 'function'),
};
const FUNCTION_DEFS = new WeakMap<ScalarRule, NodeDef>();

/** The shared NodeDef for these parts where there is one (leaves, ops without attrs), else a new one. */
function nodeDef(op: string, rule: ScalarRule | null, attrs: Attrs, kind: NodeKind): NodeDef {
  if (attrs !== NO_ATTRS) return new NodeDef(op, rule, attrs, kind);
  if (rule === null) {
    const leaf = LEAF_DEFS[kind];
    if (op === 'leaf' && leaf) return leaf;
    return new NodeDef(op, rule, attrs, kind);
  }
  if (kind !== 'function') return new NodeDef(op, rule, attrs, kind);
  const known = FUNCTION_DEFS.get(rule);
  if (known && known.op === op) return known;
  const def = new NodeDef(op, rule, attrs, kind);
  FUNCTION_DEFS.set(rule, def);
  return def;
}

export class Value implements GraphNode {
  // Fields are `declare`d and set once in the constructor, in a fixed order, so every Value has one shape
  // (class-field initialisers would first define each field as undefined, then assign it).
  declare readonly id: number;
  declare data: number;
  /** ∂L/∂(this), accumulated over backward() calls like PyTorch; zeroGrad resets it. */
  declare grad: number;
  /** @internal last topological-sort pass that visited this node. */
  declare _mark: number;
  /** @internal position in the last topological order (index into backward's arrays). */
  declare _pos: number;
  /** First input (null for leaves): scalar ops have one or two inputs, kept as fields, not an array. */
  declare readonly a: Value | null;
  /** Second input (null for unary ops and leaves). */
  declare readonly b: Value | null;
  /** @internal op, rule, attrs and kind, shared with the op's other nodes (read them through the getters). */
  declare _def: NodeDef;
  declare label: string;

  /** `op` may also be given as its prebuilt NodeDef (this file's hot paths); `attrs`, `rule`, `kind` are then its. */
  constructor(
    data: number,
    op: string | NodeDef,
    a: Value | null,
    b: Value | null,
    attrs: Attrs,
    rule: ScalarRule | null,
    kind: NodeKind,
    label: string,
  ) {
    this.id = newId();
    this.data = data;
    this.grad = 0;
    this._mark = 0;
    this._pos = 0;
    this.a = a;
    this.b = b;
    this._def = typeof op === 'string' ? nodeDef(op, rule, attrs, kind) : op;
    this.label = label;
  }

  get op(): string {
    return this._def.op;
  }
  get attrs(): Attrs {
    return this._def.attrs;
  }
  /** @internal the op's forward/local rule (null for leaves). */
  get rule(): ScalarRule | null {
    return this._def.rule;
  }
  get kind(): NodeKind {
    return this._def.kind;
  }
  set kind(kind: NodeKind) {
    const d = this._def;
    if (kind !== d.kind) this._def = nodeDef(d.op, d.rule, d.attrs, kind);
  }

  /** The inputs as an array, for the generic graph code (the hot paths read `a` and `b` directly). */
  get inputs(): readonly Value[] {
    return this.a === null ? NO_INPUTS : this.b === null ? [this.a] : [this.a, this.b];
  }

  get mode(): Mode {
    return 'scalar';
  }

  add(other: Value | number): Value {
    return binary(ADD, this, other);
  }
  /** x − y = x + (−y) */
  sub(other: Value | number): Value {
    return typeof other === 'number' ? binary(ADD, this, -other) : binary(ADD, this, other.neg());
  }
  mul(other: Value | number): Value {
    return binary(MUL, this, other);
  }
  /** x / y = x · y^{−1} */
  div(other: Value | number): Value {
    if (other === 0) throw new EngineError('div: division by the number 0');
    return typeof other === 'number' ? binary(MUL, this, 1 / other) : binary(MUL, this, other.pow(-1));
  }
  pow(k: number): Value {
    if (!Number.isFinite(k)) throw new EngineError(`pow: exponent must be a finite number, got ${k}`);
    return unary(new NodeDef(powOp.name, powOp.scalar as ScalarRule, { k }, 'function'), this);
  }
  neg(): Value {
    return unary(NEG, this);
  }
  exp(): Value {
    return unary(EXP, this);
  }
  log(): Value {
    return unary(LOG, this);
  }
  tanh(): Value {
    return unary(TANH, this);
  }
  sigmoid(): Value {
    return unary(SIGMOID, this);
  }
  relu(): Value {
    return unary(RELU, this);
  }

  /**
   * Backpropagate from this node with ∂L/∂L = 1, adding each node's gradient into `.grad`. Throws
   * `NonFiniteError` naming the first node whose value or gradient is NaN/±∞ (and then changes no `.grad`).
   */
  backward(): void {
    const s = takeScratch();
    let n = 0;
    try {
      n = walk(this, s);
      backpropagate(s, n);
    } finally {
      s.clear(n);
      scratch = s;
    }
  }

  toString(): string {
    return `Value(${this.label ? this.label + '=' : ''}${this.data}, grad=${this.grad})`;
  }
}

/*
 * Speed: V8 keeps a field that has only ever held numbers as a separate mutable box allocated with every
 * object — two extra allocations per Value (data, grad), which made graph building about 3× slower. Storing a
 * non-number once turns both fields into ordinary tagged slots for every Value (measured on A1: build 15 → 5 ms
 * CPU). This probe node is never used; it only costs one id.
 */
{
  const probe = new Value(0, 'leaf', null, null, NO_ATTRS, null, 'constant', '') as unknown as {
    data: unknown;
    grad: unknown;
  };
  probe.data = null;
  probe.grad = null;
}

/** Topological order of the graph under `root` (inputs first), iterative, marking nodes by pass. */
export function topoValues(root: Value): Value[] {
  const s = takeScratch();
  let n = 0;
  try {
    n = walk(root, s);
    return s.order.slice(0, n) as Value[];
  } finally {
    s.clear(n);
    scratch = s;
  }
}

/**
 * What a backward pass works on, in topological position k: the node, its value, its inputs' positions
 * (−1 for none) and its gradient. Flat arrays, reused from pass to pass: a pass allocates nothing per node,
 * and the reverse loop reads these in order instead of chasing each node's inputs through the heap (on a
 * graph of 100,000 nodes that is the difference between cache hits and misses). Taken and given back, so a
 * (pathological) nested pass gets its own; after a very large pass the large arrays are let go.
 */
class Scratch {
  order: (Value | null)[] = [];
  /** Depth-first stack (popped slots are cleared, so it holds no node after the pass). */
  stack: (Value | null)[] = [];
  x = new Float64Array(0);
  ia = new Int32Array(0);
  ib = new Int32Array(0);
  g = new Float64Array(0);
  /** Each node's `.grad` before the pass, to put back if the pass is not finite. */
  before = new Float64Array(0);

  constructor() {
    this.resize(1024);
  }

  resize(cap: number): void {
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const a = make(cap);
      a.set(old.subarray(0, Math.min(old.length, cap)));
      return a;
    };
    this.x = grown(this.x, (k) => new Float64Array(k));
    this.ia = grown(this.ia, (k) => new Int32Array(k));
    this.ib = grown(this.ib, (k) => new Int32Array(k));
    this.g = new Float64Array(cap);
    this.before = new Float64Array(cap);
  }

  /** Forget the pass's n nodes. */
  clear(n: number): void {
    if (this.order.length > KEEP) {
      this.order = [];
      this.stack = [];
      this.resize(1024);
    } else this.order.fill(null, 0, n);
  }
}
const KEEP = 1 << 18;
let scratch: Scratch | null = new Scratch();

function takeScratch(): Scratch {
  const s = scratch ?? new Scratch();
  scratch = null;
  return s;
}

/**
 * Topological order into `s` (returns its length): depth-first, inputs before the node, `a` before `b`. A node
 * stays on the stack until both its inputs are marked (a node is marked when it is pushed), so no per-entry
 * state is needed; the stack has its own pointer and keeps its length, so V8 never shrinks and re-copies it.
 */
function walk(root: Value, s: Scratch): number {
  const mark = ++pass;
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
 * The reverse loop over the walk's n nodes: ∂L/∂x_i += ∂L/∂out · ∂out/∂x_i. A node's gradient is complete when
 * the loop reaches it, so it is added into `.grad` right there; if the pass turns out non-finite, every
 * `.grad` is put back from `before` and the first culprit is reported.
 */
function backpropagate(s: Scratch, n: number): void {
  const order = s.order as readonly Value[];
  const { x, ia, ib, g, before } = s;
  g.fill(0, 0, n);
  g[n - 1] = 1;
  let finite = true;
  for (let k = n - 1; k >= 0; k--) {
    const gk = g[k] as number;
    const out = x[k] as number;
    if (!(gk - gk === 0 && out - out === 0)) finite = false; // x − x is NaN exactly for NaN and ±∞
    const node = order[k] as Value;
    const old = node.grad;
    before[k] = old;
    node.grad = old + gk;
    const def = node._def;
    const rule = def.rule;
    if (rule === null) continue;
    const i = ia[k] as number;
    const j = ib[k] as number;
    if (rule.backward !== undefined) {
      rule.backward(g, x, k, i, j, def.attrs);
    } else if (j >= 0) {
      // node.data, not x[k]: it is already boxed, so the call allocates nothing for it
      ARG2[0] = x[i] as number;
      ARG2[1] = x[j] as number;
      g[i] += gk * rule.local(ARG2, node.data, def.attrs, 0);
      g[j] += gk * rule.local(ARG2, node.data, def.attrs, 1);
    } else {
      ARG1[0] = x[i] as number;
      g[i] += gk * rule.local(ARG1, node.data, def.attrs, 0);
    }
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

function checkData(x: number, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new EngineError(
      `${what}: data must be a finite number, got ${typeof x === 'number' ? x : typeof x}`,
    );
  }
  return x;
}

/** A number used in an op becomes a constant leaf, labelled by its value. */
export function constant(x: number): Value {
  return new Value(
    checkData(x, 'constant'),
    'leaf',
    null,
    null,
    NO_ATTRS,
    null,
    'constant',
    constantLabel(x),
  );
}

function unary(def: NodeDef, a: Value): Value {
  const rule = def.rule as ScalarRule;
  ARG1[0] = a.data;
  return new Value(rule.forward(ARG1, def.attrs), def, a, null, def.attrs, rule, 'function', '');
}

function binary(def: NodeDef, a: Value, b: Value | number): Value {
  const bv = typeof b === 'number' ? constant(b) : b;
  if (!(bv instanceof Value))
    throw new EngineError(`${def.op}: expected a Value or a number, got ${describeArg(b)}`);
  const rule = def.rule as ScalarRule;
  ARG2[0] = a.data;
  ARG2[1] = bv.data;
  return new Value(rule.forward(ARG2, NO_ATTRS), def, a, bv, NO_ATTRS, rule, 'function', '');
}

/** The core ops' shared NodeDefs, for the methods above. */
const fn = (op: OpDef) => nodeDef(op.name, op.scalar as ScalarRule, NO_ATTRS, 'function');
const ADD = fn(addOp);
const MUL = fn(mulOp);
const NEG = fn(negOp);
const EXP = fn(expOp);
const LOG = fn(logOp);
const TANH = fn(tanhOp);
const SIGMOID = fn(sigmoidOp);
const RELU = fn(reluOp);

function describeArg(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/** A scalar input: `value(2, 'x')`. */
export function value(data: number, label = ''): Value {
  return new Value(checkData(data, 'value'), 'leaf', null, null, NO_ATTRS, null, 'data', label);
}

/** A trainable scalar weight: same as `value`, marked kind 'parameter' for the view and for nn code. */
export function parameter(data: number, label = ''): Value {
  return new Value(checkData(data, 'parameter'), 'leaf', null, null, NO_ATTRS, null, 'parameter', label);
}

/**
 * Apply any op with a scalar rule by name-resolved OpDef (used by lowering and by nn code).
 * Inputs must match the rule's arity.
 */
export function applyScalar(op: OpDef, inputs: readonly Value[], attrs: Attrs = NO_ATTRS): Value {
  const rule = op.scalar;
  if (!rule) throw new EngineError(`${op.name}: op has no scalar rule; use tensors`);
  if (inputs.length < 1 || inputs.length > 2)
    throw new EngineError(`${op.name}: scalar ops take 1 or 2 inputs, got ${inputs.length}`);
  const x = inputs.map((v) => v.data);
  return new Value(
    rule.forward(x, attrs),
    op.name,
    inputs[0] as Value,
    inputs[1] ?? null,
    attrs,
    rule,
    'function',
    '',
  );
}

/** A constant's label is its number, with the real minus sign the formulas use. */
export function constantLabel(x: number): string {
  return String(x).replace('-', '−');
}
