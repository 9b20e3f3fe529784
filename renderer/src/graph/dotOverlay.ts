/**
 * The simplified display's state, drawn on a canvas of our own over Cytoscape's.
 *
 * In the simplified display every node is a dot whose colour is its state at the cursor. Were those colours
 * Cytoscape styles, each step would restyle a few nodes, and Cytoscape redraws every element on any change:
 * ~60 ms a step for a 2,000-node graph (its 4,000 edges included), more on larger ones. So Cytoscape keeps
 * the structure (edges, and clear dots that still take clicks), which never changes while stepping and stays
 * in its layer cache, and this overlay draws the dots and the lit edges: a few thousand circles, grouped by
 * colour into one path each, in about a millisecond.
 *
 * The overlay is a grid of small canvases (tiles), and a frame redraws only the tiles where the picture
 * changed: a step changes two or three dots and a few edges. Without a GPU the browser copies a changed canvas
 * whole to the compositor each frame, and for one canvas over the graph that copy cost more than the drawing
 * (a plain page, 2,000 dots, one step: 9.1 ms one canvas, 5.1 ms redrawing one tile of 32). A tile's pixels
 * depend only on what is drawn and the view, so a tile drawn in any frame equals the whole picture drawn anew.
 */
import type { Core } from 'cytoscape';
import { COLORS } from './style';

/**
 * Drawn around a dot, as in the full display: a breakpoint's red ring (over the dot), the selected node's
 * blue halo and a passed check's green one (under the dots, so no dot changes colour).
 */
export type DotMark = 'bp' | 'sel' | 'pass';

/**
 * A dot's colour and diameter (graph units), and the least diameter it keeps on screen (px) however far the
 * view zooms out: the current step's dot stays findable on a whole large graph. Dots that share a look
 * share its object, and are drawn as one path.
 */
export interface DotLook {
  readonly colour: string;
  readonly size: number;
  readonly minPx?: number;
}

export interface DotSource {
  /**
   * Calls `dot` for each node (graph coordinates, look), `line` for each lit edge (dashed: the gradient's,
   * flowing against the edge) and `mark` for each breakpoint, passed check and the selected node.
   */
  forEach(
    dot: (x: number, y: number, look: DotLook) => void,
    line: (x1: number, y1: number, x2: number, y2: number, colour: string, dashed: boolean) => void,
    mark: (x: number, y: number, look: DotLook, mark: DotMark) => void,
  ): void;
}

/**
 * Marks: the full display's colour, drawn at `alpha`; ring width (0: a filled halo); gap beyond the dot.
 * Widths and gaps are in graph units, and at least as many screen pixels.
 */
const MARKS: Record<DotMark, { colour: string; alpha: number; width: number; gap: number; under: boolean }> =
  {
    pass: { colour: COLORS.pass, alpha: 0.35, width: 0, gap: 4, under: true },
    sel: { colour: COLORS.select, alpha: 0.35, width: 0, gap: 6, under: true },
    bp: { colour: COLORS.fail, alpha: 1, width: 2.5, gap: 3, under: false },
  };
/** Lit edges: width and dash pattern in graph units, and at least this width in screen px. */
const LIT = { width: 1.5, minPx: 2, dash: [6, 3] };
/** A tile's side, px: small enough that a step's changes copy little, large enough that tiles stay few. */
export const TILE = 128;
/** Room around a changed dot or edge for anti-aliasing, px. */
const AA = 2;

interface Line {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  colour: string;
  dashed: boolean;
}
interface Mark {
  x: number;
  y: number;
  look: DotLook;
  mark: DotMark;
}
/** What one frame draws, in graph coordinates, and the view it was drawn in. */
interface Scene {
  xs: number[];
  ys: number[];
  looks: DotLook[];
  lines: Line[];
  marks: Mark[];
  z: number;
  px: number;
  py: number;
}
interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
}

const lineKey = (l: Line): string => `${l.ax},${l.ay},${l.bx},${l.by},${l.colour},${l.dashed}`;
const markKey = (m: Mark): string => `${m.x},${m.y},${m.mark},${m.look.size},${m.look.minPx ?? 0}`;

export class DotOverlay {
  private readonly layer: HTMLDivElement;
  private tiles: Tile[] = [];
  private cols = 0;
  private rows = 0;
  private width = 0;
  private height = 0;
  /** Device pixels per CSS pixel the tiles were made for (crisp dots on a high-density screen). */
  private ratio = 1;
  /** The last frame drawn (null: redraw every tile next). */
  private last: Scene | null = null;
  private on = false;
  private frame = 0;
  private tilesDrawn = 0;
  private readonly drawn = new Set<() => void>();
  private readonly redraw = (): void => this.schedule();

  /** Over the canvases of `cy` (drawn into `container`); null where there is no 2d canvas. */
  static create(cy: Core, container: HTMLElement, source: DotSource): DotOverlay | null {
    const host = container.querySelector('canvas')?.parentElement;
    if (!host || !document.createElement('canvas').getContext('2d')) return null;
    return new DotOverlay(cy, host, source);
  }

  private constructor(
    private readonly cy: Core,
    host: HTMLElement,
    private readonly source: DotSource,
  ) {
    this.layer = document.createElement('div');
    Object.assign(this.layer.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      zIndex: '10',
      pointerEvents: 'none',
      display: 'none',
    });
    this.layer.dataset.id = 'state-dots';
    host.appendChild(this.layer);
    cy.on('viewport resize', this.redraw);
  }

  /** Show (and draw) or hide the overlay. */
  show(on: boolean): void {
    this.on = on;
    this.layer.style.display = on ? 'block' : 'none';
    this.last = null;
    this.schedule();
  }

  /** Draw in the next frame (once, however many changes come before it). */
  schedule(): void {
    if (this.frame !== 0 || !this.on) return;
    this.frame = requestAnimationFrame(() => this.draw());
  }

  /** Call `fn` after each frame the overlay draws; returns the unsubscribe. */
  onDraw(fn: () => void): () => void {
    this.drawn.add(fn);
    return () => this.drawn.delete(fn);
  }

  /** How many tiles there are, and how many have been drawn so far (for tests and the bench). */
  tileCounts(): { tiles: number; drawn: number } {
    return { tiles: this.tiles.length, drawn: this.tilesDrawn };
  }

  /** RGBA of `n` pixels of the overlay from (x, y) rightwards, px relative to the graph (for tests). */
  pixels(x: number, y: number, n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.tileAt(x + i, y);
      const at = (v: number): number => Math.floor(v * this.ratio);
      out.push(...(t ? t.ctx.getImageData(at(x + i - t.x), at(y - t.y), 1, 1).data : [0, 0, 0, 0]));
    }
    return out;
  }

  /** Every tile's pixels, row by row, tile after tile (for tests: an update against a full redraw). */
  snapshot(): number[] {
    return this.tiles.flatMap((t) => [...t.ctx.getImageData(0, 0, t.canvas.width, t.canvas.height).data]);
  }

  /** Forget the last frame, so the next one redraws every tile. */
  invalidate(): void {
    this.last = null;
    this.schedule();
  }

  private tileAt(x: number, y: number): Tile | undefined {
    const c = Math.floor(x / TILE);
    const r = Math.floor(y / TILE);
    return c >= 0 && c < this.cols && r >= 0 && r < this.rows ? this.tiles[r * this.cols + c] : undefined;
  }

  /**
   * Tiles covering the graph's container: TILE × TILE CSS pixels, the last row and column cut to fit, each
   * with `ratio` device pixels per CSS pixel.
   */
  private fit(w: number, h: number, ratio: number): void {
    if (w === this.width && h === this.height && ratio === this.ratio) return;
    for (const t of this.tiles) t.canvas.remove();
    this.tiles = [];
    this.width = w;
    this.height = h;
    this.ratio = ratio;
    this.cols = Math.ceil(w / TILE);
    this.rows = Math.ceil(h / TILE);
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) {
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('dotOverlay: no 2d canvas');
        const x = c * TILE;
        const y = r * TILE;
        const tw = Math.min(TILE, w - x);
        const th = Math.min(TILE, h - y);
        canvas.width = Math.round(tw * ratio);
        canvas.height = Math.round(th * ratio);
        Object.assign(canvas.style, {
          position: 'absolute',
          left: `${x}px`,
          top: `${y}px`,
          width: `${tw}px`,
          height: `${th}px`,
        });
        this.layer.appendChild(canvas);
        this.tiles.push({ x, y, w: tw, h: th, canvas, ctx });
      }
    this.last = null;
  }

  private draw(): void {
    this.frame = 0;
    if (this.on) this.paint();
    for (const fn of [...this.drawn]) fn();
  }

  /** What the source draws now, in the current view. */
  private scene(): Scene {
    const pan = this.cy.pan();
    const s: Scene = {
      xs: [],
      ys: [],
      looks: [],
      lines: [],
      marks: [],
      z: this.cy.zoom(),
      px: pan.x,
      py: pan.y,
    };
    this.source.forEach(
      (x, y, look) => {
        s.xs.push(x);
        s.ys.push(y);
        s.looks.push(look);
      },
      (ax, ay, bx, by, colour, dashed) => s.lines.push({ ax, ay, bx, by, colour, dashed }),
      (x, y, look, mark) => s.marks.push({ x, y, look, mark }),
    );
    return s;
  }

  private paint(): void {
    this.fit(Math.round(this.cy.width()), Math.round(this.cy.height()), globalThis.devicePixelRatio || 1);
    const now = this.scene();
    const dirty = new Uint8Array(this.tiles.length);
    const last = this.last;
    if (
      !last ||
      last.z !== now.z ||
      last.px !== now.px ||
      last.py !== now.py ||
      last.xs.length !== now.xs.length
    ) {
      dirty.fill(1);
    } else {
      const box = (x1: number, y1: number, x2: number, y2: number): void =>
        this.mark(dirty, now, x1, y1, x2, y2);
      for (let i = 0; i < now.xs.length; i++) {
        const a = last.looks[i]!;
        const b = now.looks[i]!;
        if (a === b && last.xs[i] === now.xs[i] && last.ys[i] === now.ys[i]) continue;
        for (const [x, y, look] of [
          [last.xs[i]!, last.ys[i]!, a],
          [now.xs[i]!, now.ys[i]!, b],
        ] as const) {
          const r = diameter(look, now.z) / 2;
          box(x - r, y - r, x + r, y + r);
        }
      }
      const lineWidth = lineWidthAt(now.z);
      for (const l of changed(last.lines, now.lines, lineKey))
        box(
          Math.min(l.ax, l.bx) - lineWidth,
          Math.min(l.ay, l.by) - lineWidth,
          Math.max(l.ax, l.bx) + lineWidth,
          Math.max(l.ay, l.by) + lineWidth,
        );
      for (const m of changed(last.marks, now.marks, markKey)) {
        const r = markReach(m, now.z);
        box(m.x - r, m.y - r, m.x + r, m.y + r);
      }
    }
    this.paintTiles(now, dirty);
    this.last = now;
  }

  /** Mark the tiles under a box given in graph coordinates. */
  private mark(dirty: Uint8Array, s: Scene, x1: number, y1: number, x2: number, y2: number): void {
    const c1 = Math.max(0, Math.floor((x1 * s.z + s.px - AA) / TILE));
    const c2 = Math.min(this.cols - 1, Math.floor((x2 * s.z + s.px + AA) / TILE));
    const r1 = Math.max(0, Math.floor((y1 * s.z + s.py - AA) / TILE));
    const r2 = Math.min(this.rows - 1, Math.floor((y2 * s.z + s.py + AA) / TILE));
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) dirty[r * this.cols + c] = 1;
  }

  /**
   * Redraw the marked tiles. Each is cleared and drawn whole, in an order that depends on nothing but what
   * is drawn (lit edges, the marks under the dots, the dots one path per look, smaller looks first, ties by
   * colour, then the rings), so a tile drawn in any frame matches its neighbours and seams do not show.
   */
  private paintTiles(s: Scene, dirty: Uint8Array): void {
    const { z } = s;
    const order = (a: DotLook, b: DotLook): number =>
      diameter(a, z) - diameter(b, z) || (a.colour < b.colour ? -1 : a.colour > b.colour ? 1 : 0);
    // The dots of each marked tile, by look (a dot on a seam goes to every tile it touches).
    const buckets = new Map<number, Map<DotLook, number[]>>();
    for (let i = 0; i < s.xs.length; i++) {
      const look = s.looks[i]!;
      const r = (diameter(look, z) / 2) * z + AA;
      const sx = s.xs[i]! * z + s.px;
      const sy = s.ys[i]! * z + s.py;
      const c1 = Math.max(0, Math.floor((sx - r) / TILE));
      const c2 = Math.min(this.cols - 1, Math.floor((sx + r) / TILE));
      const r1 = Math.max(0, Math.floor((sy - r) / TILE));
      const r2 = Math.min(this.rows - 1, Math.floor((sy + r) / TILE));
      for (let row = r1; row <= r2; row++)
        for (let col = c1; col <= c2; col++) {
          const k = row * this.cols + col;
          if (dirty[k] === 0) continue;
          let groups = buckets.get(k);
          if (!groups) buckets.set(k, (groups = new Map()));
          const xy = groups.get(look);
          if (xy) xy.push(s.xs[i]!, s.ys[i]!);
          else groups.set(look, [s.xs[i]!, s.ys[i]!]);
        }
    }
    for (let k = 0; k < this.tiles.length; k++) {
      if (dirty[k] === 0) continue;
      const t = this.tiles[k]!;
      const ctx = t.ctx;
      const dpr = this.ratio;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, t.canvas.width, t.canvas.height);
      ctx.setTransform(z * dpr, 0, 0, z * dpr, (s.px - t.x) * dpr, (s.py - t.y) * dpr);
      // This tile in graph coordinates.
      const gx1 = (t.x - s.px) / z;
      const gy1 = (t.y - s.py) / z;
      const gx2 = (t.x + t.w - s.px) / z;
      const gy2 = (t.y + t.h - s.py) / z;
      // Whether a box (graph units), widened by `pad` and by the anti-aliasing margin, reaches the tile.
      const touches = (x1: number, y1: number, x2: number, y2: number, pad: number): boolean => {
        const p = pad + AA / z;
        return x2 + p >= gx1 && x1 - p <= gx2 && y2 + p >= gy1 && y1 - p <= gy2;
      };
      drawLines(ctx, s, (l, pad) =>
        touches(Math.min(l.ax, l.bx), Math.min(l.ay, l.by), Math.max(l.ax, l.bx), Math.max(l.ay, l.by), pad),
      );
      const marks = s.marks.filter((m) => {
        const r = markReach(m, z);
        return touches(m.x, m.y, m.x, m.y, r);
      });
      drawMarks(ctx, marks, z, true);
      const groups = buckets.get(k);
      if (groups)
        drawDots(
          ctx,
          [...groups].sort((a, b) => order(a[0], b[0])),
          z,
        );
      drawMarks(ctx, marks, z, false);
      ctx.globalAlpha = 1;
      this.tilesDrawn++;
    }
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.cy.off('viewport resize', this.redraw);
    this.drawn.clear();
    this.layer.remove();
  }
}

/** A dot's diameter in graph units at zoom z (its look's, or its least size on screen). */
export function diameter(look: DotLook, z: number): number {
  return Math.max(look.size, (look.minPx ?? 0) / z);
}

/** A lit edge's width in graph units at zoom z. */
function lineWidthAt(z: number): number {
  return Math.max(LIT.width, LIT.minPx / z);
}

/** How far a mark reaches from its dot's centre, graph units. */
function markReach(m: Mark, z: number): number {
  const style = MARKS[m.mark];
  return diameter(m.look, z) / 2 + (style.gap + style.width) / Math.min(z, 1);
}

/** The items of `a` not in `b` and those of `b` not in `a` (by key). */
function changed<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  if (a.length === 0 && b.length === 0) return [];
  const ka = new Set(a.map(key));
  const kb = new Set(b.map(key));
  return [...a.filter((x) => !kb.has(key(x))), ...b.filter((x) => !ka.has(key(x)))];
}

/** The lit edges that `near` accepts (given the edge and its half width, graph units). */
function drawLines(ctx: CanvasRenderingContext2D, s: Scene, near: (l: Line, pad: number) => boolean): void {
  const width = lineWidthAt(s.z);
  ctx.lineCap = 'round';
  ctx.lineWidth = width;
  for (const l of s.lines) {
    if (!near(l, width)) continue;
    ctx.strokeStyle = l.colour;
    ctx.setLineDash(l.dashed ? LIT.dash.map((d) => d / Math.min(s.z, 1)) : []);
    ctx.beginPath();
    ctx.moveTo(l.ax, l.ay);
    ctx.lineTo(l.bx, l.by);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly Mark[], z: number, under: boolean): void {
  for (const { x, y, look, mark } of marks) {
    const style = MARKS[mark];
    if (style.under !== under) continue;
    ctx.globalAlpha = style.alpha;
    ctx.beginPath();
    ctx.arc(x, y, diameter(look, z) / 2 + style.gap / Math.min(z, 1), 0, 2 * Math.PI);
    if (style.width === 0) {
      ctx.fillStyle = style.colour;
      ctx.fill();
    } else {
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = style.width / Math.min(z, 1);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** One path per look, in the given order. */
function drawDots(ctx: CanvasRenderingContext2D, groups: readonly [DotLook, number[]][], z: number): void {
  for (const [look, xy] of groups) {
    const r = diameter(look, z) / 2;
    ctx.fillStyle = look.colour;
    ctx.beginPath();
    // A dot under 4 pixels across (a large graph fitted whole) is drawn as a square: the same pixels,
    // a fraction of the cost of a circle.
    if (2 * r * z < 4)
      for (let i = 0; i < xy.length; i += 2) ctx.rect(xy[i]! - r, xy[i + 1]! - r, 2 * r, 2 * r);
    else
      for (let i = 0; i < xy.length; i += 2) {
        ctx.moveTo(xy[i]! + r, xy[i + 1]!);
        ctx.arc(xy[i]!, xy[i + 1]!, r, 0, 2 * Math.PI);
      }
    ctx.fill();
  }
}
