// The op registry: lookup, clear errors, and every core op described with numbers in a trace.
import { describe, expect, it } from 'vitest';
import {
  NonFiniteError,
  allOps,
  coreOps,
  getOp,
  hasOp,
  tensor,
  trace,
  value,
  type ForwardEvent,
} from '../../engine/index';

describe('op registry', () => {
  it('finds every core op by name and lists nn ops too', () => {
    for (const op of coreOps) expect(getOp(op.name)).toBe(op);
    expect(hasOp('matmul')).toBe(true);
    expect(hasOp('nope')).toBe(false);
    expect(allOps().length).toBeGreaterThanOrEqual(coreOps.length);
  });

  it('an unknown op is a clear error that lists the known ones', () => {
    expect(() => getOp('convolve')).toThrow(/^unknown op 'convolve'; known ops: leaf, add, mul, pow/);
  });

  it('every core op except leaf has a tensor rule; the elementwise ones a scalar rule too', () => {
    for (const op of coreOps.filter((o) => o.name !== 'leaf')) expect(op.tensor, op.name).toBeDefined();
    for (const name of ['add', 'mul', 'pow', 'neg', 'exp', 'log', 'tanh', 'sigmoid', 'relu']) {
      expect(getOp(name).scalar, name).toBeDefined();
    }
  });
});

describe('formulas in forward events', () => {
  it('scalar ops write their formula with numbers', () => {
    const x = value(3, 'x');
    const cases: Array<[ReturnType<typeof value>, string]> = [
      // x is #1 in each graph; the op is #2, or #3 after the constant −1 (#2).
      [x.pow(2), '#2 = x^2 = 3.0000^2 = 9.0000'],
      [x.neg(), '#2 = −x = −3.0000 = −3.0000'],
      [x.relu(), '#2 = relu(x) = relu(3.0000) = 3.0000'],
      [x.sigmoid(), '#2 = σ(x) = σ(3.0000) = 0.9526'],
      [x.add(-1), '#3 = x + −1 = 3.0000 + (−1.0000) = 2.0000'],
    ];
    for (const [node, text] of cases) {
      const t = trace(node);
      const ev = t.events[t.backwardStart - 1] as ForwardEvent;
      expect(ev.text).toBe(text);
      expect(ev.latex).not.toContain('−');
    }
  });

  it('tensor ops name their attributes', () => {
    const m = tensor([[1, 2]], { label: 'm' });
    const s = m.sum(1);
    s.label = 's';
    const t = trace(s.sum());
    const ev = t.events.find((e) => e.phase === 'forward' && e.node === s.id) as ForwardEvent;
    expect(ev.text).toBe('s = Σ(m, axis=1) = Σ([[1.0000, 2.0000]], axis=1) = [3.0000]');
  });
});

describe('tensor non-finite values', () => {
  it('backward throws NonFiniteError naming the first node', () => {
    const x = tensor([1, -1], { label: 'x' });
    const y = x.log();
    y.label = 'y';
    let err: unknown;
    try {
      y.sum().backward();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NonFiniteError);
    expect((err as NonFiniteError).report).toMatchObject({
      phase: 'forward',
      node: y.id,
      op: 'log',
      label: 'y',
    });
    expect(x.grad).toBeNull();
  });
});
