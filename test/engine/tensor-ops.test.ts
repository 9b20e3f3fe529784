// Tensor mode: forward and backward of every op against hand-worked numbers, broadcasting, and shapes.
import { describe, expect, it } from 'vitest';
import { ShapeError, tensor, zeroGrad, type Tensor } from '../../engine/index';

const arr = (t: Tensor | null) => (t === null ? null : t.toArray());
function close(actual: number[], expected: number[], digits = 12) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] as number, digits));
}

describe('construction', () => {
  it('infers shape from nested arrays, keeps row-major data, and toArray inverts it', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(7).shape).toEqual([]);
    expect(tensor(7).item()).toBe(7);
    expect(tensor(new Float64Array([1, 2, 3, 4]), { shape: [2, 2] }).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('rejects ragged arrays, NaN data and a shape that does not fit', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(
      'tensor: ragged nested array: data[1] has length 1, expected length 2',
    );
    expect(() => tensor([1, NaN])).toThrow('data[1] is NaN');
    expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(
      'tensor: data has 3 elements, shape [2,2] needs 4',
    );
    expect(() => tensor([1, 2]).item()).toThrow('item: tensor of shape [2] has 2 elements, expected 1');
  });
});

describe('elementwise ops with broadcasting', () => {
  it('add: [2,3] + [3] broadcasts; ∂/∂b sums over rows and has b’s shape', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = tensor([10, 20, 30]);
    const z = x.add(b);
    expect(z.toArray()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    z.backward(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect(x.grad?.shape).toEqual([2, 3]);
    expect(b.grad?.shape).toEqual([3]);
    expect(arr(b.grad)).toEqual([5, 7, 9]);
    expect(arr(x.grad)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('mul: column [2,1] times row [3] gives [2,3]; grads sum back to each shape', () => {
    const c = tensor([[2], [3]]);
    const r = tensor([1, 10, 100]);
    const z = c.mul(r);
    expect(z.toArray()).toEqual([
      [2, 20, 200],
      [3, 30, 300],
    ]);
    z.sum().backward();
    // ∂Σ/∂c_i = Σ_j r_j = 111;  ∂Σ/∂r_j = Σ_i c_i = 5
    expect(arr(c.grad)).toEqual([[111], [111]]);
    expect(arr(r.grad)).toEqual([5, 5, 5]);
  });

  it('scalar [] with a matrix, and a number operand becomes a constant', () => {
    const s = tensor(2);
    const m = tensor([
      [1, 2],
      [3, 4],
    ]);
    const z = m.mul(s).add(1);
    expect(z.toArray()).toEqual([
      [3, 5],
      [7, 9],
    ]);
    z.sum().backward();
    expect(s.grad?.shape).toEqual([]);
    expect(s.grad?.item()).toBe(10);
    expect(z.inputs[1]?.kind).toBe('constant');
  });

  it('sub and div are derived from add/neg and mul/pow', () => {
    const x = tensor([6, 8]);
    const y = tensor([2, 4]);
    const q = x.div(y);
    expect(q.toArray()).toEqual([3, 2]);
    q.sum().backward();
    expect(arr(x.grad)).toEqual([0.5, 0.25]); // 1/y
    expect(arr(y.grad)).toEqual([-1.5, -0.5]); // −x/y²
    const d = tensor([5, 1]).sub(tensor([2, 3]));
    expect(d.toArray()).toEqual([3, -2]);
    expect(d.op).toBe('add');
  });

  it('unary ops elementwise with their derivatives', () => {
    const x = tensor([-1, 0, 2]);
    const cases: Array<[(t: Tensor) => Tensor, number[], number[]]> = [
      [(t) => t.relu(), [0, 0, 2], [0, 0, 1]],
      [(t) => t.neg(), [1, -0, -2], [-1, -1, -1]],
      [(t) => t.pow(2), [1, 0, 4], [-2, 0, 4]],
      [(t) => t.exp(), [Math.exp(-1), 1, Math.exp(2)], [Math.exp(-1), 1, Math.exp(2)]],
      [(t) => t.tanh(), [Math.tanh(-1), 0, Math.tanh(2)], [1 - Math.tanh(-1) ** 2, 1, 1 - Math.tanh(2) ** 2]],
      [
        (t) => t.sigmoid(),
        [1 / (1 + Math.E), 0.5, 1 / (1 + Math.exp(-2))],
        [Math.E / (1 + Math.E) ** 2, 0.25, Math.exp(-2) / (1 + Math.exp(-2)) ** 2],
      ],
    ];
    for (const [f, ys, gs] of cases) {
      zeroGrad(x);
      const y = f(x);
      close(Array.from(y.data), ys);
      y.backward(tensor([1, 1, 1]));
      close(Array.from(x.grad?.data ?? []), gs);
    }
    const p = tensor([1, 4]);
    const l = p.log();
    l.sum().backward();
    close(Array.from(l.data), [0, Math.log(4)]);
    close(Array.from(p.grad?.data ?? []), [1, 0.25]);
  });

  it('a shape mismatch names the op and both shapes', () => {
    expect(() => tensor([1, 2, 3]).add(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => tensor([1, 2, 3]).add(tensor([1, 2]))).toThrow(
      'add: shapes cannot broadcast: a is [3], b is [2]',
    );
    expect(() => tensor([[1, 2, 3]]).mul(tensor([[1], [2]]).reshape([1, 2]))).toThrow(
      'mul: shapes cannot broadcast: a is [1,3], b is [1,2]',
    );
  });
});

describe('matmul', () => {
  it('forward and both gradients by hand', () => {
    const A = tensor([
      [1, 2],
      [3, 4],
    ]);
    const B = tensor([
      [5, 6],
      [7, 8],
    ]);
    const C = A.matmul(B);
    expect(C.toArray()).toEqual([
      [19, 22],
      [43, 50],
    ]);
    const G = tensor([
      [1, 0],
      [0, 2],
    ]);
    C.backward(G);
    // ∂L/∂A = G·Bᵀ = [[5,7],[2·6,2·8]] = [[5,7],[12,16]];  ∂L/∂B = Aᵀ·G = [[1,6],[2,8]]
    expect(arr(A.grad)).toEqual([
      [5, 7],
      [12, 16],
    ]);
    expect(arr(B.grad)).toEqual([
      [1, 6],
      [2, 8],
    ]);
  });

  it('non-square, with more rows than the four-row unroll', () => {
    const A = tensor([[1], [2], [3], [4], [5], [6]]); // [6,1]
    const B = tensor([[1, -1, 2]]); // [1,3]
    const C = A.matmul(B);
    expect(C.shape).toEqual([6, 3]);
    expect(C.toArray()).toEqual([1, 2, 3, 4, 5, 6].map((a) => [a, -a, 2 * a]));
    C.sum().backward();
    expect(arr(A.grad)).toEqual([[2], [2], [2], [2], [2], [2]]);
    expect(arr(B.grad)).toEqual([[21, 21, 21]]);
  });

  it('errors name both shapes', () => {
    const a = tensor(new Float64Array(6), { shape: [2, 3] });
    const b = tensor(new Float64Array(20), { shape: [4, 5] });
    expect(() => a.matmul(b)).toThrow('matmul: inner dimensions differ: a is [2,3], b is [4,5]');
    expect(() => tensor([1, 2]).matmul(b)).toThrow('matmul: expects 2-d tensors: a is [2], b is [4,5]');
  });
});

describe('reductions', () => {
  const m = () =>
    tensor([
      [1, 5, 3],
      [4, 2, 6],
    ]);

  it('sum over all, over an axis, with keepDims and negative axes', () => {
    expect(m().sum().item()).toBe(21);
    expect(m().sum(0).toArray()).toEqual([5, 7, 9]);
    expect(m().sum(1).toArray()).toEqual([9, 12]);
    expect(m().sum(-1, true).toArray()).toEqual([[9], [12]]);
    const x = m();
    x.sum(1).backward(tensor([10, 100]));
    expect(arr(x.grad)).toEqual([
      [10, 10, 10],
      [100, 100, 100],
    ]);
  });

  it('mean = sum · 1/n, gradient 1/n', () => {
    const x = m();
    const y = x.mean(0);
    expect(y.toArray()).toEqual([2.5, 3.5, 4.5]);
    x.mean().backward();
    expect(arr(x.grad)).toEqual([
      [1 / 6, 1 / 6, 1 / 6],
      [1 / 6, 1 / 6, 1 / 6],
    ]);
  });

  it('max sends the gradient to the (first) maximum only', () => {
    const x = m();
    const y = x.max(1);
    expect(y.toArray()).toEqual([5, 6]);
    y.backward(tensor([1, 2]));
    expect(arr(x.grad)).toEqual([
      [0, 1, 0],
      [0, 0, 2],
    ]);
    const t = tensor([3, 3, 1]);
    t.max().backward();
    expect(arr(t.grad)).toEqual([1, 0, 0]);
    expect(m().max(0, true).toArray()).toEqual([[4, 5, 6]]);
  });

  it('axis out of range is a clear error', () => {
    expect(() => m().sum(2)).toThrow('sum: axis 2 is out of range for a tensor of shape [2,3] (rank 2)');
    expect(() => m().softmax(-3)).toThrow('softmax: axis -3 is out of range');
    expect(() => m().mean(5)).toThrow('mean: axis 5 is out of range');
  });
});

describe('movement ops', () => {
  it('reshape (with −1) and its gradient in the input shape', () => {
    const x = tensor([1, 2, 3, 4, 5, 6]);
    const y = x.reshape([2, -1]);
    expect(y.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    y.mul(tensor([1, 2, 3]))
      .sum()
      .backward();
    expect(arr(x.grad)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(() => x.reshape([4, 2])).toThrow('reshape: cannot reshape [6] (6 elements) to [4,2]');
  });

  it('transpose (default and a 3-d perm) and its gradient', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = x.transpose();
    expect(y.toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    y.backward(
      tensor([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    );
    expect(arr(x.grad)).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    const t = tensor(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), { shape: [2, 3, 2] });
    const p = t.transpose([1, 2, 0]); // shape [3,2,2]; p[i,j,k] = t[k,i,j]
    expect(p.shape).toEqual([3, 2, 2]);
    expect(p.toArray()).toEqual([
      [
        [0, 6],
        [1, 7],
      ],
      [
        [2, 8],
        [3, 9],
      ],
      [
        [4, 10],
        [5, 11],
      ],
    ]);
    expect(() => t.transpose([0, 0, 1])).toThrow(
      'transpose: perm [0,0,1] is not a permutation of the axes of [2,3,2]',
    );
  });
});

describe('softmax and logSoftmax', () => {
  it('softmax of [1,2,3] and its vjp y ⊙ (g − Σ g y)', () => {
    const x = tensor([1, 2, 3]);
    const y = x.softmax();
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0]! + e[1]! + e[2]!;
    const p = e.map((v) => v / s);
    close(Array.from(y.data), p, 14);
    y.backward(tensor([1, 0, 0]));
    // ∂y_0/∂x_k = p_0(δ_0k − p_k)
    close(Array.from(x.grad?.data ?? []), [p[0]! * (1 - p[0]!), -p[0]! * p[1]!, -p[0]! * p[2]!], 14);
  });

  it('along axis 0 of a matrix', () => {
    const y = tensor([
      [0, 1],
      [0, 1],
    ]).softmax(0);
    expect(y.toArray()).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('logSoftmax uses the log-sum-exp shift: [1000, 0] stays finite', () => {
    const x = tensor([1000, 0]);
    const y = x.logSoftmax();
    expect(y.data[0]).toBe(0);
    expect(y.data[1]).toBe(-1000);
    const naive = x.exp().sum().log(); // overflows without the shift
    expect(naive.item()).toBe(Infinity);
  });

  it('logSoftmax vjp: g − softmax ⊙ Σ g', () => {
    const x = tensor([0, Math.log(3)]); // softmax = [1/4, 3/4]
    const y = x.logSoftmax();
    close(Array.from(y.data), [Math.log(0.25), Math.log(0.75)], 14);
    y.backward(tensor([1, 0]));
    close(Array.from(x.grad?.data ?? []), [1 - 0.25, -0.75], 14);
  });
});

describe('tensor backward semantics', () => {
  it('a seed is required for a non-scalar output and must have its shape', () => {
    expect(() => tensor([1, 2]).mul(2).backward()).toThrow(
      'backward: a seed is required for a non-scalar output (shape [2])',
    );
    expect(() =>
      tensor([1, 2])
        .mul(2)
        .backward(tensor([1, 2, 3])),
    ).toThrow('backward: seed: shape [3] does not match [2]');
  });

  it('reuse sums and a second backward doubles', () => {
    const a = tensor([1, 2]);
    const b = a.add(a);
    const c = b.add(b).sum();
    c.backward();
    expect(arr(a.grad)).toEqual([4, 4]);
    c.backward();
    expect(arr(a.grad)).toEqual([8, 8]);
    zeroGrad(c);
    expect(a.grad).toBeNull();
  });

  it('scalar Values and Tensors do not mix', () => {
    expect(() => tensor([1]).add({ data: 1 } as never)).toThrow('add: expected a Tensor or a number');
  });
});

describe('division by a plain zero', () => {
  it('is an error naming div', () => {
    expect(() => tensor([1, 2]).div(0)).toThrow('div: division by the number 0');
  });
});

describe('constant leaves', () => {
  it('take no gradient in tensor mode, and the rest is unchanged', () => {
    const X = tensor([[1, 2]], { kind: 'constant', label: 'X' });
    const W = tensor([[3], [4]], { kind: 'parameter', label: 'W' });
    const L = X.matmul(W).mul(2).sum();
    L.backward();
    expect(X.grad).toBeNull();
    expect(L.inputs[0]!.inputs[1]!.grad).toBeNull(); // the number 2
    expect(arr(W.grad)).toEqual([[2], [4]]); // 2·Xᵀ
  });
});
