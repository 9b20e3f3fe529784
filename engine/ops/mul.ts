/**
 * mul:  z = x · y
 *   ∂z/∂x = y,  ∂z/∂y = x  — each input's gradient is the upstream gradient times the other input.
 * Division is derived: x / y = x · y^{−1}.
 */
import type { TensorData } from '../core/types';
import { zip } from '../tensor/kernels';
import { binaryTensorRule } from './elementwise';
import { infix } from './describe';
import type { OpDef, ScalarRule } from './opdef';

const rule: ScalarRule = {
  forward: (x) => (x[0] as number) * (x[1] as number),
  local: (x, _out, _attrs, i) => (i === 0 ? (x[1] as number) : (x[0] as number)),
  // written out for Value.backward (z at `at`, x at i, y at j): ∂L/∂x += ∂L/∂z · y,  ∂L/∂y += ∂L/∂z · x
  backward: (g, x, at, i, j) => {
    g[i] += (g[at] as number) * (x[j] as number);
    g[j] += (g[at] as number) * (x[i] as number);
  },
};

export const mulOp: OpDef = {
  name: 'mul',
  symbol: '×',
  describe: infix('·', '×'),
  scalar: rule,
  // ∂L/∂x = ∂L/∂z ⊙ y (broadcast to the output's shape, then unbroadcast by the engine).
  tensor: binaryTensorRule(
    'mul',
    rule,
    (x, y) => x.mul(y),
    (x, _out, g, _attrs, _saved, i) => zip(g, x[1 - i] as TensorData, (a, b) => a * b, 'mul'),
  ),
};
