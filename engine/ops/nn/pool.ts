/**
 * Pooling over k×k windows moved by stride s (NCHW, no padding):
 *   maxPool2d:  z[n,c,i,j] = max_{p,q} x[n,c,i·s+p,j·s+q];  ∂L/∂x = ∂L/∂z at the window's arg-max, 0 elsewhere
 *   avgPool2d:  z[n,c,i,j] = (1/k²) Σ_{p,q} x[n,c,i·s+p,j·s+q];  ∂L/∂x[·] = (1/k²) Σ_{windows ∋ x} ∂L/∂z
 * Max pooling saves the arg-max of every window (flat input indices) so the debugger can show which input won
 * and backward can route the gradient there.
 */
import type { Attrs } from '../../core/types';
import type { Value } from '../../scalar/value';
import {
  avgPoolBackward,
  avgPoolForward,
  maxPoolBackward,
  maxPoolForward,
  poolGeometry,
  type PoolGeometry,
} from '../../nn/kernels/pool';
import { formula } from './text';
import { tensorRule, type DescribeArgs, type OpDef } from '../opdef';

function geometry(op: string, shape: readonly number[], attrs: Attrs): PoolGeometry {
  return poolGeometry(op, shape, attrs.kernel as number, attrs.stride as number);
}

function describePool(name: string, what: string) {
  return (a: DescribeArgs) => {
    const k = `${a.attrs.kernel}×${a.attrs.kernel}`;
    return formula(
      `${a.outLabel} = ${name}(${a.labels[0]}) (${what} ${k} window, stride ${a.attrs.stride}) = ${name}(${a.values[0]}) = ${a.outValue}`,
    );
  };
}

/** Visit every window: its output index and the flat input indices it covers. */
function eachWindow(g: PoolGeometry, visit: (o: number, cells: number[]) => void): void {
  const { N, C, H, W, k, stride, Ho, Wo } = g;
  let o = 0;
  for (let nc = 0; nc < N * C; nc++)
    for (let i = 0; i < Ho; i++)
      for (let j = 0; j < Wo; j++, o++) {
        const cells: number[] = [];
        for (let p = 0; p < k; p++)
          for (let q = 0; q < k; q++) cells.push(nc * H * W + (i * stride + p) * W + j * stride + q);
        visit(o, cells);
      }
}

export const maxPool2dOp: OpDef = {
  name: 'maxPool2d',
  symbol: 'max',
  describe: describePool('maxPool2d', 'the largest value of each'),
  tensor: tensorRule<Int32Array>({
    forward([x], attrs) {
      const g = geometry('maxPool2d', x.shape, attrs);
      const { out, argmax } = maxPoolForward(x.data, g);
      return { value: { shape: [g.N, g.C, g.Ho, g.Wo], data: out }, saved: argmax };
    },
    vjp([x], _out, gOut, attrs, saved) {
      const argmax = saved ?? maxPoolForward(x.data, geometry('maxPool2d', x.shape, attrs)).argmax;
      return { shape: x.shape, data: maxPoolBackward(gOut.data, argmax, x.data.length) };
    },
    // The max is a selection: each output is the window's winning input itself (the arg-max from forward),
    // so the scalar graph routes the gradient exactly as the tensor rule does.
    lower(x, shapes, _outShape, attrs, saved): Value[] {
      const g = geometry('maxPool2d', shapes[0], attrs);
      const xs = x[0];
      const out: Value[] = [];
      eachWindow(g, (o, cells) => {
        if (saved) {
          out.push(xs[saved[o]]);
          return;
        }
        let best = cells[0];
        for (const c of cells) if (xs[c].data > xs[best].data) best = c;
        out.push(xs[best]);
      });
      return out;
    },
  }),
};

export const avgPool2dOp: OpDef = {
  name: 'avgPool2d',
  symbol: 'avg',
  describe: describePool('avgPool2d', 'the mean of each'),
  tensor: tensorRule<undefined>({
    forward([x], attrs) {
      const g = geometry('avgPool2d', x.shape, attrs);
      return { value: { shape: [g.N, g.C, g.Ho, g.Wo], data: avgPoolForward(x.data, g) } };
    },
    vjp([x], _out, gOut, attrs) {
      return { shape: x.shape, data: avgPoolBackward(gOut.data, geometry('avgPool2d', x.shape, attrs)) };
    },
    // (x_1 + … + x_{k²}) · (1/k²)
    lower(x, shapes, _outShape, attrs): Value[] {
      const g = geometry('avgPool2d', shapes[0], attrs);
      const xs = x[0];
      const out: Value[] = [];
      eachWindow(g, (_o, cells) => {
        let acc = xs[cells[0]];
        for (let t = 1; t < cells.length; t++) acc = acc.add(xs[cells[t]]);
        out.push(acc.mul(1 / cells.length));
      });
      return out;
    },
  }),
};
