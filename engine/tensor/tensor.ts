/**
 * Tensor mode: a `Tensor` is a graph node holding an n-d float64 array (row-major `data` and `shape`).
 * Every op goes through `applyOp`, which runs the op's tensor rule from its `OpDef`; backward is the shared
 * reverse loop in `backward.ts`. Elementwise methods match `Value`'s, so code runs unchanged in both modes.
 */
import { EngineError, ShapeError, shapeStr } from '../core/errors';
import { NO_ATTRS, newId } from '../core/ids';
import type { Attrs, GraphNode, Mode, NodeKind, TensorData } from '../core/types';
import { addOp } from '../ops/add';
import { matmulOp } from '../ops/matmul';
import { mulOp } from '../ops/mul';
import type { OpDef } from '../ops/opdef';
import { maxOp, sumOp } from '../ops/reduce';
import { reshapeOp, transposeOp } from '../ops/shape';
import { logSoftmaxOp, softmaxOp } from '../ops/softmax';
import { expOp, logOp, negOp, powOp, reluOp, sigmoidOp, tanhOp } from '../ops/unary';
import { backwardTensor } from './backward';
import { checkShape, flattenNested, normalizeAxis, sameShape, sizeOf, type Nested } from './layout';

export interface TensorOptions {
  /** The shape to read `data` with (row-major); must hold exactly as many elements. */
  shape?: readonly number[];
  label?: string;
  /** 'data' by default; 'parameter' marks a trainable weight, 'constant' a fixed number. */
  kind?: NodeKind;
}

export type TensorLike = number | Nested | Float64Array | readonly number[];

export class Tensor implements GraphNode, TensorData {
  readonly id: number;
  /** ∂L/∂(this) in this tensor's shape, accumulated over backward() calls; null until the first one. */
  grad: Tensor | null = null;

  constructor(
    public shape: number[],
    public data: Float64Array,
    readonly op: string,
    readonly inputs: readonly Tensor[],
    readonly attrs: Attrs,
    /** The op that made this node (null for leaves). */
    readonly def: OpDef | null,
    /** What the op's forward kept for its backward (e.g. max's arg-max). */
    public saved: unknown,
    public kind: NodeKind,
    public label: string,
  ) {
    this.id = newId();
  }

  get mode(): Mode {
    return 'tensor';
  }
  get size(): number {
    return this.data.length;
  }
  get ndim(): number {
    return this.shape.length;
  }

  add(other: Tensor | number): Tensor {
    return applyOp(addOp, [this, asTensor(other, 'add')]);
  }
  /** x − y = x + (−y) */
  sub(other: Tensor | number): Tensor {
    return typeof other === 'number' ? this.add(-other) : this.add(asTensor(other, 'sub').neg());
  }
  mul(other: Tensor | number): Tensor {
    return applyOp(mulOp, [this, asTensor(other, 'mul')]);
  }
  /** x / y = x · y^{−1} */
  div(other: Tensor | number): Tensor {
    if (other === 0) throw new EngineError('div: division by the number 0');
    return typeof other === 'number' ? this.mul(1 / other) : this.mul(asTensor(other, 'div').pow(-1));
  }
  pow(k: number): Tensor {
    if (typeof k !== 'number' || !Number.isFinite(k))
      throw new EngineError(`pow: exponent must be a finite number, got ${k}`);
    return applyOp(powOp, [this], { k });
  }
  neg(): Tensor {
    return applyOp(negOp, [this]);
  }
  exp(): Tensor {
    return applyOp(expOp, [this]);
  }
  log(): Tensor {
    return applyOp(logOp, [this]);
  }
  tanh(): Tensor {
    return applyOp(tanhOp, [this]);
  }
  sigmoid(): Tensor {
    return applyOp(sigmoidOp, [this]);
  }
  relu(): Tensor {
    return applyOp(reluOp, [this]);
  }
  /** 2-d matrix product [m,k]·[k,n] → [m,n]. */
  matmul(other: Tensor): Tensor {
    return applyOp(matmulOp, [this, asTensor(other, 'matmul')]);
  }
  /** Σ over `axis` (all elements if omitted). */
  sum(axis?: number | null, keepDims = false): Tensor {
    return applyOp(sumOp, [this], { axis: axis ?? null, keepDims });
  }
  /** mean = sum · 1/n, n the number of elements reduced. */
  mean(axis?: number | null, keepDims = false): Tensor {
    const n =
      axis === undefined || axis === null
        ? this.size
        : (this.shape[normalizeAxis(axis, this.shape, 'mean')] as number);
    return this.sum(axis, keepDims).mul(1 / n);
  }
  max(axis?: number | null, keepDims = false): Tensor {
    return applyOp(maxOp, [this], { axis: axis ?? null, keepDims });
  }
  reshape(shape: readonly number[]): Tensor {
    return applyOp(reshapeOp, [this], { shape: [...shape] });
  }
  /** Permute axes by `perm` (default: reverse them; for a matrix, the transpose). */
  transpose(perm?: readonly number[]): Tensor {
    return applyOp(transposeOp, [this], { perm: perm ? [...perm] : null });
  }
  softmax(axis = -1): Tensor {
    return applyOp(softmaxOp, [this], { axis });
  }
  /** log softmax with the log-sum-exp shift, so large inputs do not overflow. */
  logSoftmax(axis = -1): Tensor {
    return applyOp(logSoftmaxOp, [this], { axis });
  }

  /** The only element of a one-element tensor. */
  item(): number {
    if (this.size !== 1)
      throw new ShapeError(
        `item: tensor of shape ${shapeStr(this.shape)} has ${this.size} elements, expected 1`,
      );
    return this.data[0] as number;
  }

  /** Nested arrays (a plain number for shape []). */
  toArray(): Nested {
    if (this.shape.length === 0) return this.data[0] as number;
    const build = (dim: number, offset: number): Nested[] | number[] => {
      const n = this.shape[dim] as number;
      const stride = sizeOf(this.shape.slice(dim + 1));
      const out: Nested[] = [];
      for (let i = 0; i < n; i++)
        out.push(
          dim === this.shape.length - 1
            ? (this.data[offset + i] as number)
            : build(dim + 1, offset + i * stride),
        );
      return out;
    };
    return build(0, 0);
  }

  /**
   * Backpropagate from this tensor, adding into every node's `.grad`. `seed` is ∂L/∂(this); it may be
   * omitted only for a one-element tensor (seed 1). Throws `NonFiniteError` for a NaN/±∞ value or gradient.
   * Constant leaves (numbers used in ops, tensors made with kind 'constant') take no gradient: `.grad` null.
   */
  backward(seed?: Tensor | TensorLike): void {
    backwardTensor(this, seed);
  }

  toString(): string {
    return `Tensor(${this.label ? this.label + ', ' : ''}shape ${shapeStr(this.shape)})`;
  }
}

/** Make a tensor from a number, nested arrays or a Float64Array (copied). */
export function tensor(data: TensorLike, opts: TensorOptions = {}): Tensor {
  const what = opts.label ? `tensor '${opts.label}'` : 'tensor';
  let shape: number[];
  let flat: Float64Array;
  if (data instanceof Float64Array) {
    for (let i = 0; i < data.length; i++)
      if (!Number.isFinite(data[i] as number))
        throw new EngineError(`${what}: data[${i}] is ${data[i]}; data must be finite numbers`);
    shape = [data.length];
    flat = data.slice();
  } else if (typeof data === 'number' || Array.isArray(data)) {
    ({ shape, data: flat } = flattenNested(data as Nested, what));
  } else {
    throw new EngineError(`${what}: expected a number, nested number arrays or a Float64Array`);
  }
  if (opts.shape) {
    checkShape(opts.shape, what);
    if (sizeOf(opts.shape) !== flat.length) {
      throw new ShapeError(
        `${what}: data has ${flat.length} elements, shape ${shapeStr(opts.shape)} needs ${sizeOf(opts.shape)}`,
      );
    }
    shape = [...opts.shape];
  }
  return new Tensor(
    shape,
    flat,
    'leaf',
    [],
    NO_ATTRS,
    null,
    undefined,
    opts.kind ?? 'data',
    opts.label ?? '',
  );
}

/** A number (or array) used in a tensor op becomes a constant leaf. */
export function asTensor(x: Tensor | TensorLike, op: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new EngineError(`${op}: constant must be a finite number, got ${x}`);
    return new Tensor(
      [],
      new Float64Array([x]),
      'leaf',
      [],
      NO_ATTRS,
      null,
      undefined,
      'constant',
      String(x).replace('-', '−'), // the real minus sign, as in the formulas
    );
  }
  if (
    x !== null &&
    typeof x === 'object' &&
    'data' in (x as object) &&
    !Array.isArray(x) &&
    !(x instanceof Float64Array)
  ) {
    throw new EngineError(
      `${op}: expected a Tensor or a number, got a ${(x as object).constructor?.name ?? 'object'} (scalar Values and Tensors do not mix)`,
    );
  }
  const t = tensor(x, { kind: 'constant' });
  return t;
}

/**
 * Create a function node by running `op`'s tensor rule on `inputs` (the way every tensor op, core or nn,
 * is built). The output is a fresh node; attrs must be plain values.
 */
export function applyOp(op: OpDef, inputs: readonly Tensor[], attrs: Attrs = NO_ATTRS): Tensor {
  const rule = op.tensor;
  if (!rule) throw new EngineError(`${op.name}: op has no tensor rule`);
  for (const [i, x] of inputs.entries()) {
    if (!(x instanceof Tensor)) throw new EngineError(`${op.name}: input ${i} is not a Tensor`);
  }
  const { value, saved } = rule.forward(inputs, attrs);
  return new Tensor([...value.shape], value.data, op.name, inputs, attrs, op, saved, 'function', '');
}

/** Whether a seed/gradient has the tensor's shape (a helper for backward's checks). */
export function checkSameShape(a: readonly number[], b: readonly number[], what: string): void {
  if (!sameShape(a, b)) throw new ShapeError(`${what}: shape ${shapeStr(b)} does not match ${shapeStr(a)}`);
}
