/**
 * micrograd's sanity check (test_engine.py, test_sanity_check): a small expression that reuses nodes, so
 * gradients add up from several consumers. At x = −4: z = −10, q = 40, h = 100, y = −20, ∂y/∂x = 46.
 */
import { value, type Value } from '../../../engine';

export function microgradSanity(): Value {
  const x = value(-4, 'x');
  const z = x.mul(2).add(2).add(x);
  z.label = 'z';
  const zx = z.mul(x);
  const q = z.relu().add(zx);
  q.label = 'q';
  const h = z.mul(z).relu();
  h.label = 'h';
  const y = h.add(q).add(q.mul(x));
  y.label = 'y';
  return y;
}
