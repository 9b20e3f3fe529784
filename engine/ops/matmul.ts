/**
 * matmul:  Z = A B  for A [m,k], B [k,n]:  Z_ij = Σ_p A_ip B_pj   (the lecture's z^{[l]} = W^{[l]} a^{[l−1]})
 *   ∂L/∂A = ∂L/∂Z · Bᵀ   [m,n]·[n,k]   (gemmNT: reads B as stored, no transposed copy)
 *   ∂L/∂B = Aᵀ · ∂L/∂Z   [k,m]·[m,n]   (gemmTN: reads A as stored)
 * The forward sums p in order, bit for bit as the lowering below (tensor/gemm.ts explains the orders).
 */
import { ShapeError, shapeStr } from '../core/errors';
import type { TensorData } from '../core/types';
import type { Value } from '../scalar/value';
import { gemmNT, gemmTN } from '../tensor/gemm';
import { matmulKernel, td } from '../tensor/kernels';
import { callWithAttrs } from './describe';
import { tensorRule, type OpDef } from './opdef';

/** [m, k, n] of a valid product, or a ShapeError naming both shapes. */
export function matmulDims(a: readonly number[], b: readonly number[]): [number, number, number] {
  if (a.length !== 2 || b.length !== 2) {
    throw new ShapeError(`matmul: expects 2-d tensors: a is ${shapeStr(a)}, b is ${shapeStr(b)}`);
  }
  if (a[1] !== b[0])
    throw new ShapeError(`matmul: inner dimensions differ: a is ${shapeStr(a)}, b is ${shapeStr(b)}`);
  return [a[0] as number, a[1] as number, b[1] as number];
}

export const matmulOp: OpDef = {
  name: 'matmul',
  symbol: 'matmul',
  describe: callWithAttrs('matmul', []),
  tensor: tensorRule<undefined>({
    forward([a, b]) {
      const [m, k, n] = matmulDims((a as TensorData).shape, (b as TensorData).shape);
      return { value: td([m, n], matmulKernel((a as TensorData).data, (b as TensorData).data, m, k, n)) };
    },
    vjp([a, b], _out, g, _attrs, _saved, i) {
      const [m, k, n] = matmulDims((a as TensorData).shape, (b as TensorData).shape);
      if (i === 0) {
        const da = new Float64Array(m * k);
        gemmNT(g.data, (b as TensorData).data, da, m, n, k);
        return td([m, k], da);
      }
      const db = new Float64Array(k * n);
      gemmTN((a as TensorData).data, g.data, db, k, m, n);
      return td([k, n], db);
    },
    lower([a, b], [sa, sb]) {
      const [m, k, n] = matmulDims(sa as readonly number[], sb as readonly number[]);
      const A = a as readonly Value[];
      const B = b as readonly Value[];
      const out: Value[] = [];
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          let acc = (A[i * k] as Value).mul(B[j] as Value);
          for (let p = 1; p < k; p++) acc = acc.add((A[i * k + p] as Value).mul(B[p * n + j] as Value));
          out.push(acc);
        }
      return out;
    },
  }),
};
