import { describe, expect, it } from 'vitest';
import {
  batchNorm,
  compareGradients,
  conv2d,
  crossEntropy,
  dropout,
  linear,
  lower,
  maxPool2d,
  rng,
  tensor,
  trace,
} from '../../../engine/index';
import { expectGradcheck, rand } from './helpers';

/** A tiny CNN with every nn op kind: conv → BN → relu → max-pool → dropout → linear → cross-entropy. */
function smallCnn() {
  const x = rand([2, 1, 6, 6], 1, 'data');
  const w = rand([3, 1, 3, 3], 2);
  const b = rand([3], 3);
  const gamma = rand([3], 4, 'parameter', 0.5, 1.5);
  const beta = rand([3], 5);
  const W = rand([2, 12], 6);
  const c = rand([2], 7);
  const h = maxPool2d(batchNorm(conv2d(x, w, b), gamma, beta, { training: true }).relu(), { kernel: 2 });
  const d = dropout(h, 0.25, { rng: rng(9) }).reshape([2, 12]);
  return crossEntropy(linear(d, W, c), [1, 0]);
}

describe('nn ops in the engine pipeline', () => {
  it('trace records one forward and one backward event per node, with each op’s formula', () => {
    const loss = smallCnn();
    const t = trace(loss);
    expect(t.nonFinite).toBeNull();
    expect(t.events.length).toBe(2 * t.backwardStart);
    const forward = t.events.slice(0, t.backwardStart);
    const ops = forward.map((e) => e.op);
    for (const op of ['conv2d', 'batchNorm', 'maxPool2d', 'dropout', 'linear', 'crossEntropy'])
      expect(ops).toContain(op);
    const ce = forward.find((e) => e.op === 'crossEntropy');
    expect(ce?.phase === 'forward' && ce.text).toContain('ln Σ_ŷ exp z_ŷ − z_y');
    const conv = forward.find((e) => e.op === 'conv2d');
    expect(conv?.phase === 'forward' && conv.text).toContain('stride=1, padding=0');
    // The dropout mask is an input node the debugger can show.
    const drop = forward.find((e) => e.op === 'dropout');
    const maskId = drop?.phase === 'forward' ? drop.inputs[1] : -1;
    const maskNode = t.graph.nodes.find((n) => n.id === maskId);
    expect(maskNode?.label).toBe('mask');
  });
  it('passes the engine gradcheck end to end', () => {
    expectGradcheck(smallCnn());
  });
  it('lowers to a scalar graph with the same values and gradients', () => {
    const loss = smallCnn();
    loss.backward();
    const low = lower(loss);
    expect(low.root.data).toBeCloseTo(loss.item(), 12);
    low.root.backward();
    const cmp = compareGradients(loss, low);
    expect(cmp.gradRel).toBeLessThan(1e-10);
    expect(cmp.valueRel).toBeLessThan(1e-12);
  });
  it('a linear layer’s trace shows its chain rule on W, b and x', () => {
    const x = tensor([[1, 2]]);
    const W = tensor([[0.5, -1]], { kind: 'parameter', label: 'W' });
    const b = tensor([0.25], { kind: 'parameter', label: 'b' });
    const t = trace(linear(x, W, b).sum());
    const back = t.events.slice(t.backwardStart).find((e) => e.op === 'linear');
    expect(back?.phase).toBe('backward');
    if (back?.phase !== 'backward') return;
    // ∂L/∂W = gᵀ x = [[1, 2]], ∂L/∂b = 1.
    expect(back.contributions.map((c) => c.contribution)).toContainEqual({ shape: [1, 2], data: [1, 2] });
    expect(back.contributions.map((c) => c.contribution)).toContainEqual({ shape: [1], data: [1] });
  });
});
