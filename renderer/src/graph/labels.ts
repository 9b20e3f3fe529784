/**
 * What a node says on the canvas at a cursor position: its op symbol and label, then its value once the
 * forward pass reached it and ∂L/∂node once the backward pass has. Tensors show their shape and
 * min / mean / max instead of numbers.
 */
import type { GraphNodeJSON, PlainValue } from '../../../engine/core/types';
import { fmt, shapeText, summarize } from '../debugger/format';
import type { NodeState } from '../debugger/traceIndex';

function head(n: GraphNodeJSON): string {
  const name = n.label || `#${n.id}`;
  return n.op === 'leaf' || !n.symbol ? name : `${n.symbol}  ${name}`;
}

function valueLines(v: PlainValue, prefix: string): string[] {
  if (typeof v === 'number') return [`${prefix}${fmt(v)}`];
  if (v.data.length === 1) return [`${prefix}${fmt(v.data[0]!)}`];
  const s = summarize(v.data);
  return [`${prefix}μ ${fmt(s.mean, 3)}`, `[${fmt(s.min, 2)}, ${fmt(s.max, 2)}]`];
}

export function nodeLabel(n: GraphNodeJSON, s: Pick<NodeState, 'value' | 'grad'> | null): string {
  const lines = [head(n)];
  if (n.mode === 'tensor' && n.shape.length > 0) lines[0] += `  ${shapeText(n.shape)}`;
  if (s?.value != null) lines.push(...valueLines(s.value, '= '));
  if (s?.grad != null) lines.push(...valueLines(s.grad, '∂ '));
  return lines.join('\n');
}

/** The node's box, sized once for its fullest label so the layout never shifts while stepping. */
export function nodeSize(n: GraphNodeJSON): { w: number; h: number } {
  const full = nodeLabel(n, { value: n.value, grad: n.grad ?? n.value }).split('\n');
  const chars = Math.max(...full.map((l) => l.length));
  return { w: Math.max(56, chars * 7.4 + 22), h: full.length * 15 + 14 };
}
