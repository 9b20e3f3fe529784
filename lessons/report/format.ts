/** Number and text formatting shared by every part of a report, so HTML and Markdown show the same digits. */
import type { PlainValue } from '../../engine/core/types';

/**
 * A number as the report prints it: 4 decimals (as the inspector does) for everyday magnitudes, 4 significant
 * digits below 0.01 and in exponent form for very large or very small ones, so no gradient reads as 0.0000.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0.0000';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-4) return x.toExponential(3);
  // Below 0.01, four decimals would keep only one or two digits: keep four significant ones instead.
  if (a < 1e-2) return x.toPrecision(4);
  return x.toFixed(4);
}

/**
 * How to print the entries of one tensor: whole numbers (an image's pixels, counts) without decimals, everyday
 * magnitudes with 4 decimals each, tiny or huge ones as `formatNumber` does; one rule per tensor so its columns
 * line up.
 */
export function entryFormatter(data: readonly number[]): (x: number) => string {
  const whole = data.length > 0 && data.every((x) => Number.isInteger(x) && Math.abs(x) < 1e5);
  if (whole) return (x) => (Object.is(x, -0) ? '0' : String(x));
  // Everyday magnitudes: the same 4 decimals for every entry, so the columns line up.
  const maxAbs = data.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0);
  if (maxAbs >= 1e-2 && maxAbs < 1e5)
    return (x) => (Number.isFinite(x) ? (x === 0 ? 0 : x).toFixed(4) : formatNumber(x));
  return formatNumber;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escape text for a Markdown table cell (pipes and line breaks would end the cell). */
export function escapeMdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function isScalar(v: PlainValue): v is number {
  return typeof v === 'number';
}

/** Shape as the lecture writes it: 3×4, or "scalar". */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}

/** A tensor seen as a matrix for display: leading dims folded into rows, the last dim as columns. */
export function asMatrix(v: { shape: readonly number[]; data: readonly number[] }): {
  rows: number;
  cols: number;
  at: (r: number, c: number) => number;
} {
  const cols = v.shape.length === 0 ? 1 : v.shape[v.shape.length - 1];
  const rows = cols === 0 ? 0 : v.data.length / cols;
  return { rows, cols, at: (r, c) => v.data[r * cols + c] };
}

/** min, max and mean of a tensor's entries (for the caption under a heatmap). */
export function summarize(data: readonly number[]): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const x of data) {
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  return { min, max, mean: data.length ? sum / data.length : 0 };
}

/** A value on one line, for plain text (Markdown tables, alt text): the number, or a bracketed small tensor. */
export function formatValueInline(v: PlainValue, maxEntries = 12): string {
  if (isScalar(v)) return formatNumber(v);
  if (v.shape.length === 0) return formatNumber(v.data[0]);
  const m = asMatrix(v);
  if (v.data.length > maxEntries) {
    const s = summarize(v.data);
    return `${formatShape(v.shape)} tensor (min ${formatNumber(s.min)}, max ${formatNumber(s.max)}, mean ${formatNumber(s.mean)})`;
  }
  const fmt = entryFormatter(v.data);
  const rowText: string[] = [];
  for (let r = 0; r < m.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < m.cols; c++) cells.push(fmt(m.at(r, c)));
    rowText.push(`[${cells.join(', ')}]`);
  }
  return m.rows === 1 && v.shape.length <= 1 ? rowText[0] : `[${rowText.join(', ')}]`;
}

/**
 * What the graph's output is called in ∂·/∂node: its label when it is a short name (F, L, J, ℓ), else L.
 * The engine's chain-rule lines use the output's label too, so the report reads the same everywhere.
 */
export function lossName(graph: { nodes: readonly { id: number; label: string }[]; root: number }): string {
  const name = shortLabel(graph.nodes.find((n) => n.id === graph.root)?.label ?? '');
  return name && name.length <= 4 ? name : 'L';
}

/** The short name of a node for captions and formulas: lessons label nodes like "z₂ = f₃(w₃, x)"; this gives "z₂". */
export function shortLabel(label: string): string {
  const i = label.indexOf(' = ');
  return i > 0 ? label.slice(0, i) : label;
}
