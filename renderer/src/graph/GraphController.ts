/**
 * The one owner of the Cytoscape instance. Views hand it plain data (a trace index, a cursor, the
 * breakpoints and check results) and listen to its events; they never touch `cy`.
 *
 * A cursor move only changes classes and labels of the nodes the steps in between touched, all inside one
 * `cy.batch` (one style pass, one redraw), so a step costs the same on 20 nodes as on 2,000. In the
 * simplified display (dots) it changes no element at all: the state is kept here and drawn by an overlay
 * (./dotOverlay.ts), since Cytoscape redraws every element, thousands there, for any change.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import {
  activeEdges,
  changedBetween,
  eventAt,
  gradEntryAt,
  nodeStateAt,
  type TraceIndex,
} from '../debugger/traceIndex';
import type { PlainValue } from '../../../engine/core/types';
import { nodeLabel, nodeSize } from './labels';
import { followCentre, type Point } from './follow';
import { layeredPositions } from './layered';
import { graphStyle, LIGHT_THEME, SIMPLE_DOT, simpleDot, COLORS, type GraphTheme } from './style';
import { DotOverlay, diameter, type DotLook, type DotMark } from './dotOverlay';
import { Emitter, makeCy, zoomAboutCentre } from './cyBase';

let registered = false;
function registerDagre(): void {
  if (!registered) cytoscape.use(dagre);
  registered = true;
}

export type Direction = 'LR' | 'TB';

/** Above this many nodes the graph opens in the simplified display (no text, straight edges). */
export const SIMPLIFY_ABOVE = 5000;
/** Above this many nodes the layout is our linear-time layered one instead of dagre, and collapsed. */
export const DAGRE_MAX = 300;
/**
 * Collapsed display of a large graph (see `fillView` and `idleWork`): least half-size, in graph pixels, of
 * the window around the view that idle time fills (it grows with the view when zoomed out); headless, the
 * window put in around the current node.
 */
const WINDOW = { x: 900, y: 700 };
/** Idle time also puts in the neighbourhood of this many steps ahead of the cursor, and behind it. */
const LOOKAHEAD = 12;
const LOOKBEHIND = 3;
/**
 * At most this many nodes stay in `cy` (every frame costs time in proportion to all its elements, in view
 * or not); the ones farthest from the view go first, never those the view or the next steps need.
 */
const MAX_NODES = 360;
/**
 * Nodes put in at a time in idle time: putting a node in (with its edges) costs Cytoscape about 0.5 ms
 * here, so a chunk takes ~3 ms and is started only with more than IDLE_MS of the idle period left.
 */
const CHUNK = 6;
/** When the view moves, it takes in up to this many next steps, leaving room (graph pixels) for their size. */
const AHEAD_STEPS = 64;
const AHEAD_SLACK = { x: 120, y: 60 };
const IDLE_MS = 5;

type IdleDeadline = { timeRemaining(): number };
/** requestIdleCallback where there is one (Chromium, Electron); otherwise a short timeout with ~8 ms to spend. */
function whenIdle(fn: (d: IdleDeadline) => void): () => void {
  const g = globalThis as {
    requestIdleCallback?: (f: (d: IdleDeadline) => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (h: number) => void;
  };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const h = g.requestIdleCallback(fn, { timeout: 500 });
    const cancel = g.cancelIdleCallback;
    return () => cancel(h);
  }
  const t = setTimeout(() => {
    const end = performance.now() + 8;
    fn({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 16);
  return () => clearTimeout(t);
}

export interface GraphDecor {
  breakpoints: readonly number[];
  /** Node id → whether its numerical check passed. */
  checks: Readonly<Record<number, { pass: boolean }>>;
  selected: number | null;
}

export interface GraphEvents {
  /** A node was tapped (null: the background). */
  select: (id: number | null) => void;
  /** Right-click / long-press on a node, at page coordinates. */
  context: (id: number, x: number, y: number) => void;
}

const nid = (id: number): string => `n${id}`;

/** The classes a node's state sets (the others, kind and display, stay as created). */
const STATE_CLASSES = [
  'pending',
  'current',
  'has-grad',
  'grad-done',
  'check-fail',
  'check-pass',
  'bp',
  'sel',
] as const;
const STATE_SET = new Set<string>(STATE_CLASSES);
type StateFlags = Record<(typeof STATE_CLASSES)[number], boolean>;
/** The lit edges' classes. */
const FLOW_CLASSES = 'flow-fwd flow-bwd';

/**
 * Turn off (for displays with text) the canvas renderer's layered texture cache (the whole graph drawn into a few big textures,
 * redrawn after each change). Every step changes some nodes, so it is rebuilt or bypassed on nearly every
 * frame, and while a level is incomplete it draws from another level's textures, scaled, which showed
 * changed labels garbled. Elements are drawn from their own (per-element) texture caches instead.
 * Internal API of Cytoscape's canvas renderer (3.x); without it nothing changes.
 */
function layerCacheSwitch(cy: Core): (on: boolean) => void {
  type Cache = { getLayers(...a: unknown[]): unknown };
  type Renderer = { data?: { lyrTxrCache?: Cache } };
  const r = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  const ltc = r?.data?.lyrTxrCache;
  if (!ltc) return () => undefined;
  const original = ltc.getLayers;
  let enabled = true;
  ltc.getLayers = function (this: Cache, ...a: unknown[]) {
    return enabled ? original.apply(this, a) : null;
  };
  return (on) => {
    enabled = on;
  };
}

export class GraphController {
  private readonly cy: Core;
  private readonly drawn: boolean;
  private readonly layerCache: (on: boolean) => void;
  private index: TraceIndex | null = null;
  private cursor = -1;
  /** +1 when the cursor last moved forward (or jumped), −1 when it stepped back: where `reveal` looks ahead. */
  private heading = 1;
  private lit: readonly string[] = [];
  /** The class the lit edges carry (edges put in later get it at once). */
  private litClass: string | null = null;
  private decor: GraphDecor = { breakpoints: [], checks: {}, selected: null };
  private direction: Direction = 'LR';
  private simple = false;
  private pending: Promise<void> = Promise.resolve();
  /** Collapsed display of a large graph: every node's position; only a window of them is in `cy`. */
  private all: Map<number, { x: number; y: number }> | null = null;
  /** The pending idle callback that fills and trims the collapsed display (null: none). */
  private idleCancel: (() => void) | null = null;
  private theme: GraphTheme = LIGHT_THEME;
  /** Collapsed display: the node ids and edges now in `cy`, and each node's edges. */
  private readonly shown = new Set<number>();
  private readonly shownEdges = new Map<string, { id: string; source: number; target: number }>();
  private edgesOf = new Map<number, { id: string; source: number; target: number }[]>();
  private panTimer: ReturnType<typeof setTimeout> | null = null;
  /** How many times `reveal` has moved the view (for the bench: steps that move it cost more). */
  private moves = 0;
  /** Frames Cytoscape has drawn (for tests: a step of the simplified display draws none). */
  private cyFrames = 0;
  private readonly events = new Emitter<GraphEvents>();
  /**
   * Simplified display: each node's state classes at the cursor, kept here and drawn by the overlay (not set
   * on Cytoscape's elements, whose every restyle redraws the whole graph); and where each dot is.
   */
  private readonly dotState = new Map<number, StateFlags>();
  private dotPos: Map<number, Point> | null = null;
  private edgeById: Map<string, { source: number; target: number }> | null = null;
  /** The dots' looks by kind and state (see `lookOf`), for the theme they were made for. */
  private looks = new Map<string, DotLook[]>();
  private dots: DotOverlay | null = null;

  /** `container` null (or no 2d canvas, as in happy-dom) gives a headless instance: same API, no drawing. */
  constructor(container: HTMLElement | null) {
    registerDagre();
    const webgl = container !== null && globalThis.localStorage?.getItem('backstep.webgl') === '1';
    const { cy, drawn: draw } = makeCy(container, {
      ...(webgl ? ({ renderer: { name: 'canvas', webgl: true } } as object) : {}),
      style: graphStyle(),
      minZoom: 0.02,
      maxZoom: 4,
      pixelRatio: 1,
      motionBlur: false,
      textureOnViewport: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    this.cy = cy;
    this.drawn = draw;
    // Off, except for the simplified display (flat dots, no text to garble; all of a large graph in view).
    this.layerCache = draw ? layerCacheSwitch(this.cy) : () => undefined;
    this.layerCache(false);
    if (draw && container)
      this.dots = DotOverlay.create(this.cy, container, { forEach: (d, l, m) => this.eachDot(d, l, m) });
    this.cy.on('render', () => void this.cyFrames++);
    this.cy.on('tap', (e: EventObject) => {
      const t = e.target;
      const dot = this.dotAt(e.position);
      if (dot !== null) this.emit('select', dot);
      else if (t === this.cy) this.emit('select', null);
      else if (t.isNode()) this.emit('select', Number(t.data('nid')));
    });
    // Panning a collapsed graph brings the window along once the pan settles.
    this.cy.on('viewport', () => {
      if (this.all === null) return;
      if (this.panTimer !== null) clearTimeout(this.panTimer);
      this.panTimer = setTimeout(() => {
        this.panTimer = null;
        this.fillView();
      }, 150);
    });
    this.cy.on('cxttap', (e: EventObject) => {
      const p = e.originalEvent as MouseEvent | undefined;
      const t = e.target;
      const id = this.dotAt(e.position) ?? (t !== this.cy && t.isNode() ? Number(t.data('nid')) : null);
      if (id !== null) this.emit('context', id, p?.pageX ?? 0, p?.pageY ?? 0);
    });
  }

  /**
   * Simplified display: the node whose dot is nearest to `p` (graph coordinates) among those within reach
   * of a click: the dot as drawn and a little more, and at least 10 screen pixels, so a dot a pixel or two
   * across on a whole large graph can still be picked (Cytoscape's own hit test takes every dot at its size
   * in the graph, and there picks a neighbour or nothing). Null elsewhere, or with no dot near.
   */
  private dotAt(p: Point): number | null {
    const index = this.index;
    if (!this.simple || !this.dotPos || !index) return null;
    const z = this.cy.zoom();
    let best: number | null = null;
    let bestD = Infinity;
    for (const [id, q] of this.dotPos) {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d >= bestD) continue;
      const st = this.dotState.get(id);
      const n = index.nodes.get(id);
      const look = st && n ? this.lookOf(n.kind, st) : { colour: '', size: SIMPLE_DOT.size };
      const r = diameter(look, z) / 2;
      if (d <= Math.max(r + 2, 10 / z)) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }

  on<K extends keyof GraphEvents>(event: K, fn: GraphEvents[K]): () => void {
    return this.events.on(event, fn);
  }
  private emit<K extends keyof GraphEvents>(event: K, ...args: Parameters<GraphEvents[K]>): void {
    this.events.emit(event, ...args);
  }

  /**
   * Show a (new) trace at `cursor`. When only values changed (a leaf edit re-ran the same graph) the
   * positions stay; otherwise the elements are rebuilt and laid out.
   */
  setTrace(index: TraceIndex, cursor: number): Promise<void> {
    this.pending = this.build(index, cursor);
    return this.pending;
  }

  /** Resolves once the last `setTrace` has laid the graph out. */
  idle(): Promise<void> {
    return this.pending;
  }

  private async build(index: TraceIndex, cursor: number): Promise<void> {
    const prev = this.index;
    const sameGraph =
      prev !== null &&
      prev.ids.length === index.ids.length &&
      prev.ids.every((id, i) => index.ids[i] === id) &&
      prev.trace.graph.edges.every((e, i) => index.trace.graph.edges[i]?.id === e.id);
    this.index = index;
    this.cursor = cursor;
    if (sameGraph) {
      this.refreshAll();
      return;
    }
    this.simple = index.ids.length > SIMPLIFY_ABOVE;
    this.layerCache(this.simple);
    this.dots?.show(this.simple);
    this.dotState.clear();
    this.dotPos = null;
    this.edgeById = null;
    this.lit = [];
    this.all = null;
    this.clearShown();
    this.cy.batch(() => this.cy.elements().remove());
    await this.layout();
  }

  /**
   * A node's definition; `painted`: already in its state at the cursor (label and state classes), so that
   * putting it in costs one style pass, not two.
   */
  private nodeDef(id: number, position?: { x: number; y: number }, painted = false): ElementDefinition {
    const n = this.index!.nodes.get(id)!;
    const cls = [`kind-${n.kind}`];
    if (n.isOutput) cls.push('output');
    if (this.simple) cls.push('simple');
    let label = '';
    if (painted && !this.simple) {
      const st = this.stateOf(id);
      label = st.label ?? '';
      for (const c of STATE_CLASSES) if (st.classes[c]) cls.push(c);
    }
    return {
      group: 'nodes',
      data: { id: nid(n.id), nid: n.id, label, ...nodeSize(n, this.finalGrad(id)) },
      classes: cls,
      ...(position ? { position } : {}),
    };
  }

  private edgeDef(e: { id: string; source: number; target: number }): ElementDefinition {
    const cls = this.simple ? ['simple'] : [];
    // Collapsed display: edges without arrowheads, but for the lit ones (see style.ts).
    if (this.all !== null) cls.push('plain');
    if (this.litClass && !this.simple && this.lit.includes(e.id)) cls.push(this.litClass);
    return {
      group: 'edges',
      data: { id: e.id, source: nid(e.source), target: nid(e.target) },
      classes: cls,
    };
  }

  /** Every node and edge of the graph in Cytoscape (small graphs, and the simplified display). */
  private addEverything(): void {
    const index = this.index!;
    if (this.cy.nodes().length === index.ids.length && this.all === null) return;
    this.all = null;
    this.clearShown();
    const els = index.ids.map((id) => this.nodeDef(id));
    for (const e of index.trace.graph.edges) els.push(this.edgeDef(e));
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    this.refreshAll();
  }

  /**
   * The collapsed display of a large graph: only the nodes around the view are in Cytoscape (whose every
   * frame costs time in proportion to all its elements, visible or not). Positions are computed once.
   * A step only has to put in what the view shows and is not in yet (`fillView`); idle time between steps
   * puts in, a chunk at a time and styled there, the neighbourhoods of the next steps and a window around
   * the view, and takes out the nodes farthest from the view (`idleWork`). So a step that moves the view
   * to another part of the graph normally finds it there already.
   */
  private near(c: { x: number; y: number }, half: { x: number; y: number }, out: number[]): void {
    for (const [id, p] of this.all!)
      if (Math.abs(p.x - c.x) <= half.x && Math.abs(p.y - c.y) <= half.y) out.push(id);
  }

  /** Put in the nodes of `ids` not in yet (at most `limit`), with their edges to nodes in, painted. */
  private addNodes(ids: readonly number[], limit = Infinity): number {
    const all = this.all!;
    const shown = this.shown;
    const added: number[] = [];
    for (const id of ids) {
      if (added.length >= limit) break;
      if (shown.has(id)) continue;
      shown.add(id);
      added.push(id);
    }
    if (!added.length) return 0;
    const els: ElementDefinition[] = added.map((id) => this.nodeDef(id, all.get(id), true));
    for (const id of added)
      for (const e of this.edgesOf.get(id) ?? [])
        if (shown.has(e.source) && shown.has(e.target) && !this.shownEdges.has(e.id)) {
          this.shownEdges.set(e.id, e);
          els.push(this.edgeDef(e));
        }
    let eles: cytoscape.CollectionReturnValue | null = null;
    this.cy.batch(() => {
      eles = this.cy.add(els);
    });
    // Style them now (style, label sizes, edge geometry), not in the next frame's draw.
    if (this.drawn && eles) (eles as cytoscape.CollectionReturnValue).boundingBox();
    return added.length;
  }

  /** Take out nodes (their edges go with them). */
  private removeNodes(ids: readonly number[]): void {
    if (!ids.length) return;
    const gone = new Set(ids);
    for (const id of ids) this.shown.delete(id);
    for (const [eid, e] of this.shownEdges)
      if (gone.has(e.source) || gone.has(e.target)) this.shownEdges.delete(eid);
    this.cy.batch(() => {
      let sel = this.cy.collection();
      for (const id of ids) sel = sel.union(this.cy.getElementById(nid(id)));
      sel.remove();
    });
  }

  /** The view's centre and half-size in graph pixels (headless: the current node and WINDOW). */
  private viewBox(): { c: { x: number; y: number }; half: { x: number; y: number } } | null {
    if (!this.drawn) {
      const ev = this.index ? eventAt(this.index, Math.max(0, this.cursor)) : null;
      const p = ev ? this.all?.get(ev.node) : undefined;
      return p ? { c: p, half: WINDOW } : null;
    }
    const e = this.cy.extent();
    return { c: { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 }, half: { x: e.w / 2 + 40, y: e.h / 2 + 40 } };
  }

  /** What the view shows must be in Cytoscape now; the rest waits for idle time. */
  private fillView(): void {
    if (this.all === null) return;
    const v = this.viewBox();
    if (!v) return;
    const ids: number[] = [];
    this.near(v.c, v.half, ids);
    this.addNodes(ids);
    if (!this.drawn) this.trim(new Set(ids), v.c);
    this.scheduleIdle();
  }

  private scheduleIdle(): void {
    if (!this.drawn || this.idleCancel !== null || this.all === null) return;
    this.idleCancel = whenIdle((d) => {
      this.idleCancel = null;
      this.idleWork(d);
    });
  }

  /**
   * One idle slice: put in (a chunk at a time, while the slice lasts) the neighbourhoods of the next steps,
   * nearest first, then of the last few, then the window around the view; then trim. Reschedules itself
   * until nothing is left to do.
   */
  private idleWork(d: IdleDeadline): void {
    const index = this.index;
    const v = this.viewBox();
    if (this.all === null || !index || !v) return;
    const want: number[] = [];
    this.near(v.c, v.half, want);
    const steps: number[] = [];
    for (let k = 1; k <= LOOKAHEAD; k++) steps.push(this.cursor + k);
    for (let k = 1; k <= LOOKBEHIND; k++) steps.push(this.cursor - k);
    for (const s of steps) {
      const ev = eventAt(index, s);
      const p = ev ? this.all.get(ev.node) : undefined;
      if (p) this.near(p, v.half, want);
    }
    const half = { x: Math.max(WINDOW.x, v.half.x), y: Math.max(WINDOW.y, v.half.y) };
    this.near(v.c, half, want);
    let more = false;
    while (true) {
      if (d.timeRemaining() < IDLE_MS) {
        more = want.some((id) => !this.shown.has(id));
        break;
      }
      if (this.addNodes(want, CHUNK) === 0) break;
    }
    if (!more && d.timeRemaining() >= IDLE_MS) this.trim(new Set(want), v.c);
    else more = true;
    if (more) this.scheduleIdle();
  }

  /** Down to MAX_NODES: the nodes farthest from `c` go, never those in `keep`. */
  private trim(keep: ReadonlySet<number>, c: { x: number; y: number }): void {
    const over = this.shown.size - MAX_NODES;
    if (over <= 0) return;
    const all = this.all!;
    const d = (id: number): number => {
      const p = all.get(id)!;
      return Math.max(Math.abs(p.x - c.x) / WINDOW.x, Math.abs(p.y - c.y) / WINDOW.y);
    };
    const out = [...this.shown]
      .filter((id) => !keep.has(id))
      .sort((a, b) => d(b) - d(a))
      .slice(0, over);
    this.removeNodes(out);
  }

  /** A node's gradient at the end of the backward pass (sizes its box for the longest label). */
  private finalGrad(id: number): PlainValue | null {
    const index = this.index!;
    return gradEntryAt(index, id, index.trace.events.length - 1)?.value ?? null;
  }

  private clearShown(): void {
    this.shown.clear();
    this.shownEdges.clear();
    this.idleCancel?.();
    this.idleCancel = null;
  }

  /** Whether only a window of the graph is shown (large graph, full labels). */
  isWindowed(): boolean {
    return this.all !== null;
  }

  /** Move the display to a cursor position, redrawing only what changed. */
  showCursor(cursor: number): void {
    const index = this.index;
    if (!index) return;
    const changed = changedBetween(index, this.cursor, cursor);
    this.heading = cursor < this.cursor ? -1 : 1;
    this.cursor = cursor;
    if (this.all) {
      const ev = eventAt(index, cursor);
      // Drawn, the view follows the current node (see `reveal`), which fills it; headless, fill around it.
      if (!this.drawn) this.fillView();
      else if (ev && !this.shown.has(ev.node)) {
        const ids: number[] = [];
        this.near(this.all.get(ev.node)!, this.viewBox()!.half, ids);
        this.addNodes(ids);
      }
      this.scheduleIdle();
    }
    if (changed === null) return this.refreshAll();
    this.cy.batch(() => {
      for (const id of changed) this.paintNode(id);
      this.paintEdges();
    });
  }

  setDecor(decor: GraphDecor): void {
    const before = this.decor;
    this.decor = decor;
    const ids = new Set<number>([...before.breakpoints, ...decor.breakpoints]);
    for (const k of Object.keys(before.checks)) ids.add(Number(k));
    for (const k of Object.keys(decor.checks)) ids.add(Number(k));
    if (before.selected !== null) ids.add(before.selected);
    if (decor.selected !== null) ids.add(decor.selected);
    this.cy.batch(() => {
      for (const id of ids) this.paintNode(id);
    });
  }

  private refreshAll(): void {
    const index = this.index;
    if (!index) return;
    this.cy.batch(() => {
      for (const id of index.ids) this.paintNode(id);
      this.paintEdges();
    });
  }

  /** What a node shows at the cursor: its label (null in the simplified display) and state classes. */
  private stateOf(id: number): { label: string | null; classes: StateFlags } {
    const index = this.index!;
    const node = index.nodes.get(id)!;
    const s = nodeStateAt(index, id, this.cursor);
    const check = this.decor.checks[id];
    const classes: StateFlags = {
      pending: !s.reached,
      current: s.current,
      'has-grad': s.grad !== null && !s.gradDone,
      'grad-done': s.gradDone,
      'check-fail': check !== undefined && !check.pass,
      'check-pass': check !== undefined && check.pass,
      bp: this.decor.breakpoints.includes(id),
      sel: this.decor.selected === id,
    };
    return { label: this.simple ? null : nodeLabel(node, s), classes };
  }

  private paintNode(id: number): void {
    if (this.simple) {
      if (!this.index!.nodes.has(id)) return;
      this.dotState.set(id, this.stateOf(id).classes);
      this.dots?.schedule();
      return;
    }
    const ele = this.cy.getElementById(nid(id));
    if (ele.empty() || !this.index!.nodes.has(id)) return;
    const { label, classes: want } = this.stateOf(id);
    if (label !== null && ele.data('label') !== label) ele.data('label', label);
    // One class change per node (each toggleClass is a style pass of its own), and none when nothing changed.
    if (STATE_CLASSES.some((c) => ele.hasClass(c) !== want[c]))
      ele.classes([
        ...ele.classes().filter((c) => !STATE_SET.has(c)),
        ...STATE_CLASSES.filter((c) => want[c]),
      ]);
  }

  private paintEdges(): void {
    if (!this.simple) for (const id of this.lit) this.cy.getElementById(id).removeClass(FLOW_CLASSES);
    const act = this.index ? activeEdges(this.index, this.cursor) : null;
    this.lit = act?.ids ?? [];
    this.litClass = act ? (act.phase === 'forward' ? 'flow-fwd' : 'flow-bwd') : null;
    if (this.simple) this.dots?.schedule();
    else if (this.litClass) for (const id of this.lit) this.cy.getElementById(id).addClass(this.litClass);
  }

  /**
   * Layered layout, left to right unless toggled; resolves when the layout has stopped. Dagre for graphs a
   * student reads node by node; the linear-time layered layout for large ones.
   */
  async layout(direction: Direction = this.direction): Promise<void> {
    this.direction = direction;
    const index = this.index;
    if (!index) return;
    if (index.ids.length > DAGRE_MAX) {
      const order = index.trace.events
        .filter((e) => e.phase === 'forward')
        .map((e) => index.nodes.get(e.node)!);
      const pos = layeredPositions(
        order.map((n) => {
          const d = nodeSize(n, this.finalGrad(n.id));
          return { id: n.id, inputs: n.inputs, w: this.simple ? 14 : d.w, h: this.simple ? 14 : d.h };
        }),
        {
          direction,
          rankSep: this.simple ? 24 : 48,
          nodeSep: this.simple ? 6 : 16,
          // The overview shows the architecture (regular blocks); zoomed in, the view follows the cursor.
          placement: this.simple ? 'centred' : 'near',
        },
      );
      if (this.simple) {
        this.addEverything();
        this.cy.batch(() => {
          for (const [id, p] of pos) this.cy.getElementById(nid(id)).position(p);
        });
        this.dotPos = pos;
        this.cy.fit(undefined, 24);
        this.dots?.schedule();
      } else {
        this.all = pos;
        this.edgesOf = new Map();
        for (const e of index.trace.graph.edges) {
          for (const end of [e.source, e.target]) {
            const list = this.edgesOf.get(end);
            if (list) list.push(e);
            else this.edgesOf.set(end, [e]);
          }
        }
        const first = index.trace.events[Math.max(0, this.cursor)]?.node ?? index.ids[0]!;
        const c = pos.get(first)!;
        this.clearShown();
        this.cy.batch(() => this.cy.elements().remove());
        this.lit = [];
        this.cy.zoom(1);
        this.cy.pan({ x: this.cy.width() / 2 - c.x, y: this.cy.height() / 2 - c.y });
        this.fillView();
      }
      return;
    }
    this.addEverything();
    const layout = this.cy.layout({
      name: 'dagre',
      rankDir: direction,
      nodeSep: this.simple ? 6 : 24,
      rankSep: this.simple ? 30 : 56,
      fit: true,
      padding: 24,
      animate: false,
    } as cytoscape.LayoutOptions);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    if (this.simple) {
      this.dotPos = new Map(index.ids.map((id) => [id, { ...this.cy.getElementById(nid(id)).position() }]));
      this.dots?.schedule();
    }
  }

  /** Whether the graph is too large to be read whole, so the view should follow the current node. */
  isLarge(): boolean {
    return (this.index?.ids.length ?? 0) > DAGRE_MAX;
  }

  toggleDirection(): Promise<void> {
    return this.layout(this.direction === 'LR' ? 'TB' : 'LR');
  }
  getDirection(): Direction {
    return this.direction;
  }

  /** Switch between the full and the simplified (text-free) display. */
  setSimplified(on: boolean): Promise<void> {
    this.simple = on;
    this.layerCache(on);
    this.dots?.show(on);
    this.dotState.clear();
    this.dotPos = null;
    this.cy.batch(() => {
      const els = this.cy.elements();
      els.toggleClass('simple', on);
      // The simplified display's state is drawn by the overlay; the elements keep none.
      if (on) els.removeClass(`${STATE_CLASSES.join(' ')} ${FLOW_CLASSES}`);
    });
    this.refreshAll();
    return this.layout();
  }
  isSimplified(): boolean {
    return this.simple;
  }

  /** Redraw with a theme's colours (one style update; the controller starts in the light look). */
  setTheme(theme: GraphTheme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.cy.style(graphStyle(theme));
    this.looks = new Map();
    this.dots?.schedule();
  }

  fit(): void {
    this.cy.fit(undefined, 24);
  }
  zoomBy(factor: number): void {
    zoomAboutCentre(this.cy, factor);
  }
  /**
   * Pan so that a node is in view (the current node while stepping or playing). The view moves only once
   * the node gets within `margin` (a fraction of the view; default a tenth) of its edge, or with margin 0
   * only once it is out of sight (a small graph fitted whole keeps still), and without animation (a pan
   * redraws everything in view). When it moves, it takes in as many of the next steps as fit with the
   * node (in the direction the cursor last moved), not just the node at its centre: about half as many
   * jumps through a large graph, each costing a frame that draws nodes not seen before.
   */
  reveal(id: number, margin = 0.1): void {
    const p = this.positionFor(id);
    if (!p) return;
    const e = this.cy.extent();
    const mx = e.w * margin;
    const my = e.h * margin;
    if (p.x >= e.x1 + mx && p.x <= e.x2 - mx && p.y >= e.y1 + my && p.y <= e.y2 - my) return;
    const c = this.aheadBox(id, p, { w: e.w - 2 * mx, h: e.h - 2 * my });
    const z = this.cy.zoom();
    this.cy.pan({ x: this.cy.width() / 2 - c.x * z, y: this.cy.height() / 2 - c.y * z });
    this.moves++;
    this.fillView();
  }

  /** The view's zoom level. */
  zoom(): number {
    return this.cy.zoom();
  }
  /** How many frames Cytoscape has drawn. */
  cytoscapeFrames(): number {
    return this.cyFrames;
  }
  /** How many times the view has moved to follow a node (see `reveal`). */
  viewMoves(): number {
    return this.moves;
  }
  /** The simplified display's overlay (its tiles and pixels), for tests and the bench; null where none. */
  overlay(): Pick<DotOverlay, 'tileCounts' | 'pixels' | 'snapshot' | 'invalidate'> | null {
    return this.dots;
  }

  /** Where a node is: from the collapsed display's positions, else from Cytoscape (undefined: nowhere). */
  private positionFor(id: number): Point | undefined {
    const known = this.all?.get(id);
    if (known) return known;
    const ele = this.cy.getElementById(nid(id));
    return ele.nonempty() ? ele.position() : undefined;
  }

  /** The current node `id` at `p` and the nodes of the next steps (where the cursor is heading). */
  private aheadBox(id: number, p: Point, room: { w: number; h: number }): Point {
    const index = this.index;
    if (!index || eventAt(index, this.cursor)?.node !== id) return p;
    const next: Point[] = [];
    for (let k = 1; k <= AHEAD_STEPS; k++) {
      const ev = eventAt(index, this.cursor + k * this.heading);
      const q = ev ? this.positionFor(ev.node) : undefined;
      if (!q) break;
      next.push(q);
    }
    return followCentre(p, next, { w: room.w - AHEAD_SLACK.x, h: room.h - AHEAD_SLACK.y });
  }

  /** The text a node shows now (for tests and the bench hook). */
  labelOf(id: number): string {
    const raw = String(this.cy.getElementById(nid(id)).data('label') ?? '');
    return raw
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .replace(/\n+$/, '');
  }
  /** A node's classes ([] when it is not in Cytoscape, e.g. outside the collapsed display's window). */
  classesOf(id: number): string[] {
    const ele = this.cy.getElementById(nid(id));
    if (ele.empty()) return [];
    const st = this.simple ? this.dotState.get(id) : undefined;
    return st ? [...ele.classes(), ...STATE_CLASSES.filter((c) => st[c])] : ele.classes();
  }
  /** Whether a node's centre is in the visible part of the graph (false when headless; for tests). */
  inView(id: number): boolean {
    const p = this.positionFor(id);
    if (!this.drawn || !p) return false;
    const e = this.cy.extent();
    return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
  }
  /** A node's computed style property, as Cytoscape gives it (for tests). */
  styleOf(id: number, property: string): string {
    const ele = this.cy.getElementById(nid(id));
    return ele.empty() ? '' : String(ele.style(property));
  }
  edgeClasses(id: string): string[] {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return [];
    const lit = this.simple && this.litClass !== null && this.lit.includes(id);
    return lit ? [...ele.classes(), this.litClass!] : ele.classes();
  }
  /** Where a node is on screen, relative to the graph's container (null when it is not in Cytoscape). */
  renderedPositionOf(id: number): { x: number; y: number } | null {
    const n = this.cy.getElementById(nid(id));
    return n.nonempty() ? { ...n.renderedPosition() } : null;
  }
  positionOf(id: number): { x: number; y: number } {
    return { ...this.cy.getElementById(nid(id)).position() };
  }
  nodeCount(): number {
    return this.cy.nodes().length;
  }
  /** Wait for the next frame Cytoscape draws (resolves at once when headless). */
  nextRender(): Promise<void> {
    if (!this.drawn) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onRender(() => {
        off();
        resolve();
      });
    });
  }
  /**
   * Call `fn` after every frame drawn, by Cytoscape or by the simplified display's overlay (a step there
   * redraws only the overlay); returns the unsubscribe.
   */
  onRender(fn: () => void): () => void {
    this.cy.on('render', fn);
    const offDots = this.dots?.onDraw(fn);
    return () => {
      this.cy.off('render', fn);
      offDots?.();
    };
  }
  /**
   * Bench only: draw the element layer `times` times synchronously (what one step costs the canvas,
   * without waiting for a frame), returning ms per draw. Uses the canvas renderer's internal `render`.
   */
  drawCost(times: number): number {
    type Renderer = { redrawHint(what: string, on: boolean): void; render(o: object): void };
    const r = (this.cy as unknown as { renderer(): Renderer | undefined }).renderer();
    if (!this.drawn || !r) return NaN;
    const t0 = performance.now();
    for (let i = 0; i < times; i++) {
      r.redrawHint('eles', true);
      r.render({});
    }
    return (performance.now() - t0) / times;
  }
  /** The simplified display's dots (state colour at the cursor) and lit edges, for the overlay. */
  private eachDot(
    dot: (x: number, y: number, look: DotLook) => void,
    line: (x1: number, y1: number, x2: number, y2: number, colour: string, dashed: boolean) => void,
    mark: (x: number, y: number, look: DotLook, mark: DotMark) => void,
  ): void {
    const index = this.index;
    const pos = this.dotPos;
    if (!index || !pos || !this.simple) return;
    if (this.litClass) {
      const forward = this.litClass === 'flow-fwd';
      const colour = forward ? COLORS.forward : COLORS.backward;
      for (const id of this.lit) {
        this.edgeById ??= new Map(index.trace.graph.edges.map((e) => [e.id, e]));
        const e = this.edgeById.get(id);
        const a = e && pos.get(e.source);
        const b = e && pos.get(e.target);
        if (a && b) line(a.x, a.y, b.x, b.y, colour, !forward);
      }
    }
    for (const [id, p] of pos) {
      const st = this.dotState.get(id);
      const n = index.nodes.get(id);
      if (!st || !n) continue;
      const look = this.lookOf(n.kind, st);
      dot(p.x, p.y, look);
      if (st['check-pass']) mark(p.x, p.y, look, 'pass');
      if (st.sel) mark(p.x, p.y, look, 'sel');
      if (st.bp) mark(p.x, p.y, look, 'bp');
    }
  }

  /** A dot's look, made once per kind and state (thousands of dots share a handful of looks). */
  private lookOf(kind: string, st: StateFlags): DotLook {
    const bits =
      (st.current ? 1 : 0) |
      (st['check-fail'] ? 2 : 0) |
      (st['grad-done'] ? 4 : 0) |
      (st['has-grad'] ? 8 : 0) |
      (st.pending ? 16 : 0);
    let byState = this.looks.get(kind);
    if (!byState) this.looks.set(kind, (byState = []));
    return (byState[bits] ??= simpleDot(kind, st, this.theme.pane));
  }

  destroy(): void {
    if (this.panTimer !== null) clearTimeout(this.panTimer);
    this.idleCancel?.();
    this.dots?.destroy();
    this.events.clear();
    this.cy.destroy();
  }
}
