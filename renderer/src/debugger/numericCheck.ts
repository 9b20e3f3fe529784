/**
 * The numerical check of one node's gradient: the analytic ∂L/∂node from backprop against a central
 * difference (L(node + ε) − L(node − ε)) / 2ε, judged elementwise with PyTorch gradcheck's rule
 * |analytic − numeric| ≤ atol + rtol·|numeric|.
 */
import type { PlainValue } from '../../../engine/core/types';
import { valueData } from './format';

/** PyTorch's gradcheck defaults. */
export const DEFAULT_TOLERANCES = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 } as const;

export interface Tolerances {
  eps: number;
  atol: number;
  rtol: number;
}

export interface NodeCheck {
  id: number;
  analytic: PlainValue;
  numeric: PlainValue;
  /** Largest elementwise |analytic − numeric|. */
  absErr: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|) at that element (0 when both are 0). */
  relErr: number;
  /** Flat index of the largest error (0 for a scalar). */
  worst: number;
  /** Elementwise absolute errors, for the tensor error heatmap. */
  errors: number[];
  pass: boolean;
}

export function compareGrads(
  id: number,
  analytic: PlainValue,
  numeric: PlainValue,
  tol: Pick<Tolerances, 'atol' | 'rtol'>,
): NodeCheck {
  const a = valueData(analytic);
  const n = valueData(numeric);
  if (a.length !== n.length) {
    throw new Error(`numeric check of node ${id}: analytic has ${a.length} elements, numeric ${n.length}`);
  }
  let absErr = 0;
  let worst = 0;
  let pass = true;
  const errors = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i]! - n[i]!);
    errors[i] = e;
    // NaN must fail, so compare with a negated ≤.
    if (!(e <= tol.atol + tol.rtol * Math.abs(n[i]!))) pass = false;
    if (e > absErr || Number.isNaN(e)) {
      absErr = e;
      worst = i;
    }
  }
  const scale = Math.max(Math.abs(a[worst] ?? 0), Math.abs(n[worst] ?? 0));
  return { id, analytic, numeric, absErr, relErr: scale === 0 ? 0 : absErr / scale, worst, errors, pass };
}
