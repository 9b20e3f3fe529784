/**
 * Scalar mode, micrograd-style: a `Value` holds one number, its gradient and the node it came from.
 * Fast path by design: a node is a small plain class instance pointing at its op's shared NodeDef (rule,
 * attrs, kind; no closure per node), written on the creation tape when made (./tape.ts), so that backward
 * (./backprop.ts) can sweep the tape instead of walking the heap.
 */
import { EngineError } from '../core/errors';
import { NO_ATTRS, newId } from '../core/ids';
import type { Attrs, GraphNode, Mode, NodeKind } from '../core/types';
import { addOp } from '../ops/add';
import { mulOp } from '../ops/mul';
import type { OpDef, ScalarRule } from '../ops/opdef';
import { expOp, logOp, negOp, powOp, reluOp, sigmoidOp, tanhOp } from '../ops/unary';
import { backwardFrom } from './backprop';
import { record } from './tape';

export { topoValues } from './backprop';

const ARG1 = [0];
const ARG2 = [0, 0];
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
  /** @internal the creation tape or the last walk that holds this node (see ./tape.ts). */
  declare _mark: number;
  /** @internal this node's position on that tape or in that walk (index into backward's arrays). */
  declare _pos: number;
  /** First input (null for leaves): scalar ops have one or two inputs, kept as fields, not an array. */
  declare readonly a: Value | null;
  /** Second input (null for unary ops and leaves). */
  declare readonly b: Value | null;
  /** @internal op, rule, attrs and kind, shared with the op's other nodes (read them through the getters). */
  declare _def: NodeDef;
  /** @internal the label as given; null for a constant, which is labelled by its value (see `label`). */
  declare _label: string | null;

  /** `op` may also be given as its prebuilt NodeDef (this file's hot paths); `attrs`, `rule`, `kind` are then its. */
  constructor(
    data: number,
    op: string | NodeDef,
    a: Value | null,
    b: Value | null,
    attrs: Attrs,
    rule: ScalarRule | null,
    kind: NodeKind,
    label: string | null,
  ) {
    this.id = newId();
    this.data = data;
    this.grad = 0;
    this._mark = 0;
    this._pos = 0;
    this.a = a;
    this.b = b;
    this._def = typeof op === 'string' ? nodeDef(op, rule, attrs, kind) : op;
    this._label = label;
    record(this);
  }

  /**
   * The node's label: as given, or for a constant its value as it is now (so a constant edited from 2 to 3
   * reads 3; and the number is only formatted when someone reads it, not for each of the thousands of
   * constants a training step makes).
   */
  get label(): string {
    return this._label ?? constantLabel(this.data);
  }
  set label(label: string) {
    this._label = label;
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
    backwardFrom(this);
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
    LEAF_DEFS.constant,
    null,
    null,
    NO_ATTRS,
    null,
    'constant',
    null,
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
  return new Value(checkData(data, 'value'), LEAF_DEFS.data, null, null, NO_ATTRS, null, 'data', label);
}

/** A trainable scalar weight: same as `value`, marked kind 'parameter' for the view and for nn code. */
export function parameter(data: number, label = ''): Value {
  return new Value(
    checkData(data, 'parameter'),
    LEAF_DEFS.parameter,
    null,
    null,
    NO_ATTRS,
    null,
    'parameter',
    label,
  );
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
