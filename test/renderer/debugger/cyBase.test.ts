import { describe, expect, it } from 'vitest';
import { Emitter, makeCy } from '../../../renderer/src/graph/cyBase';

describe('Cytoscape controller base', () => {
  it('emits to each listener until it is removed, and clear drops them all', () => {
    const e = new Emitter<{ select: (id: number | null) => void; toggle: (block: number) => void }>();
    const got: string[] = [];
    const off = e.on('select', (id) => got.push(`a${id}`));
    e.on('select', (id) => got.push(`b${id}`));
    e.on('toggle', (b) => got.push(`t${b}`));
    e.emit('select', 3);
    off();
    off(); // a second removal removes nothing else
    e.emit('select', null);
    e.emit('toggle', 7);
    e.clear();
    e.emit('select', 4);
    expect(got).toEqual(['a3', 'b3', 'bnull', 't7']);
  });

  it('is headless without a container', () => {
    const { cy, drawn } = makeCy(null, { elements: [{ data: { id: 'n' } }] });
    expect(drawn).toBe(false);
    expect(cy.nodes().map((n) => n.id())).toEqual(['n']);
    cy.destroy();
  });
});
