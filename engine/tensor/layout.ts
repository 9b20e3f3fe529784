/**
 * Shapes and strides: sizes, row-major strides, NumPy broadcasting, axis normalisation, and turning
 * nested number arrays into (shape, Float64Array). No storage loops beyond flattening input.
 */
import { EngineError, ShapeError, assert, shapeStr } from '../core/errors';

export type Shape = readonly number[];

/** Number of elements (1 for a scalar shape []). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides: the last axis moves fastest. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * NumPy broadcasting: align shapes on the right; each pair of dims must be equal or one of them 1.
 * Throws `ShapeError` naming the op and both shapes.
 */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${op}: shapes cannot broadcast: a is ${shapeStr(a)}, b is ${shapeStr(b)}`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Strides for reading a tensor of `shape` as if it had the (larger) broadcast `outShape`: 0 along the
 * axes it is repeated on.
 */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const own = stridesOf(shape);
  const offset = outShape.length - shape.length;
  const out = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < shape.length; i++) out[offset + i] = shape[i] === 1 ? 0 : (own[i] as number);
  return out;
}

/** A possibly negative axis → 0..rank−1, or an error naming the op, the axis and the shape. */
export function normalizeAxis(axis: number, shape: Shape, op: string): number {
  const rank = shape.length;
  assert(
    Number.isInteger(axis) && axis >= -rank && axis < rank,
    () => `${op}: axis ${axis} is out of range for a tensor of shape ${shapeStr(shape)} (rank ${rank})`,
  );
  return axis < 0 ? axis + rank : axis;
}

export function checkShape(shape: Shape, what: string): void {
  for (const d of shape) {
    assert(
      Number.isInteger(d) && d >= 0,
      () => `${what}: bad shape ${shapeStr(shape)}: dims must be integers ≥ 0`,
    );
  }
}

export type Nested = number | readonly Nested[];

/** Shape and row-major data of a nested array; ragged arrays and non-finite numbers are rejected. */
export function flattenNested(x: Nested, what: string): { shape: number[]; data: Float64Array } {
  const shape: number[] = [];
  let probe: Nested = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = (probe as readonly Nested[])[0] as Nested;
    if (probe === undefined) break;
  }
  const data = new Float64Array(sizeOf(shape));
  let k = 0;
  const walk = (v: Nested, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number')
        throw new EngineError(`${what}: ragged nested array: ${path} is an array, expected a number`);
      if (!Number.isFinite(v))
        throw new EngineError(`${what}: data${path} is ${v}; data must be finite numbers`);
      data[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      const got = Array.isArray(v) ? `length ${v.length}` : 'a number';
      throw new EngineError(
        `${what}: ragged nested array: data${path} has ${got}, expected length ${shape[dim]} (shape ${shapeStr(shape)})`,
      );
    }
    for (let i = 0; i < v.length; i++) walk((v as readonly Nested[])[i] as Nested, dim + 1, `${path}[${i}]`);
  };
  walk(x, 0, '');
  return { shape, data };
}
