/** NodeValue ↔ JSON-safe PlainValue, finiteness checks, and a node's name in the engine's error messages. */
import type { GraphNode, NodeValue, PlainValue } from './types';

export function toPlain(v: NodeValue): PlainValue {
  if (typeof v === 'number') return v;
  return { shape: [...v.shape], data: Array.from(v.data) };
}

export function isFiniteValue(v: NodeValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  const d = v.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i] as number)) return false;
  return true;
}

/** The first non-finite number in a value, spelled for messages (NaN, Infinity, -Infinity). */
export function firstBad(v: NodeValue): string {
  if (typeof v === 'number') return String(v);
  for (const x of v.data) if (!Number.isFinite(x)) return String(x);
  return 'finite';
}

/**
 * A node's name outside any graph, for error messages (which also give its id): its label, or `op#id`.
 * Within a graph, what users see, use the stable names of `nodeNames` (engine/core/names.ts).
 */
export function nameOf(n: GraphNode): string {
  return n.label !== '' ? n.label : `${n.op}#${n.id}`;
}
