/**
 * The simplified display's state, drawn on a canvas of our own over Cytoscape's.
 *
 * In the simplified display every node is a dot whose colour is its state at the cursor. Were those colours
 * Cytoscape styles, each step would restyle a few nodes, and Cytoscape redraws every element on any change:
 * ~60 ms a step for a 2,000-node graph (its 4,000 edges included), more on larger ones. So Cytoscape keeps
 * the structure (edges, and clear dots that still take clicks), which never changes while stepping and stays
 * in its layer cache, and this overlay draws the dots and the lit edges: a few thousand circles, grouped by
 * colour into one path each, in about a millisecond.
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

export class DotOverlay {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private on = false;
  private frame = 0;
  private readonly drawn = new Set<() => void>();
  private readonly redraw = (): void => this.schedule();

  /** Over the canvases of `cy` (drawn into `container`); null where there is no 2d canvas. */
  static create(cy: Core, container: HTMLElement, source: DotSource): DotOverlay | null {
    const host = container.querySelector('canvas')?.parentElement;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!host || !ctx) return null;
    return new DotOverlay(cy, host, canvas, ctx, source);
  }

  private constructor(
    private readonly cy: Core,
    host: HTMLElement,
    canvas: HTMLCanvasElement,
    ctx: CanvasRenderingContext2D,
    private readonly source: DotSource,
  ) {
    this.canvas = canvas;
    this.ctx = ctx;
    Object.assign(canvas.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      zIndex: '10',
      pointerEvents: 'none',
      display: 'none',
    });
    canvas.dataset.id = 'state-dots';
    host.appendChild(canvas);
    cy.on('viewport resize', this.redraw);
  }

  /** Show (and draw) or hide the overlay. */
  show(on: boolean): void {
    this.on = on;
    this.canvas.style.display = on ? 'block' : 'none';
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

  private draw(): void {
    this.frame = 0;
    const { ctx, canvas, cy } = this;
    const w = Math.round(cy.width());
    const h = Math.round(cy.height());
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (!this.on) return;
    const z = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(z, 0, 0, z, pan.x, pan.y);
    /** A dot's diameter in graph units at this zoom (its look's, or its least size on screen). */
    const diameter = (look: DotLook): number => Math.max(look.size, (look.minPx ?? 0) / z);
    // The visible part of the graph, in graph coordinates, with room for the largest dot and its marks.
    const m = 40 / Math.min(z, 1);
    const x1 = -pan.x / z - m;
    const y1 = -pan.y / z - m;
    const x2 = (w - pan.x) / z + m;
    const y2 = (h - pan.y) / z + m;
    const groups = new Map<DotLook, number[]>();
    const marks: { x: number; y: number; look: DotLook; mark: DotMark }[] = [];
    ctx.lineCap = 'round';
    ctx.lineWidth = Math.max(LIT.width, LIT.minPx / z);
    this.source.forEach(
      (x, y, look) => {
        if (x < x1 || x > x2 || y < y1 || y > y2) return;
        const xy = groups.get(look);
        if (xy) xy.push(x, y);
        else groups.set(look, [x, y]);
      },
      (ax, ay, bx, by, colour, dashed) => {
        ctx.strokeStyle = colour;
        ctx.setLineDash(dashed ? LIT.dash.map((d) => d / Math.min(z, 1)) : []);
        ctx.beginPath();
        ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
        ctx.stroke();
      },
      (x, y, look, mark) => {
        if (x >= x1 && x <= x2 && y >= y1 && y <= y2) marks.push({ x, y, look, mark });
      },
    );
    ctx.setLineDash([]);
    const drawMarks = (under: boolean): void => {
      for (const { x, y, look, mark } of marks) {
        const style = MARKS[mark];
        if (style.under !== under) continue;
        ctx.globalAlpha = style.alpha;
        ctx.beginPath();
        ctx.arc(x, y, diameter(look) / 2 + style.gap / Math.min(z, 1), 0, 2 * Math.PI);
        if (style.width === 0) {
          ctx.fillStyle = style.colour;
          ctx.fill();
        } else {
          ctx.strokeStyle = style.colour;
          ctx.lineWidth = style.width / Math.min(z, 1);
          ctx.stroke();
        }
      }
    };
    drawMarks(true);
    ctx.globalAlpha = 1;
    // One path per look; the larger (rarer) looks, a failed check and the current step, last.
    for (const [look, xy] of [...groups].sort((a, b) => diameter(a[0]) - diameter(b[0]))) {
      const r = diameter(look) / 2;
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
    drawMarks(false);
    ctx.globalAlpha = 1;
    for (const fn of [...this.drawn]) fn();
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.cy.off('viewport resize', this.redraw);
    this.drawn.clear();
    this.canvas.remove();
  }
}
