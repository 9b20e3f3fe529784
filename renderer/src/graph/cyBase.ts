/**
 * What the debugger's and the compare view's Cytoscape controllers share: making the instance (drawn into a
 * container, or headless where there is no 2d canvas, as in happy-dom, with the same API) and a small typed
 * event list for the views.
 */
import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';

function canvasAvailable(): boolean {
  if (typeof document === 'undefined') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * A Cytoscape instance drawn into `container`, or headless when there is none or no canvas to draw on. Where
 * nodes cannot be dragged nor boxes drawn (`autoungrabify`, no `boxSelectionEnabled`: every view here), the
 * frames skip canvas work that shows nothing (see `dropEmptyLayers` and `crispAtWholeScale`).
 */
export function makeCy(
  container: HTMLElement | null,
  options: Omit<CytoscapeOptions, 'container' | 'headless'>,
): { cy: Core; drawn: boolean } {
  const drawn = container !== null && canvasAvailable();
  const cy = cytoscape({ ...(drawn ? { container } : { headless: true, styleEnabled: true }), ...options });
  if (drawn && container && options.autoungrabify === true && options.boxSelectionEnabled === false) {
    dropEmptyLayers(container);
    crispAtWholeScale(cy, container, typeof options.pixelRatio === 'number' ? options.pixelRatio : null);
    if (options.userPanningEnabled !== false) panFromNodes(cy);
  }
  return { cy, drawn };
}

/**
 * A drag that starts on a node pans the view, as one on the background does: every node is made
 * `pannable` (Cytoscape's own passthrough panning, for mouse and touch) as it is put in. Without it such a
 * drag did nothing, since nodes cannot be moved here: in a graph of large labelled boxes, or of dots packed
 * close, there was little background left to take hold of. A click is no drag, so it still selects.
 */
function panFromNodes(cy: Core): void {
  cy.on('add', 'node', (e) => {
    e.target.panify();
  });
}

/**
 * Cytoscape's canvas renderer stacks three canvases: the elements, the elements being dragged, and the
 * selection box. With dragging and box selection off the last two only ever hold nothing, yet every frame
 * clears them, hands both to the compositor and blends them over the graph. Hidden, they cost nothing
 * (`npm run bench:ui`, 2,000 nodes: ~3.5 ms less CPU a step, in Chromium with software compositing).
 * Events are unaffected: Cytoscape listens on the container, not on its canvases.
 */
function dropEmptyLayers(container: HTMLElement): void {
  for (const c of container.querySelectorAll<HTMLCanvasElement>(
    'canvas[data-id$="-drag"], canvas[data-id$="-selectbox"]',
  ))
    c.style.display = 'none';
}

/**
 * Cytoscape draws each node and label from a cached texture rendered at scale 2^k for the zoom. When zoom ×
 * pixel ratio is exactly such a scale (zoom 1 here: the collapsed display of a large graph, and any graph at
 * 100 %), a texture pixel lands on one canvas pixel, so nearest-pixel copying is exact (up to the sub-pixel
 * offset, which bilinear filtering smeared into blurred borders and text) and, in software raster, cheaper:
 * ~1.2 ms of a ~4 ms redraw at 2,000 nodes. At any other zoom textures are scaled, and filtered as before.
 */
function crispAtWholeScale(cy: Core, container: HTMLElement, pixelRatio: number | null): void {
  const canvas = container.querySelector<HTMLCanvasElement>('canvas[data-id$="-node"]');
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  const ratio = pixelRatio ?? globalThis.devicePixelRatio ?? 1;
  const set = (): void => {
    const smooth = !Number.isInteger(Math.log2(cy.zoom() * ratio));
    // A resize of the canvas resets its state, so this is checked after every frame too.
    if (ctx.imageSmoothingEnabled !== smooth) ctx.imageSmoothingEnabled = smooth;
  };
  set();
  cy.on('zoom render', set);
}

/**
 * A zoom level within rounding of a power of two, made exact: the +/− buttons multiply by 1.25 and 0.8, and
 * four of each land on 1.0000000000000002, where Cytoscape would draw every node from its 2× texture,
 * filtered, instead of its 1× one, pixel for pixel (see `crispAtWholeScale`).
 */
export function snapZoom(z: number): number {
  const k = Math.round(Math.log2(z));
  return Math.abs(z / 2 ** k - 1) < 1e-9 ? 2 ** k : z;
}

/** Zoom by `factor` about the view's centre (the toolbar's + and −). */
export function zoomAboutCentre(cy: Core, factor: number): void {
  cy.zoom({
    level: snapZoom(cy.zoom() * factor),
    renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
  });
}

type Listener = (...args: never[]) => void;

/** Listeners by event name: `on` returns its own removal. */
export class Emitter<E extends { [K in keyof E]: Listener }> {
  private lists: { [K in keyof E]?: E[K][] } = {};

  on<K extends keyof E>(event: K, fn: E[K]): () => void {
    const list = (this.lists[event] ??= []);
    list.push(fn);
    return () => {
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    };
  }

  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    for (const fn of this.lists[event] ?? []) (fn as (...a: Parameters<E[K]>) => void)(...args);
  }

  clear(): void {
    this.lists = {};
  }
}
