/**
 * A line chart as standalone SVG (the training loss J per step, gradient size per layer…): labelled axes, round
 * ticks, one coloured line per series with a legend, optionally a log-scale y axis.
 */
import { escapeHtml } from './format';
import type { ReportPlot } from './types';

const W = 600;
const H = 280;
const PAD = { left: 68, right: 16, top: 16, bottom: 44 };
const FONT = "font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\"";
const COLORS = ['#1d4f91', '#c0392b', '#1e7b34', '#8e44ad', '#b7791f', '#555555'];

/** About `count` round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** As many decimals as the tick step needs, so 0.25 is not printed as 0.3. */
function tickLabel(t: number, step: number): string {
  if (Math.abs(t) >= 1e5 || (t !== 0 && Math.abs(t) < 1e-4)) return t.toExponential(1);
  const decimals = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
  return t.toFixed(decimals);
}

const r = (x: number): string => (Math.round(x * 10) / 10).toString();

export function plotSvg(plot: ReportPlot): string {
  const usable = (y: number): boolean => Number.isFinite(y) && (!plot.logY || y > 0);
  const ty = (y: number): number => (plot.logY ? Math.log10(y) : y);
  const pts = plot.series.flatMap((s) => s.points.filter(([x, y]) => Number.isFinite(x) && usable(y)));
  if (pts.length === 0) throw new Error(`plotSvg: plot "${plot.title}" has no finite points to draw`);
  let x0 = Math.min(...pts.map((p) => p[0]));
  let x1 = Math.max(...pts.map((p) => p[0]));
  let y0 = Math.min(...pts.map((p) => ty(p[1])));
  let y1 = Math.max(...pts.map((p) => ty(p[1])));
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const yTicks = plot.logY
    ? niceTicks(Math.floor(y0), Math.ceil(y1)).filter((t) => Number.isInteger(t))
    : niceTicks(y0, y1);
  // The y axis spans whole tick steps, so a loss falling towards 0 is drawn down to the 0 line.
  const yStepRaw = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
  if (yTicks[0] > y0) yTicks.unshift(Number((yTicks[0] - yStepRaw).toPrecision(12)));
  if (yTicks[yTicks.length - 1] < y1)
    yTicks.push(Number((yTicks[yTicks.length - 1] + yStepRaw).toPrecision(12)));
  y0 = yTicks[0];
  y1 = yTicks[yTicks.length - 1];
  const xTicks = niceTicks(x0, x1, 6);
  const px = (x: number): number => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (v: number): number => PAD.top + ((y1 - v) / (y1 - y0)) * (H - PAD.top - PAD.bottom);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="plot" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(plot.title)}">`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
  ];
  const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
  for (const t of yTicks) {
    const label = plot.logY ? `1e${t}` : tickLabel(t, yStep);
    parts.push(
      `<line x1="${PAD.left}" y1="${r(py(t))}" x2="${W - PAD.right}" y2="${r(py(t))}" stroke="#e4e4e4"/>`,
      `<text x="${PAD.left - 6}" y="${r(py(t) + 4)}" text-anchor="end" font-size="11" ${FONT} fill="#333">${label}</text>`,
    );
  }
  const xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : 1;
  for (const t of xTicks)
    parts.push(
      `<text x="${r(px(t))}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" ${FONT} fill="#333">${tickLabel(t, xStep)}</text>`,
    );
  parts.push(
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    `<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 8}" text-anchor="middle" font-size="12" ${FONT} fill="#111">${escapeHtml(plot.xLabel)}</text>`,
    `<text transform="translate(16 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT} fill="#111">${escapeHtml(plot.yLabel + (plot.logY ? ' (log scale)' : ''))}</text>`,
  );
  plot.series.forEach((s, si) => {
    const color = COLORS[si % COLORS.length];
    // A non-finite (or, on a log axis, non-positive) point breaks the line instead of being drawn off the chart.
    const segments: string[][] = [[]];
    for (const [x, y] of s.points) {
      if (Number.isFinite(x) && usable(y)) segments[segments.length - 1].push(`${r(px(x))},${r(py(ty(y)))}`);
      else if (segments[segments.length - 1].length) segments.push([]);
    }
    for (const seg of segments) {
      if (seg.length > 1)
        parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${seg.join(' ')}"/>`);
      else if (seg.length === 1) {
        const [cx, cy] = seg[0].split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="2.5" fill="${color}"/>`);
      }
    }
    if (plot.series.length > 1) {
      const ly = PAD.top + 8 + 16 * si;
      parts.push(
        `<line x1="${W - PAD.right - 130}" y1="${ly}" x2="${W - PAD.right - 112}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
        `<text x="${W - PAD.right - 106}" y="${ly + 4}" font-size="11" ${FONT} fill="#111">${escapeHtml(s.name)}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
