// The topological sort is iterative: a chain one million nodes deep backpropagates without a stack overflow.
import { describe, expect, it } from 'vitest';
import { tensor, value } from '../../engine/index';

describe('deep graphs', () => {
  it('a 1,000,000-deep scalar chain', () => {
    const x = value(1, 'x');
    let y = x;
    // y = x + 1 + 1 + … : ∂y/∂x = 1 however deep.
    for (let i = 0; i < 1_000_000; i++) y = y.add(1);
    y.backward();
    expect(y.data).toBe(1_000_001);
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
