/**
 * The engine's errors. Every message names the thing at fault (op, argument, shapes), so a student or a
 * lesson author can fix the input without reading engine code.
 */
import type { NonFiniteReport } from './types';

/** Throws `EngineError(msg())` when `cond` is false; the message is built only on failure (tfjs style). */
export function assert(cond: boolean, msg: () => string): asserts cond {
  if (!cond) throw new EngineError(msg());
}

/** Bad arguments: NaN data, an axis out of range, a ragged nested array, an unknown op. */
export class EngineError extends Error {
  override name = 'EngineError';
}

/** Shapes that do not fit an op, e.g. `matmul: inner dimensions differ: a is [2,3], b is [4,5]`. */
export class ShapeError extends EngineError {
  override name = 'ShapeError';
}

/** A value or gradient became NaN or ±Inf; `report` names the first node that produced it. */
export class NonFiniteError extends EngineError {
  override name = 'NonFiniteError';
  constructor(readonly report: NonFiniteReport) {
    super(report.message);
  }
}

/** `[2,3]`, the way shapes appear in messages. */
export function shapeStr(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
