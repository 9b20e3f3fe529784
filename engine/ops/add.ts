/**
 * add:  z = x + y
 *   ∂z/∂x = 1,  ∂z/∂y = 1  — addition routes the upstream gradient unchanged to both inputs.
 * Subtraction is derived: x − y = x + (−y).
 */
import { binaryTensorRule } from './elementwise';
import { infix } from './describe';
import type { OpDef } from './opdef';

export const addOp: OpDef = {
  name: 'add',
  symbol: '+',
  describe: infix('+'),
  scalar: {
    forward: (x) => (x[0] as number) + (x[1] as number),
    local: () => 1,
    // written out for Value.backward (z at `at`, x at i, y at j): ∂L/∂x += ∂L/∂z · 1,  ∂L/∂y += ∂L/∂z · 1
    backward: (g, _x, at, i, j) => {
      g[i] += (g[at] as number) * 1;
      g[j] += (g[at] as number) * 1;
    },
  },
  // ∂L/∂x = ∂L/∂z in the output's shape; the engine sums it down to x's shape.
  tensor: binaryTensorRule(
    'add',
    { forward: (x) => (x[0] as number) + (x[1] as number), local: () => 1 },
    (x, y) => x.add(y),
    (_x, _out, g) => g,
  ),
};
