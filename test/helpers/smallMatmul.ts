/**
 * The hand-worked tensor graph several tests share: L = Σ R ⊙ (A B) with A = [[1,2],[3,4]] (a parameter),
 * B = [[5,6],[7,8]], R = [[1,−1],[2,0.5]]. By hand: ∂L/∂A = R Bᵀ = [[−1,−1],[13,18]], ∂L/∂B = Aᵀ R.
 */
import { tensor } from '../../engine/index';
import type { NodeKind } from '../../engine/index';

export function smallMatmul(rKind: NodeKind = 'constant') {
  const A = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { label: 'A', kind: 'parameter' },
  );
  const B = tensor(
    [
      [5, 6],
      [7, 8],
    ],
    { label: 'B' },
  );
  const R = tensor(
    [
      [1, -1],
      [2, 0.5],
    ],
    { label: 'R', kind: rKind },
  );
  const Z = A.matmul(B);
  const L = Z.mul(R).sum();
  return { A, B, R, Z, L };
}
