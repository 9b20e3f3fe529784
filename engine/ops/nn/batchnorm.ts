/**
 * batchNorm, per channel c over the m values of the batch (N, and H·W for 4-d input):
 *   training:  μ_c = (1/m) Σ x,  σ²_c = (1/m) Σ (x − μ_c)²,  x̂ = (x − μ_c)/√(σ²_c + ε),  y = γ_c x̂ + β_c
 *              ∂L/∂x = γ_c/(m √(σ²_c + ε)) · (m ∂L/∂y − Σ ∂L/∂y − x̂ Σ ∂L/∂y x̂)
 *   eval:      the same with μ, σ² the running statistics (inputs 3 and 4, constants): ∂L/∂x = γ_c/√(σ²_c + ε) ∂L/∂y
 *   both:      ∂L/∂γ_c = Σ ∂L/∂y · x̂,   ∂L/∂β_c = Σ ∂L/∂y
 * Inputs: [x, γ, β] in training, [x, γ, β, runningMean, runningVar] in eval; attrs { training, eps }.
 * Updating the running statistics is the `batchNorm` function's job, so re-running this op has no side effect.
 */
import { ShapeError, shapeStr } from '../../core/errors';
import type { Attrs, TensorData } from '../../core/types';
import type { Value } from '../../scalar/value';
import {
  bnGeometry,
  bnGradInputEval,
  bnGradInputTrain,
  bnNormalize,
  channelStats,
  channelSum,
  type BnGeometry,
} from '../../nn/kernels/batchnorm';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

interface Saved {
  xhat: Float64Array;
  invStd: Float64Array;
}

export function checkBnShapes(x: readonly number[], others: readonly (readonly number[])[]): BnGeometry {
  const g = bnGeometry('batchNorm', x);
  const names = ['gamma', 'beta', 'runningMean', 'runningVar'];
  others.forEach((s, k) => {
    if (s.length !== 1 || s[0] !== g.C)
      throw new ShapeError(
        `batchNorm: ${names[k]} must be [${g.C}] for x ${shapeStr(x)}, got ${shapeStr(s)}`,
      );
  });
  return g;
}

function run(x: readonly TensorData[], attrs: Attrs): Saved & { out: Float64Array } {
  const [xs, gamma, beta, rm, rv] = x;
  const g = checkBnShapes(
    xs.shape,
    x.slice(1).map((t) => t.shape),
  );
  const stats = attrs.training ? channelStats(xs.data, g) : { mean: rm.data, variance: rv.data };
  return bnNormalize(xs.data, gamma.data, beta.data, stats.mean, stats.variance, attrs.eps as number, g);
}

export const batchNormOp: OpDef = {
  name: 'batchNorm',
  symbol: 'BN',
  describe: (a) => {
    const mode = a.attrs.training ? 'μ, σ² of this batch' : 'running μ, σ²';
    return formula(
      `${a.outLabel} = ${a.labels[1]} ⊙ (${a.labels[0]} − μ)/√(σ² + ε) + ${a.labels[2]}  (${mode}, ε=${a.attrs.eps}) = ${a.outValue}`,
    );
  },
  tensor: tensorRule<Saved>({
    forward(x, attrs) {
      const { out, xhat, invStd } = run(x, attrs);
      return { value: { shape: x[0].shape, data: out }, saved: { xhat, invStd } };
    },
    vjp(x, _out, gOut, attrs, saved, i) {
      if (i > 2) return null;
      const { xhat, invStd } = saved ?? run(x, attrs);
      const g = bnGeometry('batchNorm', x[0].shape);
      if (i === 0) {
        const dx = attrs.training
          ? bnGradInputTrain(gOut.data, xhat, x[1].data, invStd, g)
          : bnGradInputEval(gOut.data, x[1].data, invStd, g);
        return { shape: x[0].shape, data: dx };
      }
      return { shape: [g.C], data: channelSum(gOut.data, i === 1 ? xhat : null, g) };
    },
    lower(x, shapes, _outShape, attrs): Value[] {
      const g = bnGeometry('batchNorm', shapes[0]);
      const { N, C, inner } = g;
      const m = N * inner;
      const eps = attrs.eps as number;
      const [xs, gamma, beta, rm, rv] = x;
      const at = (n: number, c: number, k: number) => (n * C + c) * inner + k;
      const out: Value[] = new Array<Value>(xs.length);
      for (let c = 0; c < C; c++) {
        let mu: Value;
        let variance: Value;
        if (attrs.training) {
          let s: Value | null = null;
          for (let n = 0; n < N; n++)
            for (let k = 0; k < inner; k++) s = s ? s.add(xs[at(n, c, k)]) : xs[at(n, c, k)];
          mu = (s as Value).mul(1 / m);
          let v: Value | null = null;
          for (let n = 0; n < N; n++)
            for (let k = 0; k < inner; k++) {
              const d = xs[at(n, c, k)].sub(mu).pow(2);
              v = v ? v.add(d) : d;
            }
          variance = (v as Value).mul(1 / m);
        } else {
          mu = rm[c];
          variance = rv[c];
        }
        const invStd = variance.add(eps).pow(-0.5);
        for (let n = 0; n < N; n++)
          for (let k = 0; k < inner; k++) {
            const i = at(n, c, k);
            out[i] = xs[i].sub(mu).mul(invStd).mul(gamma[c]).add(beta[c]);
          }
      }
      return out;
    },
  }),
};
