/**
 * How the debugger writes numbers: four decimals and a true minus sign (−), the way the inspector's
 * formulas and the lecture write them; tensors as their shape and a min / mean / max summary.
 */
import type { PlainValue } from '../../../engine/core/types';

/** 4 decimals, Unicode minus; exponent form when a fixed form would hide the number. */
export function fmt(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  const s = a !== 0 && (a < 10 ** -digits || a >= 1e7) ? x.toExponential(2) : x.toFixed(digits);
  // "-0.0000" reads as a sign error to a student: a rounded zero has no sign.
  return s.replace(/^-(0\.0*)$/, '$1').replace('-', '−');
}

export interface Summary {
  min: number;
  mean: number;
  max: number;
}

export function summarize(data: readonly number[] | Float64Array): Summary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, mean: data.length ? sum / data.length : NaN, max };
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join('×')}]`;
}

/** A value as one short line: a number, or `[2×3] min … mean … max …`. */
export function valueText(v: PlainValue): string {
  if (typeof v === 'number') return fmt(v);
  if (v.data.length === 1) return `${shapeText(v.shape)} ${fmt(v.data[0]!)}`;
  const s = summarize(v.data);
  return `${shapeText(v.shape)} min ${fmt(s.min, 3)} · mean ${fmt(s.mean, 3)} · max ${fmt(s.max, 3)}`;
}

/** Numbers of a value, flat (a scalar is one number). */
export function valueData(v: PlainValue): readonly number[] {
  return typeof v === 'number' ? [v] : v.data;
}

export function valueShape(v: PlainValue): readonly number[] {
  return typeof v === 'number' ? [] : v.shape;
}
