/**
 * One neuron, o = tanh(w1·x1 + w2·x2 + b), with micrograd's numbers: b is chosen so that n = 0.8814 and
 * o = tanh(n) = 1/√2 ≈ 0.7071; then ∂o/∂n = 1 − o² = 0.5, ∂o/∂w1 = 0.5·x1 = 1, ∂o/∂x1 = 0.5·w1 = −1.5.
 */
import { parameter, value, type Value } from '../../../engine';

export function neuron(): Value {
  const x1 = value(2, 'x1');
  const x2 = value(0, 'x2');
  const w1 = parameter(-3, 'w1');
  const w2 = parameter(1, 'w2');
  const b = parameter(6.881373587019543, 'b');
  const x1w1 = x1.mul(w1);
  x1w1.label = 'x1·w1';
  const x2w2 = x2.mul(w2);
  x2w2.label = 'x2·w2';
  const n = x1w1.add(x2w2).add(b);
  n.label = 'n';
  const o = n.tanh();
  o.label = 'o';
  return o;
}
