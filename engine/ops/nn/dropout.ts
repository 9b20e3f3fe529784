/**
 * dropout (inverted), training mode only:  y = x ⊙ m / (1 − p),  m_i ∈ {0, 1} kept with probability 1 − p
 *   ∂L/∂x = ∂L/∂y ⊙ m / (1 − p);  the mask takes no gradient.
 * The mask is the op's second input (a constant node drawn by `dropout` from its rng), so the debugger shows
 * which units were dropped, and re-running the graph (numeric checks) uses the same mask.
 */
import { ShapeError, shapeStr } from '../../core/errors';
import type { Value } from '../../scalar/value';
import { formula } from './text';
import { tensorRule, type OpDef } from '../opdef';

/** 1/(1 − p); with p = 1 every unit is dropped and the output is 0 (not 0 · ∞). */
function keepScale(p: number): number {
  return p >= 1 ? 0 : 1 / (1 - p);
}

export const dropoutOp: OpDef = {
  name: 'dropout',
  symbol: 'drop',
  describe: (a) =>
    formula(
      `${a.outLabel} = ${a.labels[0]} ⊙ ${a.labels[1]} / (1 − ${a.attrs.p}) = ${a.values[0]} ⊙ ${a.values[1]} / ${1 - (a.attrs.p as number)} = ${a.outValue}`,
    ),
  tensor: tensorRule<undefined>({
    forward([x, m], attrs) {
      if (x.data.length !== m.data.length)
        throw new ShapeError(
          `dropout: mask must have x's shape: x is ${shapeStr(x.shape)}, mask is ${shapeStr(m.shape)}`,
        );
      const scale = keepScale(attrs.p as number);
      const out = new Float64Array(x.data.length);
      for (let i = 0; i < out.length; i++) out[i] = x.data[i] * m.data[i] * scale;
      return { value: { shape: x.shape, data: out } };
    },
    vjp([x, m], _out, g, attrs, _saved, i) {
      if (i === 1) return null;
      const scale = keepScale(attrs.p as number);
      const dx = new Float64Array(x.data.length);
      for (let k = 0; k < dx.length; k++) dx[k] = g.data[k] * m.data[k] * scale;
      return { shape: x.shape, data: dx };
    },
    lower(x, _shapes, _outShape, attrs): Value[] {
      const scale = keepScale(attrs.p as number);
      return x[0].map((v, k) => v.mul(x[1][k]).mul(scale));
    },
  }),
};
