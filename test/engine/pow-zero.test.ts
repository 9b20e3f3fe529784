// x^0 = 1 is constant, so ∂(x^0)/∂x = 0 everywhere, also at x = 0 (PyTorch's pow_backward gives 0 there).
// The rule k·x^{k−1} read literally gives 0·0^{−1} = 0·∞ = NaN, which backward reports as non-finite.
import { describe, expect, it } from 'vitest';
import { gradients, lower, tensor, value } from '../../engine/index';

// Worked by hand: the central difference of x^0 at 0 is ((0 + ε)^0 − (0 − ε)^0) / 2ε = (1 − 1) / 2ε = 0.

describe('pow with exponent 0', () => {
  it('scalar mode: backward gives ∂(3·x^0)/∂x = 0 at x = 0, not NaN', () => {
    const x = value(0, 'x');
    const y = x.pow(0).mul(3);
    expect(y.data).toBe(3);
    y.backward();
    expect(x.grad).toBe(0);
    // The generic pass (local rule, used by gradcheck and trace) agrees.
    expect(gradients(y).get(x.id)).toBe(0);
  });

  it('scalar mode: a tiny x whose x^{−1} overflows still gives 0', () => {
    const x = value(1e-320, 'x');
    const y = x.pow(0);
    y.backward();
    expect(x.grad).toBe(0);
  });

  it('tensor mode and its lowering: ∂Σ x_i^0/∂x = [0, 0, 0] at x = [0, 2, −1]', () => {
    const x = tensor([0, 2, -1], { kind: 'parameter', label: 'x' });
    const L = x.pow(0).sum();
    L.backward();
    expect(L.item()).toBe(3);
    expect(Array.from(x.grad?.data ?? [])).toEqual([0, 0, 0]);
    const low = lower(L);
    low.root.backward();
    expect(low.scalarOf.get(x.id)?.map((v) => v.grad)).toEqual([0, 0, 0]);
  });

  it('other exponents keep k·x^{k−1}: ∂(x^3)/∂x = 3·(−2)² = 12 at x = −2', () => {
    const x = value(-2, 'x');
    const y = x.pow(3);
    y.backward();
    expect(x.grad).toBe(12);
  });
});
