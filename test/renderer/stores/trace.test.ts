import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useTraceStore, type DebugSession } from '../../../renderer/src/stores/trace';
import { nodeStateAt, contributionsTo, changedBetween } from '../../../renderer/src/debugger/traceIndex';
import { fanOutTrace, W, X, Y, Z } from '../debugger/fixtures';

function shown(store: ReturnType<typeof useTraceStore>) {
  const idx = store.index!;
  return idx.ids.map((id) => nodeStateAt(idx, id, store.cursor));
}

describe('trace store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.useRealTimers());

  it('starts with nothing computed and steps through forward values', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    expect(s.cursor).toBe(-1);
    expect(shown(s).every((n) => !n.reached && n.grad === null)).toBe(true);
    s.step();
    s.step();
    s.step();
    const z = nodeStateAt(s.index!, Z, s.cursor);
    expect(z).toMatchObject({ reached: true, value: -6, current: true, grad: null });
    expect(nodeStateAt(s.index!, Y, s.cursor).reached).toBe(false);
    expect(s.phase).toBe('forward');
  });

  it('accumulates a fan-out gradient step by step: 1, then 1 + (−3) = −2', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    s.runForward();
    expect(s.cursor).toBe(3);
    expect(nodeStateAt(s.index!, Y, s.cursor).grad).toBeNull();
    s.step(); // y's backward: seed 1, sends 1 to z and to x
    expect(s.phase).toBe('backward');
    expect(nodeStateAt(s.index!, Y, s.cursor).grad).toBe(1);
    expect(nodeStateAt(s.index!, X, s.cursor).grad).toBe(1);
    expect(nodeStateAt(s.index!, X, s.cursor).gradDone).toBe(false);
    s.step(); // z's backward: x gets w = −3 more, w gets x = 2
    expect(nodeStateAt(s.index!, X, s.cursor).grad).toBe(-2);
    expect(nodeStateAt(s.index!, W, s.cursor).grad).toBe(2);
    expect(contributionsTo(s.index!, X, s.cursor).map((c) => [c.from, c.contribution, c.value])).toEqual([
      [Y, 1, 1],
      [Z, -3, -2],
    ]);
  });

  it('stepping back restores exactly what was shown before, at every step', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    const before: unknown[] = [];
    for (let i = -1; i < s.total; i++) {
      before.push(shown(s));
      s.step();
    }
    expect(s.cursor).toBe(s.total - 1);
    for (let i = s.total - 1; i >= -1; i--) {
      expect(shown(s)).toEqual(before[i + 1]);
      s.stepBack();
    }
    expect(s.cursor).toBe(-1);
  });

  it('the gradient disappears when stepping back before the step that added it', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    s.seek(5);
    expect(nodeStateAt(s.index!, W, s.cursor).grad).toBe(2);
    s.stepBack();
    expect(nodeStateAt(s.index!, W, s.cursor).grad).toBeNull();
    expect(nodeStateAt(s.index!, X, s.cursor).grad).toBe(1);
  });

  it('scrubbing clamps to the timeline and matches stepping', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    s.seek(99);
    expect(s.cursor).toBe(7);
    expect(s.atEnd).toBe(true);
    s.seek(-5);
    expect(s.cursor).toBe(-1);
    s.seek(4.7);
    expect(s.cursor).toBe(4);
    s.runToEnd();
    expect(nodeStateAt(s.index!, X, s.cursor)).toMatchObject({ grad: -2, gradDone: true, value: 2 });
    s.reset();
    expect(s.cursor).toBe(-1);
  });

  it('lists only the nodes an event range touched, for incremental redraws', () => {
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    expect(changedBetween(s.index!, 3, 4)!.sort()).toEqual([Y, Z, X].sort());
    expect(changedBetween(s.index!, 4, 5)!.sort()).toEqual([X, Y, Z, W].sort());
  });

  it('plays at its speed and stops at a breakpoint, then at the end', () => {
    vi.useFakeTimers();
    const s = useTraceStore();
    s.loadTrace(fanOutTrace(), 'fan-out');
    s.setSpeed(10);
    s.toggleBreakpoint(Z);
    s.play();
    expect(s.cursor).toBe(0);
    vi.advanceTimersByTime(100);
    expect(s.cursor).toBe(1);
    vi.advanceTimersByTime(100);
    expect(s.cursor).toBe(2); // z's forward step: breakpoint
    expect(s.playing).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(s.cursor).toBe(2);
    s.play(); // moves off the breakpoint at once
    expect(s.cursor).toBe(3);
    vi.advanceTimersByTime(100);
    expect(s.cursor).toBe(4);
    vi.advanceTimersByTime(100);
    expect(s.cursor).toBe(5); // z's backward step: breakpoint again
    expect(s.playing).toBe(false);
    s.toggleBreakpoint(Z);
    expect(s.breakpoints).toEqual([]);
    s.play();
    vi.advanceTimersByTime(10_000);
    expect(s.cursor).toBe(7);
    expect(s.playing).toBe(false);
  });

  it('edits a leaf through the session and keeps the cursor; refuses to edit a computed node', () => {
    const s = useTraceStore();
    const retrace = vi.fn((_id: number, v: unknown) => {
      const t = fanOutTrace();
      (t.events[0] as { value: unknown }).value = v;
      return t;
    });
    const session: DebugSession = { retrace, numericGrad: () => 0 };
    s.loadTrace(fanOutTrace(), 'fan-out', session);
    s.seek(3);
    s.editLeaf(X, 5);
    expect(retrace).toHaveBeenCalledWith(X, 5);
    expect(s.cursor).toBe(3);
    expect(nodeStateAt(s.index!, X, s.cursor).value).toBe(5);
    expect(() => s.editLeaf(Z, 1)).toThrow(/node 3 \(z\) is computed by mul/);
    expect(() => s.editLeaf(42, 1)).toThrow(/node 42 is not in the graph "fan-out"/);
  });

  it('checks every node against central differences with PyTorch tolerances', async () => {
    const s = useTraceStore();
    // Central differences of y = x·w + x at x = 2, w = −3, written out by hand with ε = 1e-6:
    const numeric: Record<number, number> = { [X]: -2 + 1e-9, [W]: 2, [Z]: 1, [Y]: 1.5 };
    s.loadTrace(fanOutTrace(), 'fan-out', {
      retrace: () => fanOutTrace(),
      numericGrad: (id) => numeric[id]!,
    });
    expect(s.tolerances).toEqual({ eps: 1e-6, atol: 1e-5, rtol: 1e-3 });
    await s.checkAll();
    expect(s.checkProgress).toBeNull();
    expect(s.checks[X]!.pass).toBe(true);
    expect(s.checks[X]!.absErr).toBeCloseTo(1e-9, 15);
    expect(s.checks[W]!.pass).toBe(true);
    expect(s.checks[Y]!).toMatchObject({ pass: false, absErr: 0.5 });
    expect(s.checks[Y]!.relErr).toBeCloseTo(0.5 / 1.5, 12);
    s.setTolerances({ atol: 0.6 });
    expect(s.checks[Y]!.pass).toBe(true);
  });
});

describe('trace store with the engine', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it("loads micrograd's sanity check: y = −20 at the end of forward, ∂y/∂x = 46 at the end", async () => {
    const { microgradSanity } = await import('../../../renderer/src/examples/micrograd');
    const s = useTraceStore();
    s.load(microgradSanity(), 'micrograd');
    const idx = s.index!;
    const id = (label: string) => idx.trace.graph.nodes.find((n) => n.label === label)!.id;
    s.runForward();
    expect(nodeStateAt(idx, id('y'), s.cursor)).toMatchObject({ value: -20, grad: null });
    s.runToEnd();
    expect(nodeStateAt(idx, id('x'), s.cursor)).toMatchObject({ value: -4, grad: 46, gradDone: true });
    // x feeds four consumers (2·x, +x, z·x, q·x); its gradient is the sum of what they send back.
    const parts = contributionsTo(idx, id('x'), s.cursor);
    expect(parts.length).toBe(4);
    expect(parts.reduce((a, c) => a + (c.contribution as number), 0)).toBeCloseTo(46, 12);
  });

  it('edits a leaf and re-runs: the one neuron with x1 = 1 gives o = tanh(−3 + 6.8814)', async () => {
    const { neuron } = await import('../../../renderer/src/examples/neuron');
    const s = useTraceStore();
    s.load(neuron(), 'neuron');
    const nodes = s.index!.trace.graph.nodes;
    const x1 = nodes.find((n) => n.label === 'x1')!.id;
    const o = nodes.find((n) => n.label === 'o')!.id;
    s.runToEnd();
    s.editLeaf(x1, 1);
    const expected = Math.tanh(-3 + 6.881373587019543);
    expect(nodeStateAt(s.index!, o, s.cursor).value).toBeCloseTo(expected, 12);
    // ∂o/∂x1 = (1 − o²)·w1
    expect(nodeStateAt(s.index!, x1, s.cursor).grad).toBeCloseTo((1 - expected ** 2) * -3, 12);
  });

  it('numerically checks every node of the micrograd example, intermediate ones included', async () => {
    const { microgradSanity } = await import('../../../renderer/src/examples/micrograd');
    const s = useTraceStore();
    s.load(microgradSanity(), 'micrograd');
    await s.checkAll();
    const all = Object.values(s.checks);
    expect(all.length).toBe(s.index!.ids.length);
    expect(all.filter((c) => !c.pass)).toEqual([]);
    const x = s.index!.trace.graph.nodes.find((n) => n.label === 'x')!.id;
    expect(s.checks[x]!.numeric as number).toBeCloseTo(46, 4);
  });
});

describe('trace store: the debugger position lasts between runs', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('saves the graph title and the steps taken, and restores the cursor when the same graph loads', () => {
    const a = useTraceStore();
    expect(a.snapshotState()).toEqual({ graphId: null, cursor: 0 });
    a.loadTrace(fanOutTrace(), 'fan-out');
    expect(a.snapshotState()).toEqual({ graphId: 'fan-out', cursor: 0 });
    a.step();
    a.step();
    a.step();
    const saved = a.snapshotState();
    expect(saved).toEqual({ graphId: 'fan-out', cursor: 3 });

    // The next run: the saved state arrives before any graph; it is kept (and saved as is) until one loads.
    setActivePinia(createPinia());
    const b = useTraceStore();
    b.restoreState(saved);
    expect(b.saved).toEqual(saved);
    expect(b.snapshotState()).toEqual(saved);
    b.loadTrace(fanOutTrace(), 'fan-out');
    expect(b.cursor).toBe(2);
    expect(b.saved).toBeNull();
    // Loading again later starts from the beginning, as always.
    b.loadTrace(fanOutTrace(), 'fan-out');
    expect(b.cursor).toBe(-1);
  });

  it('drops the saved position when another graph is loaded first, and applies it to a graph already shown', () => {
    const a = useTraceStore();
    a.restoreState({ graphId: 'fan-out', cursor: 4 });
    a.loadTrace(fanOutTrace(), 'another graph');
    expect(a.cursor).toBe(-1);
    expect(a.saved).toBeNull();

    setActivePinia(createPinia());
    const b = useTraceStore();
    b.loadTrace(fanOutTrace(), 'fan-out');
    b.restoreState({ graphId: 'fan-out', cursor: 2 });
    expect(b.cursor).toBe(1);
    b.restoreState({ graphId: null, cursor: 0 });
    expect(b.saved).toBeNull();
  });
});
