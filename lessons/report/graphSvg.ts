/**
 * The computation graph as a standalone SVG, drawn by our own code from the laid-out boxes (see `layout.ts`):
 * leaves as boxes coloured by kind, ops as circles holding their symbol, arrows from each input to its
 * consumer, and under every node its value and its gradient ∂L/∂node. Same input, same bytes: the app and the
 * command line give the same picture.
 */
import type { GraphJSON, GraphNodeJSON, NodeKind } from '../../engine/core/types';
import { escapeHtml, lossName, shortLabel } from './format';
import { CAPTION_LINE, captionLines, captionSize } from './nodeCaption';
import type { NodeBox, Positions } from './types';

const FILL: Record<NodeKind, string> = {
  data: '#e3efff',
  parameter: '#fff1d6',
  constant: '#eeeeee',
  function: '#ffffff',
};
const STROKE: Record<NodeKind, string> = {
  data: '#3a6fb0',
  parameter: '#b7791f',
  constant: '#777777',
  function: '#333333',
};
const FONT = "font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\"";
const MARGIN = 24;

function isLeaf(n: GraphNodeJSON): boolean {
  return n.op === 'leaf';
}

/** Where the segment from the box's centre towards (tx, ty) leaves the box (circle for ops, rectangle for leaves). */
function boundaryPoint(n: GraphNodeJSON, b: NodeBox, tx: number, ty: number): [number, number] {
  const dx = tx - b.x;
  const dy = ty - b.y;
  const len = Math.hypot(dx, dy) || 1;
  if (!isLeaf(n)) {
    const r = b.width / 2;
    return [b.x + (dx / len) * r, b.y + (dy / len) * r];
  }
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [b.x + dx * s, b.y + dy * s];
}

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

function missingBox(graph: GraphJSON, positions: Positions): number | undefined {
  return graph.nodes.find((n) => positions[n.id] === undefined)?.id;
}

export function graphSvg(graph: GraphJSON, positions: Positions): string {
  const missing = missingBox(graph, positions);
  if (missing !== undefined)
    throw new Error(`graphSvg: no position for node ${missing}; lay the graph out first`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const loss = lossName(graph);

  // Bounds: every box plus its caption lines.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of graph.nodes) {
    const b = positions[n.id];
    const cap = captionSize(n, loss);
    const halfW = Math.max(b.width, cap.width) / 2;
    minX = Math.min(minX, b.x - halfW);
    maxX = Math.max(maxX, b.x + halfW);
    minY = Math.min(minY, b.y - b.height / 2);
    maxY = Math.max(maxY, b.y + b.height / 2 + cap.height);
  }
  if (graph.nodes.length === 0) minX = minY = maxX = maxY = 0;
  const ox = MARGIN - minX;
  const oy = MARGIN - minY;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Computation graph: ${graph.nodes.length} nodes">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );

  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) throw new Error(`graphSvg: edge ${e.id} joins unknown node ${s ? e.target : e.source}`);
    const sb = positions[s.id];
    const tb = positions[t.id];
    const [x1, y1] = boundaryPoint(s, sb, tb.x, tb.y);
    const [x2, y2] = boundaryPoint(t, tb, sb.x, sb.y);
    parts.push(
      `<line x1="${r1(x1 + ox)}" y1="${r1(y1 + oy)}" x2="${r1(x2 + ox)}" y2="${r1(y2 + oy)}" stroke="#555" stroke-width="1.4" marker-end="url(#arrow)"/>`,
    );
  }

  for (const n of graph.nodes) {
    const b = positions[n.id];
    const cx = b.x + ox;
    const cy = b.y + oy;
    const strokeW = n.isOutput ? 3 : 1.5;
    parts.push(`<g class="node ${n.kind}" data-id="${n.id}">`);
    if (isLeaf(n)) {
      parts.push(
        `<rect x="${r1(cx - b.width / 2)}" y="${r1(cy - b.height / 2)}" width="${r1(b.width)}" height="${r1(b.height)}" rx="6" fill="${FILL[n.kind]}" stroke="${STROKE[n.kind]}" stroke-width="${strokeW}"/>`,
        `<text x="${r1(cx)}" y="${r1(cy + 5)}" text-anchor="middle" font-size="14" font-style="italic" ${FONT} fill="#111">${escapeHtml(shortLabel(n.name))}</text>`,
      );
    } else {
      parts.push(
        `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(b.width / 2)}" fill="${FILL[n.kind]}" stroke="${STROKE[n.kind]}" stroke-width="${strokeW}"/>`,
        `<text x="${r1(cx)}" y="${r1(cy + 5)}" text-anchor="middle" font-size="${n.symbol.length > 2 ? 11 : 15}" ${FONT} fill="#111">${escapeHtml(n.symbol || n.op)}</text>`,
      );
    }
    captionLines(n, loss).forEach((l, i) => {
      const y = cy + b.height / 2 + 4 + CAPTION_LINE * (i + 1) - 3;
      const fill = l.cls === 'grad' ? '#b03030' : '#1d4f91';
      parts.push(
        `<text x="${r1(cx)}" y="${r1(y)}" text-anchor="middle" font-size="11" ${FONT} fill="${fill}">${escapeHtml(l.text)}</text>`,
      );
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
