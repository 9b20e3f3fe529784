/**
 * Owns the Cytoscape instance of the lowered scalar graph: blocks (one per tensor node) as compound nodes
 * that open and close, positions from `blockLayout` (a preset layout: dagre on compound graphs is far too
 * slow), and the lockstep highlight applied as classes in one batch. Views give it plain data and listen to
 * its events; they never touch `cy`. The tensor side uses the debugger's GraphController as is.
 */
import type { Core, EventObject, StylesheetJson } from 'cytoscape';
import { graphStyle, COLORS, LIGHT_THEME, type GraphTheme } from '../graph/style';
import { Emitter, makeCy, zoomAboutCentre } from '../graph/cyBase';
import { blockId, blockLayout, scalarId, visibleElements, type ScalarModel } from './scalarGraph';
import type { LockstepState } from './store';

/** Above this many visible elements, labels are dropped and edges drawn straight (as the debugger does). */
export const SIMPLE_ABOVE = 2500;

export interface ScalarGraphEvents {
  /** A scalar node was tapped (null: the background or a block). */
  select: (valueId: number | null) => void;
  /** A block was double-tapped: open or close it. */
  toggle: (block: number) => void;
}

/** The scalar side's look, in a theme's colours (blocks too: their fill, border and title follow it). */
export function compareStyle(theme: GraphTheme = LIGHT_THEME): StylesheetJson {
  return [
    // Unreached nodes here are dimmed by opacity (below), which fades a block with the elements inside it;
    // the debugger's faded colours would dim them twice.
    ...graphStyle(theme).filter((r) => !('selector' in r && r.selector.startsWith('node.pending'))),
    {
      selector: 'node.block',
      style: {
        'font-family': 'system-ui, sans-serif',
        'font-size': 12,
        'background-color': theme.surface,
        'border-color': theme.edge,
        color: theme.text,
        'border-width': 1.5,
        'border-style': 'dashed',
        shape: 'round-rectangle',
      },
    },
    {
      selector: 'node.block.open',
      style: {
        'background-opacity': 0.5,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        padding: '14px',
      },
    },
    {
      selector: 'node.block.collapsed',
      style: { 'border-style': 'solid', 'background-color': theme.constant },
    },
    { selector: 'node[vid]', style: { 'font-size': 10 } },
    { selector: 'node.element', style: { 'border-width': 1.5 } },
    { selector: 'node.pending', style: { opacity: 0.3 } },
    {
      selector: 'node.grad-done',
      style: { 'border-color': COLORS.backward, 'border-style': 'solid', 'border-width': 2 },
    },
    {
      selector: 'node.block.current',
      style: {
        'border-color': COLORS.current,
        'border-width': 4,
        'border-style': 'solid',
        'background-color': theme.parameter,
        opacity: 1,
      },
    },
    {
      selector: 'node.current-el',
      style: { 'border-color': COLORS.current, 'border-width': 4, 'border-style': 'solid', opacity: 1 },
    },
    {
      selector: 'node.sel-value',
      style: { 'overlay-color': '#3b82f6', 'overlay-opacity': 0.3, 'overlay-padding': 6 },
    },
    {
      selector: 'edge.merged',
      style: { label: 'data(label)', 'font-size': 10, color: theme.text, width: 2.5 },
    },
    { selector: 'node.simple', style: { label: '', width: 12, height: 12, shape: 'ellipse' } },
    { selector: 'node.block.simple', style: { label: 'data(label)', 'font-size': 24 } },
    { selector: 'edge.simple', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 1 } },
  ];
}

export class ScalarGraphController {
  private readonly cy: Core;
  private model: ScalarModel | null = null;
  private expanded: ReadonlySet<number> = new Set();
  private state: LockstepState | null = null;
  private selected: number | null = null;
  private simple = false;
  /** Preset positions of what is drawn, kept so fitting and revealing never ask Cytoscape for bounding boxes
   *  (which measures every label and edge: seconds on thousands of nodes). */
  private pos: Map<string, { x: number; y: number }> = new Map();
  /** Per block, the box its drawn nodes span (model units). */
  private boxes = new Map<number, { x1: number; y1: number; x2: number; y2: number }>();
  private readonly events = new Emitter<ScalarGraphEvents>();
  private theme: GraphTheme = LIGHT_THEME;

  /** `container` null (or no 2d canvas, as in happy-dom) gives a headless instance with the same API. */
  constructor(container: HTMLElement | null) {
    this.cy = makeCy(container, {
      style: compareStyle(),
      minZoom: 0.01,
      maxZoom: 4,
      pixelRatio: 1,
      boxSelectionEnabled: false,
      autoungrabify: true,
    }).cy;
    this.cy.on('tap', (e: EventObject) => {
      const t = e.target;
      if (t === this.cy || !t.isNode() || t.hasClass('block')) this.emit('select', null);
      else this.emit('select', Number(t.data('vid')));
    });
    this.cy.on('dbltap', 'node', (e: EventObject) => {
      const block = e.target.data('block');
      if (block !== undefined) this.emit('toggle', Number(block));
    });
  }

  /** Redraw in a theme's colours (one style update; it starts in the light look). */
  setTheme(theme: GraphTheme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.cy.style(compareStyle(theme));
  }

  on<K extends keyof ScalarGraphEvents>(event: K, fn: ScalarGraphEvents[K]): () => void {
    return this.events.on(event, fn);
  }
  private emit<K extends keyof ScalarGraphEvents>(event: K, ...args: Parameters<ScalarGraphEvents[K]>): void {
    this.events.emit(event, ...args);
  }

  /** Show `model` with the blocks in `expanded` open; rebuilds the elements and their positions. */
  show(model: ScalarModel, expanded: ReadonlySet<number>): void {
    this.model = model;
    this.expanded = new Set(expanded);
    const els = visibleElements(model, expanded);
    const pos = blockLayout(model, expanded);
    this.pos = pos;
    this.boxes = new Map();
    for (const el of els) {
      const p = pos.get(String(el.data.id));
      const block = el.data.block as number | undefined;
      if (!p || block === undefined) continue;
      const b = this.boxes.get(block);
      if (!b) this.boxes.set(block, { x1: p.x, y1: p.y, x2: p.x, y2: p.y });
      else {
        b.x1 = Math.min(b.x1, p.x);
        b.y1 = Math.min(b.y1, p.y);
        b.x2 = Math.max(b.x2, p.x);
        b.y2 = Math.max(b.y2, p.y);
      }
    }
    this.simple = els.length > SIMPLE_ABOVE;
    for (const el of els) {
      const p = pos.get(String(el.data.id));
      if (p) el.position = { ...p };
      if (this.simple) el.classes = [...((el.classes as string[]) ?? []), 'simple'];
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    this.paint();
    this.fit();
  }

  /** Apply the lockstep state (and the selected scalar node) as classes, in one batch. */
  setState(state: LockstepState | null, selected: number | null): void {
    this.state = state;
    this.selected = selected;
    this.paint();
  }

  private paint(): void {
    const model = this.model;
    if (!model) return;
    const st = this.state;
    const current = new Set(st?.elementValues ?? []);
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const block = Number(n.data('block'));
        const isBlock = n.hasClass('block');
        const reached = !st || st.phase === 'idle' ? false : st.reached.has(block);
        n.toggleClass('pending', !reached);
        n.toggleClass('grad-done', !!st && st.gradDone.has(block) && !isBlock);
        if (isBlock) {
          n.toggleClass('current', st?.current === block);
        } else {
          const vid = Number(n.data('vid'));
          n.toggleClass('current-el', current.has(vid));
          n.toggleClass('sel-value', this.selected === vid);
        }
      });
    });
  }

  /** Fit everything drawn, from the preset positions (half a node of margin around them). */
  fit(): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const b of this.boxes.values()) {
      x1 = Math.min(x1, b.x1);
      y1 = Math.min(y1, b.y1);
      x2 = Math.max(x2, b.x2);
      y2 = Math.max(y2, b.y2);
    }
    if (!Number.isFinite(x1)) return;
    this.fitBox({ x1: x1 - 70, y1: y1 - 50, x2: x2 + 70, y2: y2 + 30 });
  }

  private fitBox(b: { x1: number; y1: number; x2: number; y2: number }): void {
    const w = this.cy.width() || 800;
    const h = this.cy.height() || 600;
    const zoom = Math.max(0.01, Math.min(2, w / (b.x2 - b.x1), h / (b.y2 - b.y1)));
    this.cy.viewport({
      zoom,
      pan: { x: w / 2 - zoom * ((b.x1 + b.x2) / 2), y: h / 2 - zoom * ((b.y1 + b.y2) / 2) },
    });
  }

  zoomBy(factor: number): void {
    zoomAboutCentre(this.cy, factor);
  }
  /** Pan to a block (or a scalar node) when it is out of view, as the debugger does while playing. */
  reveal(block: number, valueId?: number): void {
    const p = valueId !== undefined ? this.pos.get(scalarId(valueId)) : undefined;
    const b = p ? { x1: p.x, y1: p.y, x2: p.x, y2: p.y } : this.boxes.get(block);
    if (!b) return;
    const ext = this.cy.extent();
    const inside = b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2;
    if (!inside)
      this.cy.pan({
        x: this.cy.width() / 2 - this.cy.zoom() * ((b.x1 + b.x2) / 2),
        y: this.cy.height() / 2 - this.cy.zoom() * ((b.y1 + b.y2) / 2),
      });
  }

  /** For tests and the e2e hook: what is drawn. */
  isExpanded(block: number): boolean {
    return this.expanded.has(block);
  }
  nodeCount(): number {
    return this.cy.nodes().length;
  }
  edgeCount(): number {
    return this.cy.edges().length;
  }
  classesOfBlock(block: number): string[] {
    return this.cy.getElementById(blockId(block)).classes();
  }
  classesOfValue(valueId: number): string[] {
    return this.cy.getElementById(scalarId(valueId)).classes();
  }
  childCount(block: number): number {
    return this.cy.getElementById(blockId(block)).children().length;
  }
  /** Scalar nodes drawn with the 'current-el' class (the current tensor node's elements). */
  currentElements(): number[] {
    return this.cy.nodes('.current-el').map((n) => Number(n.data('vid')));
  }
  /** Rendered position of a node, relative to the container (for clicking it in e2e tests). */
  renderedPositionOf(valueId: number): { x: number; y: number } | null {
    const n = this.cy.getElementById(scalarId(valueId));
    return n.nonempty() ? { ...n.renderedPosition() } : null;
  }
  renderedPositionOfBlock(block: number): { x: number; y: number } | null {
    const n = this.cy.getElementById(blockId(block));
    return n.nonempty() ? { ...n.renderedPosition() } : null;
  }
  isSimplified(): boolean {
    return this.simple;
  }

  destroy(): void {
    this.events.clear();
    this.cy.destroy();
  }
}
