// The topological sort is iterative: a chain one million nodes deep backpropagates without a stack overflow.
import { describe, expect, it } from 'vitest';
import { tensor, value } from '../../engine/index';

describe('deep graphs', () => {
  it('a 1,000,000-deep scalar chain', { timeout: 30_000 }, () => {
    const x = value(1.5, 'x');
    let y = x;
    // y = −(−(…(−x))) one million times: y = x and ∂y/∂x = (−1)^1000000 = 1.
    for (let i = 0; i < 1_000_000; i++) y = y.neg();
    y.backward();
    expect(y.data).toBe(1.5);
    expect(x.grad).toBe(1);
  });

  it('a 20,000-deep tensor chain with a product: ∂/∂x of x·0.99999^n', () => {
    const x = tensor([2], { label: 'x' });
    let y = x;
    for (let i = 0; i < 20_000; i++) y = y.mul(0.99999);
    y.sum().backward();
    expect(x.grad?.data[0]).toBeCloseTo(Math.pow(0.99999, 20_000), 12);
  });
});
