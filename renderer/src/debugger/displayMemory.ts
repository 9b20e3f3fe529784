/**
 * The debugger's display choices (simplified or full labels, left-to-right or top-to-bottom) for the graph on
 * screen. The view is unmounted while another tab is open; coming back to the same graph, it shows it as the
 * student left it rather than as a graph first opens.
 */
import type { Direction } from '../graph/GraphController';

export interface DisplayChoice {
  simplified: boolean;
  direction: Direction;
}

let kept: { graph: object; choice: DisplayChoice } | null = null;

/** Remember the choice made for `graph` (the trace index on screen). */
export function rememberDisplay(graph: object | null, choice: DisplayChoice): void {
  kept = graph === null ? null : { graph, choice: { ...choice } };
}

/** The choice last made for `graph`, or null for a graph not shown before (or since another). */
export function recallDisplay(graph: object | null): DisplayChoice | null {
  return kept !== null && graph !== null && kept.graph === graph ? { ...kept.choice } : null;
}
