import { afterEach, describe, expect, it } from 'vitest';
import { GraphController } from '../../../renderer/src/graph/GraphController';
import { indexTrace } from '../../../renderer/src/debugger/traceIndex';
import { fanOutTrace, W, X, Y, Z } from './fixtures';

// happy-dom has no 2d canvas: the controller runs headless there, with styles and dagre layout intact.
describe('GraphController (headless)', () => {
  let g: GraphController | null = null;
  afterEach(() => g?.destroy());

  it('labels nodes with symbol, value once reached and ∂ once the gradient arrived', async () => {
    g = new GraphController(document.createElement('div'));
    const idx = indexTrace(fanOutTrace());
    await g.setTrace(idx, -1);
    expect(g.nodeCount()).toBe(4);
    expect(g.labelOf(Z)).toBe('×  z');
    expect(g.classesOf(Z)).toContain('pending');
    g.showCursor(2);
    expect(g.labelOf(Z)).toBe('×  z\n= −6.0000');
    expect(g.classesOf(Z)).toEqual(expect.arrayContaining(['current']));
    expect(g.classesOf(Z)).not.toContain('pending');
    expect(g.edgeClasses('e1-3')).toContain('flow-fwd');
    g.showCursor(4);
    expect(g.labelOf(X)).toBe('x\n= 2.0000\n∂ 1.0000');
    expect(g.edgeClasses('e1-3')).not.toContain('flow-fwd');
    expect(g.edgeClasses('e1-4')).toContain('flow-bwd');
    expect(g.classesOf(Y)).toEqual(expect.arrayContaining(['output', 'grad-done', 'current']));
    g.showCursor(5);
    expect(g.labelOf(X)).toBe('x\n= 2.0000\n∂ −2.0000');
    expect(g.labelOf(W)).toBe('w\n= −3.0000\n∂ 2.0000');
    // Jump back across several steps: gradients gone, values stay.
    g.showCursor(3);
    expect(g.labelOf(X)).toBe('x\n= 2.0000');
    expect(g.labelOf(Y)).toBe('+  y\n= −4.0000');
    g.showCursor(-1);
    expect(g.labelOf(Y)).toBe('+  y');
    expect(g.classesOf(Y)).toContain('pending');
  });

  it('marks failing checks red, breakpoints and the selection', async () => {
    g = new GraphController(null);
    await g.setTrace(indexTrace(fanOutTrace()), 7);
    g.setDecor({ breakpoints: [Z], checks: { [X]: { pass: false }, [W]: { pass: true } }, selected: W });
    expect(g.classesOf(X)).toContain('check-fail');
    expect(g.classesOf(W)).toEqual(expect.arrayContaining(['check-pass', 'sel']));
    expect(g.classesOf(Z)).toContain('bp');
    g.setDecor({ breakpoints: [], checks: {}, selected: null });
    expect(g.classesOf(X)).not.toContain('check-fail');
    expect(g.classesOf(Z)).not.toContain('bp');
    expect(g.classesOf(W)).not.toContain('sel');
  });

  it('lays out left to right, then top to bottom on toggle', async () => {
    g = new GraphController(null);
    await g.setTrace(indexTrace(fanOutTrace()), -1);
    expect(g.getDirection()).toBe('LR');
    // y consumes z, so it sits one rank further along the flow: right in LR, below in TB.
    expect(g.positionOf(Y).x).toBeGreaterThan(g.positionOf(Z).x + 40);
    await g.toggleDirection();
    expect(g.getDirection()).toBe('TB');
    expect(g.positionOf(Y).y).toBeGreaterThan(g.positionOf(Z).y + 40);
  });
});
