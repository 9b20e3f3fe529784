/**
 * Node positions for the report's graph picture: dagre's layered layout, left to right (inputs on the left,
 * the loss on the right, as the lecture draws it), run in headless Cytoscape so the same code lays out the
 * graph in Node (command line) and in the app.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { GraphJSON, GraphNodeJSON } from '../../engine/core/types';
import { lossName, shortLabel } from './format';
import { captionSize } from './nodeCaption';
import type { Positions } from './types';

let registered = false;
function ensureDagre(): void {
  if (registered) return;
  cytoscape.use(dagre);
  registered = true;
}

/** Leaves are boxes sized to their label; ops are circles holding their symbol. */
export function nodeSize(n: GraphNodeJSON): { width: number; height: number } {
  if (n.op === 'leaf') return { width: Math.max(56, 14 + 8 * shortLabel(n.name).length), height: 36 };
  const d = Math.max(40, 16 + 9 * n.symbol.length);
  return { width: d, height: d };
}

/** The room a node needs in the layout: its shape with the captions under it. */
function layoutBox(n: GraphNodeJSON, loss: string): { width: number; height: number } {
  const shape = nodeSize(n);
  const cap = captionSize(n, loss);
  return { width: Math.max(shape.width, cap.width), height: shape.height + cap.height };
}

type Direction = 'LR' | 'TB';

function runDagre(graph: GraphJSON, rankDir: Direction): Positions {
  ensureDagre();
  const loss = lossName(graph);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...graph.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: String(n.id), ...layoutBox(n, loss) },
      })),
      ...graph.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: `e${e.id}`, source: String(e.source), target: String(e.target) },
      })),
    ],
    style: [
      { selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } },
    ],
  });
  cy.layout({
    name: 'dagre',
    rankDir,
    nodeSep: 24,
    rankSep: rankDir === 'LR' ? 48 : 36,
    animate: false,
  } as cytoscape.LayoutOptions).run();
  const out: Positions = {};
  for (const n of graph.nodes) {
    const p = cy.getElementById(String(n.id)).position();
    // dagre centred the shape and its captions together; the shape sits at the top of that box.
    out[n.id] = { x: p.x, y: p.y - captionSize(n, loss).height / 2, ...nodeSize(n) };
  }
  cy.destroy();
  return out;
}

/** Width and height of the drawing (shapes and captions). */
export function drawingSize(graph: GraphJSON, pos: Positions): { width: number; height: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const n of graph.nodes) {
    const b = pos[n.id];
    const cap = captionSize(n, lossName(graph));
    const half = Math.max(b.width, cap.width) / 2;
    minX = Math.min(minX, b.x - half);
    maxX = Math.max(maxX, b.x + half);
    minY = Math.min(minY, b.y - b.height / 2);
    maxY = Math.max(maxY, b.y + b.height / 2 + cap.height);
  }
  return graph.nodes.length ? { width: maxX - minX, height: maxY - minY } : { width: 0, height: 0 };
}

/** The room a printed page gives the picture (A4 with margins, in CSS px). */
const PAGE = { width: 860, height: 980 };

function fitScale(size: { width: number; height: number }): number {
  return Math.min(1, PAGE.width / Math.max(1, size.width), PAGE.height / Math.max(1, size.height));
}

/**
 * Left to right, as the lecture draws graphs; but a long chain that would have to shrink to unreadable text on
 * a page is laid out top to bottom instead, when that is clearly (25%) larger on the page.
 */
export function layoutGraph(graph: GraphJSON): Positions {
  const lr = runDagre(graph, 'LR');
  const lrScale = fitScale(drawingSize(graph, lr));
  if (lrScale >= 0.75) return lr;
  const tb = runDagre(graph, 'TB');
  return fitScale(drawingSize(graph, tb)) > 1.25 * lrScale ? tb : lr;
}
