/** The lowering driver: mapping both ways, labels and kinds, blocks, counts, errors, and hand-worked numbers. */
import { describe, expect, it } from 'vitest';
import { applyOp, tensor, type Tensor } from '../../../engine/tensor/tensor';
import { td } from '../../../engine/tensor/kernels';
import { elementLabel, lower } from '../../../engine/lower/lower';
import { compareGradients } from '../../../engine/lower/compare';
import type { OpDef } from '../../../engine/ops/opdef';
import type { Value } from '../../../engine/scalar/value';
import { conv2d } from '../../../engine/nn/layers';
import { crossEntropy } from '../../../engine/nn/losses';
import { rng } from '../../../engine/nn/rng';
import { randn } from './cases';
import { useWasmKernels } from '../../../engine/tensor/gemm';
import { smallMatmul } from '../../helpers/smallMatmul';

const grads = (vs: readonly Value[] | undefined) => (vs ?? []).map((v) => v.grad);

describe('lower: a hand-worked matmul', () => {
  it('gives the gradients R Bᵀ and Aᵀ R worked by hand', () => {
    const { A, B, Z, L } = smallMatmul();
    const low = lower(L);
    // AB = [[19,22],[43,50]];  L = 19 − 22 + 86 + 25 = 108.
    expect(low.root.data).toBe(108);
    expect(low.scalarOf.get(Z.id)?.map((v) => v.data)).toEqual([19, 22, 43, 50]);
    low.root.backward();
    // ∂L/∂A = R Bᵀ = [[1·5 − 1·6, 1·7 − 1·8], [2·5 + 0.5·6, 2·7 + 0.5·8]] = [[−1, −1], [13, 18]]
    expect(grads(low.scalarOf.get(A.id))).toEqual([-1, -1, 13, 18]);
    // ∂L/∂B = Aᵀ R = [[1·1 + 3·2, 1·(−1) + 3·0.5], [2·1 + 4·2, 2·(−1) + 4·0.5]] = [[7, 0.5], [10, 0]]
    expect(grads(low.scalarOf.get(B.id))).toEqual([7, 0.5, 10, 0]);
  });

  it('counts nodes and edges of both graphs', () => {
    const { L } = smallMatmul();
    const low = lower(L);
    // Tensor: A, B, AB, R, AB⊙R, Σ = 6 nodes; edges 2 + 2 + 1 = 5.
    expect(low.counts.tensorNodes).toBe(6);
    expect(low.counts.tensorEdges).toBe(5);
    // Scalar: 12 leaves (A, B, R); per output of AB two products and one sum (12); 4 products with R; 3 adds.
    expect(low.counts.scalarNodes).toBe(12 + 12 + 4 + 3);
    expect(low.counts.scalarEdges).toBe(2 * (12 + 4 + 3));
    expect(low.counts.elements).toBe(4 + 4 + 4 + 4 + 4 + 1);
  });

  it('labels element leaves W[i,j], keeps kinds, and maps elements back to tensor nodes', () => {
    const { A, B, R, Z, L } = smallMatmul();
    const low = lower(L);
    expect(low.scalarOf.get(A.id)?.map((v) => v.label)).toEqual(['A[0,0]', 'A[0,1]', 'A[1,0]', 'A[1,1]']);
    expect(low.scalarOf.get(A.id)?.every((v) => v.kind === 'parameter' && v.op === 'leaf')).toBe(true);
    expect(low.scalarOf.get(B.id)?.every((v) => v.kind === 'data')).toBe(true);
    expect(low.scalarOf.get(R.id)?.every((v) => v.kind === 'constant')).toBe(true);
    const z3 = low.scalarOf.get(Z.id)?.[3] as Value;
    expect(low.tensorOf.get(z3.id)).toEqual({ node: Z.id, index: 3 });
    expect(low.tensorOf.get(low.root.id)).toEqual({ node: L.id, index: 0 });
    // The products inside Z[1,1] = A[1,0]B[0,1] + A[1,1]B[1,1] belong to Z's block, not to an element.
    const product = z3.a as Value;
    expect(product.op).toBe('mul');
    expect(low.blockOf.get(product.id)).toBe(Z.id);
    expect(low.tensorOf.has(product.id)).toBe(false);
    // Every scalar node reachable from the root belongs to exactly one tensor node's block.
    const blockSizes = new Map<number, number>();
    for (const owner of low.blockOf.values()) blockSizes.set(owner, (blockSizes.get(owner) ?? 0) + 1);
    expect(blockSizes.get(Z.id)).toBe(12);
    expect(blockSizes.get(L.id)).toBe(3);
    expect(low.blockOf.size).toBe(low.counts.scalarNodes);
  });

  it('element labels follow row-major order', () => {
    expect(elementLabel('x', [2, 3, 4], 0)).toBe('x[0,0,0]');
    expect(elementLabel('x', [2, 3, 4], 23)).toBe('x[1,2,3]');
    expect(elementLabel('x', [2, 3, 4], 13)).toBe('x[1,0,1]');
    expect(elementLabel('s', [], 0)).toBe('s');
  });
});

describe('lower: a matmul and its scalar graph give the same values, bit for bit', () => {
  // Both add the products a[i,p]·b[p,j] one p at a time, in order (engine/tensor/gemm.ts); the lowered
  // graph is a chain of scalar adds. Checked on the TypeScript loops and on the WebAssembly kernel (the
  // 40×40 product is large enough to go to it).
  for (const wasm of [false, true]) {
    it(wasm ? 'with the WebAssembly kernel' : 'with the TypeScript loops', () => {
      useWasmKernels(wasm);
      try {
        const r = rng(11);
        const A = randn(r, [40, 40], 'A');
        const B = randn(r, [40, 40], 'B');
        const Z = A.matmul(B);
        const low = lower(Z.sum());
        const scalars = (low.scalarOf.get(Z.id) ?? []).map((v) => v.data);
        expect(scalars).toHaveLength(1600);
        expect(scalars.every((x, k) => Object.is(x, Z.data[k]))).toBe(true);
        // and against the plain loop, written out here for one element
        let z = 0;
        for (let p = 0; p < 40; p++) z += A.data[7 * 40 + p]! * B.data[p * 40 + 13]!;
        expect(Z.data[7 * 40 + 13]).toBe(z);
      } finally {
        useWasmKernels(false);
      }
    });
  }
});

describe('lower: shared elements', () => {
  it('reshape and transpose share their input Values, attributed to the input', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], { label: 'x' });
    const y = x.reshape([2, 3]);
    const t = y.transpose();
    const L = t
      .mul(
        tensor(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          { label: 'R' },
        ),
      )
      .sum();
    const low = lower(L);
    const xs = low.scalarOf.get(x.id) as Value[];
    expect(low.scalarOf.get(y.id)).toEqual(xs);
    // tᵀ[i][j] = y[j][i] = x[3j + i]
    expect(low.scalarOf.get(t.id)).toEqual([xs[0], xs[3], xs[1], xs[4], xs[2], xs[5]]);
    expect(low.tensorOf.get((xs[4] as Value).id)).toEqual({ node: x.id, index: 4 });
    low.root.backward();
    // ∂L/∂x[3j+i] = R[i][j]: x = [1..6] reshaped and transposed against R = [[1,2],[3,4],[5,6]].
    expect(grads(xs)).toEqual([1, 3, 5, 2, 4, 6]);
    L.backward();
    const cmp = compareGradients(L, low);
    expect(cmp.gradRel).toBe(0);
    const forY = cmp.nodes.find((d) => d.node === y.id);
    expect(forY?.shared).toBe(6);
    expect(forY?.compared).toBe(0);
  });
});

describe('lower: errors name the thing at fault', () => {
  it('rejects a root with more than one element', () => {
    const x = tensor([1, 2, 3], { label: 'scores' });
    expect(() => lower(x.exp())).toThrow(/root must have one element.*shape \[3\]/);
  });

  const base: OpDef = {
    name: 'twice',
    symbol: '2×',
    describe: () => ({ latex: '', text: '' }),
  };
  const rule = {
    forward: ([x]: readonly { shape: readonly number[]; data: Float64Array }[]) => ({
      value: td(
        (x as Tensor).shape,
        (x as Tensor).data.map((v) => 2 * v),
      ),
    }),
    vjp: (_x: unknown, _o: unknown, g: { shape: readonly number[]; data: Float64Array }) =>
      td(
        g.shape,
        g.data.map((v) => 2 * v),
      ),
  };

  it('names an op without a lowering', () => {
    const op = { ...base, tensor: { ...rule } } as unknown as OpDef;
    const L = applyOp(op, [tensor([1, 2], { label: 'x' })]).sum();
    expect(() => lower(L)).toThrow(/lower: op 'twice' \(node #2, shape \[2\]\) has no scalar lowering/);
  });

  it('names an op whose lowering returns the wrong number of elements', () => {
    const op = {
      ...base,
      tensor: { ...rule, lower: ([x]: readonly (readonly Value[])[]) => [(x as Value[])[0]] },
    } as unknown as OpDef;
    const L = applyOp(op, [tensor([1, 2], { label: 'x' })]).sum();
    expect(() => lower(L)).toThrow(/op 'twice'.*returned 1 elements, expected 2/);
  });

  it('names an op whose lowering throws, with its input shapes', () => {
    const op = {
      ...base,
      tensor: {
        ...rule,
        lower: () => {
          throw new Error('boom');
        },
      },
    } as unknown as OpDef;
    const L = applyOp(op, [tensor([[1, 2]], { label: 'x' })]).sum();
    expect(() => lower(L)).toThrow(/op 'twice'.*failed to lower from inputs \[1,2\]: boom/);
  });

  it('compareGradients catches a lowering that computes the right values but the wrong elements', () => {
    // Lowers 2x with its elements swapped: forward values differ and so do the gradients.
    const swapped = {
      ...base,
      tensor: {
        ...rule,
        lower: ([x]: readonly (readonly Value[])[]) => [...(x as Value[])].reverse().map((v) => v.mul(2)),
      },
    } as unknown as OpDef;
    const x = tensor([1, 2], { label: 'x' });
    const L = applyOp(swapped, [x])
      .mul(tensor([3, 5], { label: 'R' }))
      .sum();
    const low = lower(L);
    L.backward();
    low.root.backward();
    const cmp = compareGradients(L, low);
    // Tensor ∂L/∂x = 2R = [6, 10]; the swapped lowering gives [10, 6]: off by 4, against a largest gradient
    // of 10. ∂L/∂R = 2x = [2, 4] in tensor mode, [4, 2] lowered: off by 2.
    expect(cmp.gradRel).toBeCloseTo(0.4, 12);
    expect(cmp.worst?.label).toBe('x');
    expect(cmp.nodes.find((d) => d.label === 'R')?.gradAbs).toBe(2);
    // Values: 2x = [2, 4] against [4, 2]; the largest value is Σ = 2·1·3... any swap shows.
    expect(cmp.valueAbs).toBeGreaterThan(1);
  });

  it('compareGradients asks for backward first', () => {
    const { L } = smallMatmul();
    const low = lower(L);
    expect(() => compareGradients(L, low)).toThrow(/call backward\(\) on the tensor root first/);
    L.backward();
    expect(() => compareGradients(L, low)).toThrow(/call backward\(\) on lowering.root first/);
  });
});

describe('lower: size', () => {
  // Its speed (< 100 ms, issue 7) is measured by `npm run bench` (row L1), not by a timed test.
  it('lowers a 2-layer MLP and a small convnet element by element', () => {
    const r = rng(3);
    // A 2-layer MLP larger than the lesson's: 8 samples, 4 inputs, 16 hidden units, 3 classes.
    const X = randn(r, [8, 4], 'X');
    const h = X.matmul(randn(r, [16, 4], 'W1', 'parameter').transpose())
      .add(randn(r, [16], 'b1', 'parameter'))
      .sigmoid();
    const mlp = crossEntropy(
      h.matmul(randn(r, [3, 16], 'W2', 'parameter').transpose()).add(randn(r, [3], 'b2', 'parameter')),
      [0, 1, 2, 0, 1, 2, 0, 1],
    );
    // The convolution lesson's shape (a 5×5 image, a 3×3 filter), with 4 filters on 3 channels.
    const conv = conv2d(
      randn(r, [1, 3, 5, 5], 'image'),
      randn(r, [4, 3, 3, 3], 'w', 'parameter'),
      randn(r, [4], 'b', 'parameter'),
    ).sum();
    for (const root of [mlp, conv]) {
      const lowered = lower(root);
      expect(lowered.counts.scalarNodes).toBeGreaterThan(1000);
      // Every element of the root's inputs has its own scalar leaf.
      expect(lowered.scalarOf.get(root.id)?.length).toBe(1);
    }
  });
});

describe('lower: bceLoss where PyTorch clamps the gradient', () => {
  it('keeps (x − y)/10⁻¹² within 10⁻¹² of 0 or 1, and the logs’ derivative elsewhere', async () => {
    const { bceLoss } = await import('../../../engine/nn/losses');
    const xs = [1 - 1e-14, 1e-13, 0, 0.3];
    const ys = [0.25, 0.6, 0.5, 0.1];
    const x = tensor(xs, { label: 'p' });
    const y = tensor(ys, { label: 'y' });
    const L = bceLoss(x, y, { reduction: 'sum' });
    const low = lower(L);
    low.root.backward();
    // by hand: ∂ℓ/∂x = (x − y)/max(x(1 − x), 10⁻¹²); ∂ℓ/∂y = max(ln(1 − x), −100) − max(ln x, −100)
    const dx = xs.map((p, i) => (p - ys[i]!) / Math.max(p * (1 - p), 1e-12));
    const dy = xs.map((p) => Math.max(Math.log(1 - p), -100) - Math.max(Math.log(p), -100));
    const got = grads(low.scalarOf.get(x.id));
    got.forEach((g, i) => expect(Math.abs(g - dx[i]!) / Math.abs(dx[i]!)).toBeLessThan(1e-12));
    grads(low.scalarOf.get(y.id)).forEach((g, i) => expect(g).toBeCloseTo(dy[i]!, 12));
    // the value is the clamped loss: Σ −(y max(ln x, −100) + (1 − y) max(ln(1 − x), −100))
    const want = xs.reduce(
      (s, p, i) =>
        s - (ys[i]! * Math.max(Math.log(p), -100) + (1 - ys[i]!) * Math.max(Math.log(1 - p), -100)),
      0,
    );
    expect(low.root.data).toBeCloseTo(want, 9);
  });
});
