/** What is written under a node in the graph picture, and how much room that takes (the layout reserves it). */
import type { GraphNodeJSON, PlainValue } from '../../engine/core/types';
import { formatNumber, formatShape, isScalar, shortLabel, summarize } from './format';

export const CAPTION_LINE = 14;
/** Approximate advance of one character at the caption's 11 px. */
export const CAPTION_CHAR = 6.6;

export interface CaptionLine {
  text: string;
  cls: 'val' | 'grad';
}

/** A value in a caption: the number, or for a tensor its shape and mean. */
function captionValue(v: PlainValue): string {
  if (isScalar(v)) return formatNumber(v);
  if (v.shape.length === 0) return formatNumber(v.data[0]);
  return `${formatShape(v.shape)}, mean ${formatNumber(summarize(v.data).mean)}`;
}

/** "x = value", then "∂L/∂x = gradient" (the lecture's notation; `loss` is the output's name). */
export function captionLines(n: GraphNodeJSON, loss = 'L'): CaptionLine[] {
  const name = shortLabel(n.name);
  const lines: CaptionLine[] = [{ text: `${name} = ${captionValue(n.value)}`, cls: 'val' }];
  if (n.grad !== null) lines.push({ text: `∂${loss}/∂${name} = ${captionValue(n.grad)}`, cls: 'grad' });
  return lines;
}

/** Width and height the captions take below the shape (4 px gap included). */
export function captionSize(n: GraphNodeJSON, loss = 'L'): { width: number; height: number } {
  const lines = captionLines(n, loss);
  return {
    width: Math.max(...lines.map((l) => l.text.length * CAPTION_CHAR)),
    height: 4 + CAPTION_LINE * lines.length,
  };
}
