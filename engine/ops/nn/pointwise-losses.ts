/**
 * Losses made of one term per element, ℓ_i = f(x_i, y_i), over an input x and a target y of the same shape,
 * then the reduction (reduction.ts). Each term and its two partial derivatives are written once here:
 *   mseLoss:            ℓ = (x − y)²                          ∂ℓ/∂x = 2(x − y),        ∂ℓ/∂y = −2(x − y)
 *   l1Loss:             ℓ = |x − y|                           ∂ℓ/∂x = sign(x − y),     ∂ℓ/∂y = −sign(x − y)
 *   bceLoss (x ∈ [0,1]): ℓ = −(y·max(ln x, −100) + (1−y)·max(ln(1−x), −100))
 *                        ∂ℓ/∂x = (x − y)/max(x(1−x), 10⁻¹²),  ∂ℓ/∂y = max(ln(1−x), −100) − max(ln x, −100)
 *   bceWithLogitsLoss:  ℓ = max(x, 0) − x·y + ln(1 + e^{−|x|})   (= bce(σ(x), y) without overflow)
 *                        ∂ℓ/∂x = σ(x) − y,  ∂ℓ/∂y = −x
 *   klDivLoss (x = log-probabilities, y = probabilities): ℓ = y (ln y − x), 0 where y = 0
 *                        ∂ℓ/∂x = −y,  ∂ℓ/∂y = ln y + 1 − x (0 where y = 0)
 * The clamps and 10⁻¹² are PyTorch's: a probability of exactly 0 or 1 gives a large finite loss, not ∞.
 */
import { EngineError, ShapeError, shapeStr } from '../../core/errors';
import { constant, type Value } from '../../scalar/value';
import { lowerReduction, reduceLoss, reductionText, termGrads, where } from './reduction';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

export interface Term {
  f(x: number, y: number): number;
  dx(x: number, y: number): number;
  dy(x: number, y: number): number;
  /** The same term from scalar Values (branches chosen by the forward values, as the tensor rule does). */
  lower(x: Value, y: Value): Value;
  /** Throws when an input value is outside the term's domain. */
  check?(x: number, i: number): void;
}

function pointwiseLoss(name: string, symbol: string, termText: string, t: Term): OpDef {
  TERMS[name] = t;
  const sizes = (xs: readonly number[], ys: readonly number[]) => {
    if (xs.length !== ys.length || xs.some((d, k) => d !== ys[k]))
      throw new ShapeError(
        `${name}: input and target shapes differ: input is ${shapeStr(xs)}, target is ${shapeStr(ys)}`,
      );
    return { n: xs.reduce((a, d) => a * d, 1), batch: xs.length > 0 ? xs[0] : 1 };
  };
  return {
    name,
    symbol,
    describe: (a) =>
      formula(
        `${a.outLabel} = ${reductionText(a.attrs.reduction, termText, 'n')}${where([
          ['x', a.labels[0]],
          ['y', a.labels[1]],
        ])} = ${a.outValue}`,
      ),
    tensor: tensorRule<undefined>({
      forward([x, y], attrs) {
        const { batch } = sizes(x.shape, y.shape);
        const terms = new Float64Array(x.data.length);
        for (let i = 0; i < terms.length; i++) {
          t.check?.(x.data[i], i);
          terms[i] = t.f(x.data[i], y.data[i]);
        }
        return { value: reduceLoss(terms, x.shape, attrs.reduction, batch) };
      },
      vjp([x, y], _out, g, attrs, _saved, i) {
        const { n, batch } = sizes(x.shape, y.shape);
        const gi = termGrads(g, n, attrs.reduction, batch);
        const d = i === 0 ? t.dx : t.dy;
        const out = new Float64Array(n);
        for (let k = 0; k < n; k++) out[k] = gi[k] * d(x.data[k], y.data[k]);
        return { shape: i === 0 ? x.shape : y.shape, data: out };
      },
      lower(x, shapes, _outShape, attrs): Value[] {
        const { batch } = sizes(shapes[0], shapes[1]);
        return lowerReduction(
          x[0].map((v, k) => t.lower(v, x[1][k])),
          attrs.reduction,
          batch,
        );
      },
    }),
  };
}

/** Each pointwise loss's term by op name, for scalar-mode losses built from the same formulas. */
export const TERMS: Record<string, Term> = {};

export const mseLossOp = pointwiseLoss('mseLoss', 'MSE', '(x − y)²', {
  f: (x, y) => (x - y) * (x - y),
  dx: (x, y) => 2 * (x - y),
  dy: (x, y) => -2 * (x - y),
  lower: (x, y) => x.sub(y).pow(2),
});

export const l1LossOp = pointwiseLoss('l1Loss', 'L1', '|x − y|', {
  f: (x, y) => Math.abs(x - y),
  dx: (x, y) => Math.sign(x - y),
  dy: (x, y) => -Math.sign(x - y),
  // |d| as a selection: d, −d, or 0·d at d = 0 (sign 0, like the tensor rule).
  lower: (x, y) => {
    const d = x.sub(y);
    return d.data > 0 ? d : d.data < 0 ? d.neg() : d.mul(0);
  },
});

const clampLog = (v: number) => Math.max(Math.log(v), -100);

export const bceLossOp = pointwiseLoss('bceLoss', 'BCE', '−(y ln x + (1 − y) ln(1 − x))', {
  // 0 − … so that a perfect prediction gives +0, not −0.
  f: (x, y) => 0 - (y * clampLog(x) + (1 - y) * clampLog(1 - x)),
  dx: (x, y) => (x - y) / Math.max(x * (1 - x), 1e-12),
  dy: (x) => clampLog(1 - x) - clampLog(x),
  lower: (x, y) => {
    const x0 = x.data;
    if (x0 * (1 - x0) < 1e-12) {
      // Within 10⁻¹² of 0 or 1, PyTorch's ∂ℓ/∂x is (x − y)/10⁻¹², not the logs' derivative: the logs become
      // constants and x enters once, through (x − x₀)·(x₀ − y)/10⁻¹², which is 0 but has that slope.
      const logs = y
        .mul(constant(clampLog(x0)))
        .add(
          constant(1)
            .sub(y)
            .mul(constant(clampLog(1 - x0))),
        )
        .neg();
      return logs.add(x.sub(x0).mul(constant(x0).sub(y).div(1e-12)));
    }
    // A log below −100 is replaced by the constant −100: no gradient flows through the clamp.
    const lx = Math.log(x0) < -100 ? constant(-100) : x.log();
    const l1x = Math.log(1 - x0) < -100 ? constant(-100) : constant(1).sub(x).log();
    return y.mul(lx).add(constant(1).sub(y).mul(l1x)).neg();
  },
  check: (x, i) => {
    if (!(x >= 0 && x <= 1))
      throw new EngineError(
        `bceLoss: input[${i}] = ${x} is not a probability in [0, 1] (use bceWithLogitsLoss for logits)`,
      );
  },
});

export const bceWithLogitsLossOp = pointwiseLoss(
  'bceWithLogitsLoss',
  'BCEℓ',
  'max(x, 0) − x·y + ln(1 + e^{−|x|})',
  {
    f: (x, y) => Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x))),
    dx: (x, y) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))) - y,
    dy: (x) => -x,
    lower: (x, y) =>
      x.data >= 0 ? x.sub(x.mul(y)).add(x.neg().exp().add(1).log()) : x.exp().add(1).log().sub(x.mul(y)),
  },
);

export const klDivLossOp = pointwiseLoss('klDivLoss', 'KL', 'y (ln y − x)', {
  f: (x, y) => (y > 0 ? y * (Math.log(y) - x) : 0),
  dx: (_x, y) => -y,
  dy: (x, y) => (y > 0 ? Math.log(y) + 1 - x : 0),
  lower: (x, y) => (y.data > 0 ? y.mul(y.log().sub(x)) : x.mul(0).mul(y)),
});
