/**
 * What a node says on the canvas at a cursor position: its op symbol and label, then its value once the
 * forward pass reached it and ∂L/∂node once the backward pass has. Tensors show their shape and
 * min / mean / max instead of numbers.
 */
import type { GraphNodeJSON, PlainValue } from '../../../engine/core/types';
import { fmt, shapeText, summarize } from '../debugger/format';
import type { NodeState } from '../debugger/traceIndex';

function head(n: GraphNodeJSON): string {
  return n.op === 'leaf' || !n.symbol ? n.name : `${n.symbol}  ${n.name}`;
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

/** The longest the label gets: with the final value and the final gradient (or the value, for width). */
function fullLabel(n: GraphNodeJSON, finalGrad: PlainValue | null): { lines: number; chars: number } {
  const full = nodeLabel(n, { value: n.value, grad: finalGrad ?? n.value }).split('\n');
  return { lines: full.length, chars: Math.max(...full.map((l) => l.length)) };
}

/**
 * The node's box, sized once for its fullest label so the layout never shifts while stepping. Leaves are
 * drawn as ellipses (style.ts): a w × h block of text fits inside an ellipse whose axes are √2 times its
 * sides (its corners then sit on the ellipse), so theirs is √2 larger than a box's.
 */
export function nodeSize(n: GraphNodeJSON, finalGrad: PlainValue | null = null): { w: number; h: number } {
  const { lines, chars } = fullLabel(n, finalGrad);
  const text = { w: chars * 7.4, h: lines * 15 };
  if (n.kind === 'function') return { w: Math.max(56, text.w + 22), h: text.h + 14 };
  return { w: Math.max(56, Math.SQRT2 * text.w + 12), h: Math.SQRT2 * text.h + 8 };
}
