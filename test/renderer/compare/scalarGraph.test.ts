/**
 * The scalar graph's drawing data on L = Σ R ⊙ (A B) (2×2 matrices): blocks and their sizes worked by hand,
 * merged edges of collapsed blocks, and a layout whose open blocks never overlap.
 */
import { describe, expect, it } from 'vitest';
import { lower, tensor } from '../../../engine';
import { smallMatmul } from '../../helpers/smallMatmul';
import {
  blockId,
  blockLayout,
  LAYOUT,
  scalarId,
  scalarModel,
  visibleElements,
} from '../../../renderer/src/compare/scalarGraph';
import { compareStyle } from '../../../renderer/src/compare/ScalarGraphController';
import { LIGHT_THEME } from '../../../renderer/src/graph/style';

function model() {
  const { A, B, R, Z, L } = smallMatmul('data');
  Z.label = 'Z';
  const low = lower(L);
  low.root.backward();
  return { A, B, R, Z, L, m: scalarModel(low) };
}

describe('scalar graph model', () => {
  it('has one block per tensor node, sized by the scalar nodes it made', () => {
    const { A, B, R, Z, L, m } = model();
    expect(m.blocks.get(A.id)?.size).toBe(4);
    expect(m.blocks.get(B.id)?.size).toBe(4);
    expect(m.blocks.get(R.id)?.size).toBe(4);
    expect(m.blocks.get(Z.id)?.size).toBe(12); // 8 products, 4 sums
    expect(m.blocks.get(L.id)?.size).toBe(3); // 3 additions over 4 elements
    expect(m.nodes.size).toBe(31);
    expect(m.edges).toHaveLength(38);
    expect(m.unreached).toBe(0);
    // An element is named after its tensor; an intermediate after its op and place in the lowered graph.
    const z11 = [...m.nodes.values()].find((n) => n.element?.node === Z.id && n.element.index === 3)!;
    expect(z11.name).toBe('Z[1,1]');
    expect(
      [...m.nodes.values()]
        .filter((n) => n.block === Z.id && !n.element)
        .every((n) => /^×#\d+$/.test(n.name)),
    ).toBe(true);
    // x·y uses each input once; A[0,0] feeds the products for Z[0,0] and Z[0,1].
    const a00 = m.nodes.get([...m.values.values()].find((v) => v.label === 'A[0,0]')!.id)!;
    expect(m.consumers.get(a00.id)).toHaveLength(2);
    expect(a00.grad).toBe(-1); // (R Bᵀ)[0,0] = 1·5 − 1·6
  });

  it('unlabelled tensors and intermediates get stable names, the same when built again', () => {
    // L = Σ x for an unlabelled x = [1, 2, 3]: tensor order x #1, the sum #2. The sum lowers to
    // (x[0] + x[1]) + x[2]; in the lowered graph's topological order x[0] is 1st, x[1] 2nd, their sum 3rd
    // (+#3), x[2] 4th and the root 5th (the sum's one element, #2).
    const names = () => {
      const low = lower(tensor([1, 2, 3]).sum());
      low.root.backward();
      const m = scalarModel(low);
      return {
        nodes: [...m.nodes.values()].map((n) => n.name),
        blocks: [...m.blocks.values()].map((b) => b.label),
      };
    };
    const first = names();
    expect(first.nodes).toEqual(['#1[0]', '#1[1]', '+#3', '#1[2]', '#2']);
    expect(first.blocks).toEqual(['#1', '#2']);
    expect(names()).toEqual(first);
  });

  it('collapsed, a block is one node and edges between blocks are merged with their count', () => {
    const { A, Z, L, m } = model();
    const els = visibleElements(m, new Set());
    const nodes = els.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id).sort()).toEqual(m.blockOrder.map(blockId).sort());
    const edge = (s: number, t: number) =>
      els.find((e) => e.data.source === blockId(s) && e.data.target === blockId(t));
    // Each A element feeds two products: 8 edges from A into Z.
    expect(edge(A.id, Z.id)?.data.count).toBe(8);
    // Z's 4 elements each feed one product of Z ⊙ R.
    const mul = m.blockOrder.find((b) => m.blocks.get(b)!.op === 'mul')!;
    expect(edge(Z.id, mul)?.data.count).toBe(4);
    expect(edge(mul, L.id)?.data.count).toBe(4);
  });

  it('expanded, scalar nodes sit inside their block (compound parent) and open blocks do not overlap', () => {
    const { Z, m } = model();
    const open = new Set(m.blockOrder);
    const els = visibleElements(m, open);
    const kids = els.filter((e) => e.data.parent === blockId(Z.id));
    expect(kids).toHaveLength(12);
    expect(els.filter((e) => e.group === 'edges')).toHaveLength(38);
    const pos = blockLayout(m, open);
    // Bounding boxes of each block's scalar nodes, padded by half a node: pairwise disjoint.
    const boxes = m.blockOrder.map((b) => {
      const ps = [...m.nodes.values()].filter((n) => n.block === b).map((n) => pos.get(scalarId(n.id))!);
      const xs = ps.map((p) => p.x);
      const ys = ps.map((p) => p.y);
      return {
        x1: Math.min(...xs) - 30,
        x2: Math.max(...xs) + 30,
        y1: Math.min(...ys) - 15,
        y2: Math.max(...ys) + 15,
      };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `blocks ${i} and ${j} overlap`).toBe(false);
      }
    // Inside Z: products in the first layer, sums one column to the right.
    const zs = [...m.nodes.values()].filter((n) => n.block === Z.id);
    const xs = new Set(zs.map((n) => pos.get(scalarId(n.id))!.x));
    expect(xs.size).toBe(2);
    expect(Math.max(...xs) - Math.min(...xs)).toBe(LAYOUT.dx);
  });
});

describe('the scalar side dims unreached nodes once', () => {
  it('by opacity (a block fades with its elements), not also by the debugger’s faded colours', () => {
    const pending = compareStyle().filter((r) => 'selector' in r && r.selector.startsWith('node.pending'));
    expect(pending).toEqual([{ selector: 'node.pending', style: { opacity: 0.3 } }]);
  });
});

describe('the scalar side follows the theme', () => {
  it('draws blocks in the theme’s colours (fill, border, title), so a dark theme has dark blocks', () => {
    const dark = {
      ...LIGHT_THEME,
      surface: '#1e1f24',
      edge: '#6b7280',
      text: '#e5e7eb',
      constant: '#2a2d33',
    };
    const rule = (sel: string): Record<string, unknown> => {
      const r = compareStyle(dark).find((b) => 'selector' in b && b.selector === sel);
      return r && 'style' in r ? (r.style as Record<string, unknown>) : {};
    };
    expect(rule('node.block')).toMatchObject({
      'background-color': '#1e1f24',
      'border-color': '#6b7280',
      color: '#e5e7eb',
    });
    expect(rule('node.block.collapsed')['background-color']).toBe('#2a2d33');
    // The scalar nodes inside take the debugger's themed look (its text colour).
    expect(rule('node').color).toBe('#e5e7eb');
  });
});
