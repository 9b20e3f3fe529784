/**
 * Heatmap helpers: a tensor seen as a grid (leading dims stacked into rows, last dim as columns) and a
 * diverging colour scale centred on 0 (blue negative, white 0, red positive), as gradients have signs.
 */
export interface Grid {
  rows: number;
  cols: number;
}

export function gridOf(shape: readonly number[]): Grid {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  const cols = shape[shape.length - 1]!;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  return { rows, cols };
}

/** The tensor index of a flat (row-major) position, e.g. 5 in [2,3] → [1, 2]. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d]!;
    flat = Math.floor(flat / shape[d]!);
  }
  return idx;
}

/** RGB for v on a scale symmetric around 0 with half-width `limit`. */
export function divergingColor(v: number, limit: number): [number, number, number] {
  if (!Number.isFinite(v)) return [0, 0, 0];
  const t = limit > 0 ? Math.max(-1, Math.min(1, v / limit)) : 0;
  // white → red (#dc2626) for t > 0, white → blue (#2563eb) for t < 0
  const [r, g, b] = t >= 0 ? [220, 38, 38] : [37, 99, 235];
  const a = Math.abs(t);
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/** Sequential scale for non-negative values (errors): white → dark red. */
export function sequentialColor(v: number, max: number): [number, number, number] {
  if (!Number.isFinite(v)) return [0, 0, 0];
  const a = max > 0 ? Math.max(0, Math.min(1, v / max)) : 0;
  return [Math.round(255 - 128 * a), Math.round(255 - 255 * a), Math.round(255 - 255 * a)];
}
