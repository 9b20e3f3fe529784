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

/** A Cytoscape instance drawn into `container`, or headless when there is none or no canvas to draw on. */
export function makeCy(
  container: HTMLElement | null,
  options: Omit<CytoscapeOptions, 'container' | 'headless'>,
): { cy: Core; drawn: boolean } {
  const drawn = container !== null && canvasAvailable();
  const cy = cytoscape({ ...(drawn ? { container } : { headless: true, styleEnabled: true }), ...options });
  return { cy, drawn };
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
