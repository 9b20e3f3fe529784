// A node's box holds its fullest label: leaves are ellipses, so their text block must fit inside one.
import { describe, expect, it } from 'vitest';
import { graphOf, tensor, value } from '../../../engine';
import { nodeLabel, nodeSize } from '../../../renderer/src/graph/labels';

/** The text block as nodeSize measures it: 7.4 px a character, 15 px a line. */
function textBlock(label: string): { w: number; h: number } {
  const lines = label.split('\n');
  return { w: Math.max(...lines.map((l) => l.length)) * 7.4, h: lines.length * 15 };
}

describe('nodeSize', () => {
  it('a leaf’s ellipse contains its text block’s corners; a function’s box its text plus padding', () => {
    const W = tensor(
      [
        [-0.6, 0.58],
        [0.1, 0.2],
      ],
      { label: 'W[1]', kind: 'parameter' },
    );
    const y = W.mul(tensor([2, 3])).sum();
    const g = graphOf(y);
    for (const n of g.nodes) {
      const full = nodeLabel(n, { value: n.value, grad: n.value });
      const t = textBlock(full);
      const s = nodeSize(n);
      if (n.kind === 'function') {
        expect(s.w).toBeGreaterThanOrEqual(t.w + 22);
        expect(s.h).toBe(t.h + 14);
      } else {
        // A corner (±t.w/2, ±t.h/2) is inside the ellipse with semi-axes s.w/2, s.h/2.
        expect((t.w / s.w) ** 2 + (t.h / s.h) ** 2).toBeLessThanOrEqual(1);
      }
    }
  });

  it('a scalar leaf x = −4: √2 × (9 chars · 7.4) + 12 wide, √2 × 3 lines · 15 + 8 high', () => {
    const x = value(-4, 'x');
    const n = graphOf(x.mul(1)).nodes.find((m) => m.label === 'x')!;
    // Fullest label "x", "= −4.0000", "∂ −4.0000" (sized with the value standing in for the gradient): 9 chars.
    const s = nodeSize(n);
    expect(s.w).toBeCloseTo(Math.SQRT2 * 9 * 7.4 + 12, 10);
    expect(s.h).toBeCloseTo(Math.SQRT2 * 3 * 15 + 8, 10);
  });
});
