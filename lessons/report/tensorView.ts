/**
 * A node's value or gradient in the HTML report: a number; a small tensor as a small table of its entries;
 * a larger one as a heatmap (blue negative, white 0, red positive, scaled to the largest |entry|) with
 * its shape, min, max and mean written under it, so nothing depends on reading colours alone.
 */
import type { PlainValue } from '../../engine/core/types';
import {
  asMatrix,
  entryFormatter,
  escapeHtml,
  formatNumber,
  formatShape,
  isScalar,
  summarize,
} from './format';

/** Tensors up to this many rows and columns are printed in full. */
const TABLE_MAX = 6;

function heatColor(x: number, scale: number): string {
  const t = scale === 0 || !Number.isFinite(x) ? 0 : Math.max(-1, Math.min(1, x / scale));
  // Interpolate white → red (#c0392b) for t > 0 and white → blue (#2e6db4) for t < 0.
  const [r, g, b] = t >= 0 ? [192, 57, 43] : [46, 109, 180];
  const a = Math.abs(t);
  const mix = (c: number): number => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

function heatmapSvg(v: { shape: number[]; data: number[] }): string {
  const m = asMatrix(v);
  const cell = Math.max(3, Math.min(14, Math.floor(180 / Math.max(m.cols, m.rows, 1))));
  const scale = Math.max(...v.data.map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const rects: string[] = [];
  for (let r = 0; r < m.rows; r++)
    for (let c = 0; c < m.cols; c++)
      rects.push(
        `<rect x="${c * cell}" y="${r * cell}" width="${cell}" height="${cell}" fill="${heatColor(m.at(r, c), scale)}"/>`,
      );
  const w = m.cols * cell;
  const h = m.rows * cell;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="heatmap of a ${formatShape(v.shape)} tensor">${rects.join('')}<rect x="0" y="0" width="${w}" height="${h}" fill="none" stroke="#999"/></svg>`;
}

export function valueHtml(v: PlainValue | null): string {
  if (v === null) return '<span class="none">—</span>';
  if (isScalar(v)) return `<span class="num">${escapeHtml(formatNumber(v))}</span>`;
  if (v.shape.length === 0) return `<span class="num">${escapeHtml(formatNumber(v.data[0]))}</span>`;
  const m = asMatrix(v);
  if (m.rows <= TABLE_MAX && m.cols <= TABLE_MAX) {
    const fmt = entryFormatter(v.data);
    const rows: string[] = [];
    for (let r = 0; r < m.rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < m.cols; c++) cells.push(`<td>${escapeHtml(fmt(m.at(r, c)))}</td>`);
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    return `<table class="tensor" title="${formatShape(v.shape)}"><tbody>${rows.join('')}</tbody></table>`;
  }
  const s = summarize(v.data);
  return `<figure class="tensor-heat">${heatmapSvg(v)}<figcaption>${formatShape(v.shape)}: min ${formatNumber(s.min)}, max ${formatNumber(s.max)}, mean ${formatNumber(s.mean)}</figcaption></figure>`;
}
