/** Small helpers the lesson.ts files share: naming intermediate nodes as the lecture does. */
import type { GraphNode } from '../../engine/index';

/** Gives a node the lecture's name (z₁, h, p…) so the debugger and the reports show it. */
export function named<T extends GraphNode>(node: T, label: string): T {
  node.label = label;
  return node;
}

/** e_y as a plain array: [0, …, 1 (at y), …, 0]. */
export function oneHot(k: number, y: number): number[] {
  return Array.from({ length: k }, (_, i) => (i === y ? 1 : 0));
}

/** 12 → "₁₂": subscript indices for labels such as W⁽¹⁾₁₂. */
export function sub(...indices: number[]): string {
  return indices.map((i) => String(i).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)])).join('');
}
