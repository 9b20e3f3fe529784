/**
 * Node positions for the report's graph picture: dagre's layered layout, left to right (inputs on the left,
 * the loss on the right, as the lecture draws it), run in headless Cytoscape so the same code lays out the
 * graph in Node (command line) and in the app.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { GraphJSON, GraphNodeJSON } from '../../engine/core/types';
import { shortLabel } from './format';
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
  if (n.op === 'leaf') return { width: Math.max(56, 14 + 8 * shortLabel(n.label).length), height: 36 };
  const d = Math.max(40, 16 + 9 * n.symbol.length);
  return { width: d, height: d };
}

/** The room a node needs in the layout: its shape with the captions under it. */
function layoutBox(n: GraphNodeJSON): { width: number; height: number } {
  const shape = nodeSize(n);
  const cap = captionSize(n);
  return { width: Math.max(shape.width, cap.width), height: shape.height + cap.height };
}

export function layoutGraph(graph: GraphJSON): Positions {
  ensureDagre();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: String(n.id), ...layoutBox(n) } })),
      ...graph.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: `e${e.id}`, source: String(e.source), target: String(e.target) },
      })),
    ],
    style: [
      { selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } },
    ],
  });
  // Room below each node for its value and gradient captions.
  cy.layout({
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 70,
    rankSep: 70,
    animate: false,
  } as cytoscape.LayoutOptions).run();
  const out: Positions = {};
  for (const n of graph.nodes) {
    const el = cy.getElementById(String(n.id));
    const p = el.position();
    // dagre centred the shape and its captions together; the shape sits at the top of that box.
    out[n.id] = { x: p.x, y: p.y - captionSize(n).height / 2, ...nodeSize(n) };
  }
  cy.destroy();
  return out;
}
