import { describe, expect, it } from 'vitest';
import { Adam, SGD, l2, parameter, tensor, Tensor } from '../../../engine/index';

/** A parameter tensor with a given gradient, as after a backward pass. */
function withGrad(w: number[], g: number[]): Tensor {
  const p = tensor(w, { kind: 'parameter' });
  p.grad = tensor(g, { kind: 'constant' });
  return p;
}

describe('SGD (PyTorch update rule)', () => {
  it('w ← w − η g', () => {
    const p = withGrad([1, -2], [0.5, 1]);
    new SGD([p], { lr: 0.1 }).step();
    expect(Array.from(p.data)).toEqual([0.95, -2.1]);
  });
  it('weight decay λ adds λ w to the gradient (the gradient of (λ/2)‖w‖²)', () => {
    const p = withGrad([1, -2], [0.5, 1]);
    new SGD([p], { lr: 0.1, weightDecay: 0.1 }).step();
    // g = [0.5 + 0.1, 1 − 0.2] = [0.6, 0.8]
    expect(p.data[0]).toBeCloseTo(0.94, 15);
    expect(p.data[1]).toBeCloseTo(-2.08, 15);
  });
  it('momentum: v = g at the first step, then v ← μ v + g', () => {
    const p = withGrad([1, -2], [0.5, 1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(0.95, 15);
    opt.step();
    // v = 0.9·[0.5, 1] + [0.5, 1] = [0.95, 1.9]; w = [0.95 − 0.095, −2.1 − 0.19]
    expect(p.data[0]).toBeCloseTo(0.855, 15);
    expect(p.data[1]).toBeCloseTo(-2.29, 15);
  });
  it('updates scalar Values, skips tensors without a gradient, and zeroes gradients', () => {
    const w = parameter(2);
    w.grad = 4;
    const untouched = tensor([3], { kind: 'parameter' });
    const opt = new SGD([w, untouched], { lr: 0.25 });
    opt.step();
    expect(w.data).toBe(1);
    expect(untouched.data[0]).toBe(3);
    opt.zeroGrad();
    expect(w.grad).toBe(0);
  });
  it('rejects a missing or negative learning rate by name', () => {
    expect(() => new SGD([], { lr: -1 })).toThrow('SGD: lr must be a finite number ≥ 0, got -1');
  });
});

describe('Adam (PyTorch update rule)', () => {
  it('moves by about lr per step while the gradient is constant (bias-corrected m̂ = g, v̂ = g²)', () => {
    const p = withGrad([1], [0.5]);
    const opt = new Adam([p], { lr: 0.1 });
    opt.step();
    expect(p.data[0]).toBeCloseTo(1 - (0.1 * 0.5) / (0.5 + 1e-8), 15);
    opt.step();
    expect(p.data[0]).toBeCloseTo(1 - (0.2 * 0.5) / (0.5 + 1e-8), 12);
  });
  it('matches a hand-worked second step with a changed gradient', () => {
    const p = withGrad([1], [0.5]);
    const opt = new Adam([p], { lr: 0.1 });
    opt.step();
    p.grad!.data[0] = -1;
    opt.step();
    // m = 0.9·0.05 − 0.1 = −0.055, v = 0.999·0.00025 + 0.001 = 0.00124975;
    // m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999; w = 0.9 − 0.1·m̂/(√v̂ + 1e−8)
    const mHat = -0.055 / 0.19;
    const vHat = 0.00124975 / 0.001999;
    const w1 = 1 - (0.1 * 0.5) / (0.5 + 1e-8);
    expect(p.data[0]).toBeCloseTo(w1 - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8), 12);
    expect(p.data[0]).toBeCloseTo(0.93661, 6);
  });
  it('adds λ w to the gradient with weightDecay, and works on Values', () => {
    const w = parameter(1);
    w.grad = 0;
    new Adam([w], { lr: 0.01, weightDecay: 0.5 }).step();
    // g = 0 + 0.5·1: the step is −lr·sign(g) ≈ −0.01
    expect(w.data).toBeCloseTo(0.99, 8);
  });
});

describe('l2', () => {
  it('is Σ‖W‖² over tensors and Values, with gradient 2W', () => {
    const A = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { kind: 'parameter' },
    );
    const b = tensor([-1, 0.5], { kind: 'parameter' });
    const r = l2([A, b]);
    expect(r.item()).toBe(1 + 4 + 9 + 16 + 1 + 0.25);
    r.backward();
    expect(A.grad?.toArray()).toEqual([
      [2, 4],
      [6, 8],
    ]);
    const ws = [parameter(3), parameter(-4)];
    const s = l2(ws);
    expect(s.data).toBe(25);
    s.backward();
    expect(ws.map((w) => w.grad)).toEqual([6, -8]);
  });
});
