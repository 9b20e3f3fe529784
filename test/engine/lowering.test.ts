// Each tensor op's `lower` rebuilds it from scalar Values: same values, and — after backward — the same
// gradients as the tensor op's own vector-Jacobian product.
import { describe, expect, it } from 'vitest';
import { getOp, tensor, value, type Tensor, type Value } from '../../engine/index';

function lowered(out: Tensor): { values: Value[]; inputs: Value[][] } {
  const def = getOp(out.op);
  const inputs = out.inputs.map((t) => Array.from(t.data, (x) => value(x)));
  const values = def.tensor!.lower(
    inputs,
    out.inputs.map((t) => t.shape),
    out.shape,
    out.attrs,
    (out as unknown as { saved: unknown }).saved,
  );
  return { values, inputs };
}

const cases: Array<[string, () => Tensor]> = [
  [
    'add (broadcast)',
    () =>
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]).add(tensor([0.5, -1, 2])),
  ],
  ['mul (broadcast)', () => tensor([[1], [2]]).mul(tensor([3, -4]))],
  ['pow', () => tensor([1, 2, 3]).pow(2)],
  ['tanh', () => tensor([-0.5, 0.3]).tanh()],
  ['sigmoid', () => tensor([-0.5, 0.3]).sigmoid()],
  ['relu', () => tensor([-0.5, 0.3]).relu()],
  ['exp', () => tensor([-0.5, 0.3]).exp()],
  ['log', () => tensor([0.5, 3]).log()],
  ['neg', () => tensor([0.5, 3]).neg()],
  [
    'matmul',
    () =>
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]).matmul(
        tensor([
          [1, -1],
          [0.5, 2],
          [3, 0],
        ]),
      ),
  ],
  [
    'sum all',
    () =>
      tensor([
        [1, 2],
        [3, 4],
      ]).sum(),
  ],
  [
    'sum axis 0',
    () =>
      tensor([
        [1, 2],
        [3, 4],
      ]).sum(0),
  ],
  [
    'sum axis 1 keepDims',
    () =>
      tensor([
        [1, 2],
        [3, 4],
      ]).sum(1, true),
  ],
  [
    'max axis 1',
    () =>
      tensor([
        [1, 7, 3],
        [9, 2, 4],
      ]).max(1),
  ],
  ['reshape', () => tensor([1, 2, 3, 4, 5, 6]).reshape([3, 2])],
  [
    'transpose',
    () =>
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]).transpose(),
  ],
  [
    'softmax',
    () =>
      tensor([
        [1, 2, 3],
        [0, 0, 5],
      ]).softmax(),
  ],
  [
    'softmax axis 0',
    () =>
      tensor([
        [1, 2, 3],
        [0, 0, 5],
      ]).softmax(0),
  ],
  [
    'logSoftmax',
    () =>
      tensor([
        [1, 2, 3],
        [1000, 0, 5],
      ]).logSoftmax(),
  ],
];

describe('lowering to scalar ops', () => {
  for (const [name, make] of cases) {
    it(name, () => {
      const out = make();
      const { values, inputs } = lowered(out);
      expect(values).toHaveLength(out.size);
      values.forEach((v, i) => expect(v.data).toBeCloseTo(out.data[i] as number, 12));
      // Weighted sum so every output element carries a different upstream gradient.
      const w = Array.from({ length: out.size }, (_, i) => 1 + i);
      const seed = tensor(Float64Array.from(w), { shape: out.shape });
      out.backward(seed);
      const loss = values.map((v, i) => v.mul(w[i] as number)).reduce((a, b) => a.add(b));
      loss.backward();
      out.inputs.forEach((t, k) => {
        const g = t.grad?.data ?? new Float64Array(t.size);
        (inputs[k] as Value[]).forEach((v, j) => expect(v.grad).toBeCloseTo(g[j] as number, 10));
      });
    });
  }
});
