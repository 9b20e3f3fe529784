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

/** Drawn around a dot: a breakpoint's red ring, the selected node's blue halo (as in the full display). */
export type DotMark = 'bp' | 'sel';

/** A dot's colour and diameter (graph units). Dots that share a look share its object: one path each. */
export interface DotLook {
  readonly colour: string;
  readonly size: number;
}

export interface DotSource {
  /**
   * Calls `dot` for each node (graph coordinates, look), `line` for each lit edge and `mark` for each
   * breakpoint and the selected node.
   */
  forEach(
    dot: (x: number, y: number, look: DotLook) => void,
    line: (x1: number, y1: number, x2: number, y2: number, colour: string, width: number) => void,
    mark: (x: number, y: number, size: number, mark: DotMark) => void,
  ): void;
}

const MARKS: Record<DotMark, { colour: string; width: number; gap: number; fill: boolean }> = {
  bp: { colour: '#dc2626', width: 3, gap: 3, fill: false },
  sel: { colour: 'rgba(59, 130, 246, 0.3)', width: 0, gap: 6, fill: true },
};

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
    // The visible part of the graph, in graph coordinates (with room for the largest dot).
    const m = 16;
    const x1 = -pan.x / z - m;
    const y1 = -pan.y / z - m;
    const x2 = (w - pan.x) / z + m;
    const y2 = (h - pan.y) / z + m;
    // Dots by look, each look one path; the larger (rarer) looks, check failures and the current step, last.
    const groups = new Map<DotLook, number[]>();
    const marks: { x: number; y: number; size: number; mark: DotMark }[] = [];
    ctx.lineCap = 'round';
    this.source.forEach(
      (x, y, look) => {
        if (x < x1 || x > x2 || y < y1 || y > y2) return;
        const xy = groups.get(look);
        if (xy) xy.push(x, y);
        else groups.set(look, [x, y]);
      },
      (ax, ay, bx, by, colour, width) => {
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
        ctx.stroke();
      },
      (x, y, size, mark) => {
        if (x >= x1 && x <= x2 && y >= y1 && y <= y2) marks.push({ x, y, size, mark });
      },
    );
    for (const [look, xy] of [...groups].sort((a, b) => a[0].size - b[0].size)) {
      const r = look.size / 2;
      ctx.fillStyle = look.colour;
      ctx.beginPath();
      // A dot under 4 pixels across (a large graph fitted whole) is drawn as a square: the same pixels,
      // a fraction of the cost of a circle.
      if (look.size * z < 4)
        for (let i = 0; i < xy.length; i += 2) ctx.rect(xy[i]! - r, xy[i + 1]! - r, 2 * r, 2 * r);
      else
        for (let i = 0; i < xy.length; i += 2) {
          ctx.moveTo(xy[i]! + r, xy[i + 1]!);
          ctx.arc(xy[i]!, xy[i + 1]!, r, 0, 2 * Math.PI);
        }
      ctx.fill();
    }
    for (const { x, y, size, mark } of marks) {
      const look = MARKS[mark];
      ctx.beginPath();
      ctx.arc(x, y, size / 2 + look.gap, 0, 2 * Math.PI);
      if (look.fill) {
        ctx.fillStyle = look.colour;
        ctx.fill();
      } else {
        ctx.strokeStyle = look.colour;
        ctx.lineWidth = look.width;
        ctx.stroke();
      }
    }
    for (const fn of [...this.drawn]) fn();
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.cy.off('viewport resize', this.redraw);
    this.drawn.clear();
    this.canvas.remove();
  }
}
