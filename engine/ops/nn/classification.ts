/**
 * Classification losses with class indices y_i ∈ {0, …, C−1} (input 1, a constant; it takes no gradient).
 * crossEntropy on logits z [N,C] (or [C] with one target), the lecture's
 *   ℓ_i = ln Σ_ŷ exp z_{iŷ} − z_{i,y_i}  = −ln softmax(z_i)_{y_i}
 *   ∂ℓ_i/∂z_{iŷ} = p(ŷ|x_i) − δ(ŷ = y_i)    (softmax minus one-hot)
 * nllLoss on log-probabilities a [N,C]:  ℓ_i = −a_{i,y_i},  ∂ℓ_i/∂a_{iŷ} = −δ(ŷ = y_i)
 * Then the reduction (mean over N by default; see reduction.ts).
 */
import { EngineError, ShapeError, shapeStr } from '../../core/errors';
import type { TensorData } from '../../core/types';
import type { Value } from '../../scalar/value';
import { lowerReduction, reduceLoss, reductionText, termGrads, where } from './reduction';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

interface Rows {
  N: number;
  C: number;
  /** The class of each row, checked to be an integer in [0, C). */
  y: Int32Array;
  /** Shape of the per-row terms: [N], or [] for a single [C] row. */
  termShape: number[];
}

export function classRows(op: string, input: readonly number[], target: TensorData): Rows {
  const shapes = `input is ${shapeStr(input)}, target is ${shapeStr(target.shape)}`;
  let N: number, C: number, termShape: number[];
  if (input.length === 2 && target.shape.length === 1 && target.shape[0] === input[0]) {
    [N, C] = input;
    termShape = [N];
  } else if (input.length === 1 && target.shape.length === 0) {
    [N, C] = [1, input[0]];
    termShape = [];
  } else {
    throw new ShapeError(
      `${op}: expected input [N,C] with target [N] (or [C] with a single target): ${shapes}`,
    );
  }
  const y = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const t = target.data[i];
    if (!Number.isInteger(t) || t < 0 || t >= C)
      throw new EngineError(`${op}: target[${i}] = ${t} is not a class index in [0, ${C})`);
    y[i] = t;
  }
  return { N, C, y, termShape };
}

/**
 * One sample's ℓ = ln Σ_j exp(z_j − m) + m − z_y from scalar Values; m (the max, a plain number) keeps exp
 * finite. Used by lowering and by scalar-mode crossEntropy.
 */
export function crossEntropyTerm(z: readonly Value[], y: number): Value {
  const m = Math.max(...z.map((v) => v.data));
  let s = z[0].sub(m).exp();
  for (let j = 1; j < z.length; j++) s = s.add(z[j].sub(m).exp());
  return s.log().add(m).sub(z[y]);
}

export const crossEntropyOp: OpDef = {
  name: 'crossEntropy',
  symbol: 'CE',
  describe: (a) =>
    formula(
      `${a.outLabel} = ${reductionText(a.attrs.reduction, '(ln Σ_ŷ exp z_ŷ − z_y)', 'N')}${where([
        ['z', a.labels[0]],
        ['y', a.labels[1]],
      ])} = ${a.outValue}`,
    ),
  tensor: tensorRule<Float64Array>({
    // Saves softmax(z) row by row for backward.
    forward([z, t], attrs) {
      const { N, C, y, termShape } = classRows('crossEntropy', z.shape, t);
      const probs = new Float64Array(N * C);
      const terms = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const row = i * C;
        // ln Σ exp z = m + ln Σ exp(z − m) with m = max z: no overflow for large logits.
        let m = -Infinity;
        for (let j = 0; j < C; j++) m = Math.max(m, z.data[row + j]);
        let s = 0;
        for (let j = 0; j < C; j++) s += probs[row + j] = Math.exp(z.data[row + j] - m);
        for (let j = 0; j < C; j++) probs[row + j] /= s;
        terms[i] = m + Math.log(s) - z.data[row + y[i]];
      }
      return { value: reduceLoss(terms, termShape, attrs.reduction, N), saved: probs };
    },
    vjp([z, t], _out, g, attrs, saved, i) {
      if (i === 1) return null;
      const { N, C, y } = classRows('crossEntropy', z.shape, t);
      const probs = saved ?? softmaxRows(z.data, N, C);
      const gi = termGrads(g, N, attrs.reduction, N);
      const dz = new Float64Array(N * C);
      for (let r = 0; r < N; r++) {
        for (let j = 0; j < C; j++) dz[r * C + j] = gi[r] * probs[r * C + j];
        dz[r * C + y[r]] -= gi[r];
      }
      return { shape: z.shape, data: dz };
    },
    lower(x, shapes, _outShape, attrs): Value[] {
      const target = { shape: shapes[1], data: Float64Array.from(x[1], (v) => v.data) };
      const { N, C, y } = classRows('crossEntropy', shapes[0], target);
      const terms: Value[] = [];
      for (let i = 0; i < N; i++) terms.push(crossEntropyTerm(x[0].slice(i * C, (i + 1) * C), y[i]));
      return lowerReduction(terms, attrs.reduction, N);
    },
  }),
};

function softmaxRows(z: Float64Array, N: number, C: number): Float64Array {
  const p = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, z[i * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) s += p[i * C + j] = Math.exp(z[i * C + j] - m);
    for (let j = 0; j < C; j++) p[i * C + j] /= s;
  }
  return p;
}

export const nllLossOp: OpDef = {
  name: 'nllLoss',
  symbol: 'NLL',
  describe: (a) =>
    formula(
      `${a.outLabel} = ${reductionText(a.attrs.reduction, '(−a_y)', 'N')}${where([
        ['a', a.labels[0]],
        ['y', a.labels[1]],
      ])} = ${a.outValue}`,
    ),
  tensor: tensorRule<undefined>({
    forward([a, t], attrs) {
      const { N, C, y, termShape } = classRows('nllLoss', a.shape, t);
      const terms = new Float64Array(N);
      for (let i = 0; i < N; i++) terms[i] = -a.data[i * C + y[i]];
      return { value: reduceLoss(terms, termShape, attrs.reduction, N) };
    },
    vjp([a, t], _out, g, attrs, _saved, i) {
      if (i === 1) return null;
      const { N, C, y } = classRows('nllLoss', a.shape, t);
      const gi = termGrads(g, N, attrs.reduction, N);
      const da = new Float64Array(N * C);
      for (let r = 0; r < N; r++) da[r * C + y[r]] = -gi[r];
      return { shape: a.shape, data: da };
    },
    lower(x, shapes, _outShape, attrs): Value[] {
      const target = { shape: shapes[1], data: Float64Array.from(x[1], (v) => v.data) };
      const { N, C, y } = classRows('nllLoss', shapes[0], target);
      const terms = Array.from(y, (c, i) => x[0][i * C + c].neg());
      return lowerReduction(terms, attrs.reduction, N);
    },
  }),
};
