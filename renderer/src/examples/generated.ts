/**
 * Large scalar graphs for the UI benchmark and the "large graph" example: a micrograd-style MLP on one
 * input, tanh neurons of width 8, as many hidden layers as it takes to reach about `nodes` nodes, then one
 * linear output neuron. A neuron with k inputs is 3k + 2 nodes: k weights, a bias, k products, k sums, tanh
 * (the linear output neuron one fewer).
 */
import { parameter, value, type Value } from '../../../engine';

const WIDTH = 8;
const INPUTS = 4;

function neuronOut(xs: readonly Value[], tag: string, seed: number, act: boolean): Value {
  let s: Value = parameter(0.05 * Math.cos(seed), `b${tag}`);
  xs.forEach((x, i) => {
    s = s.add(parameter(0.6 * Math.sin(1.3 * seed + 0.7 * i + 0.2), `w${tag}.${i}`).mul(x));
  });
  return act ? s.tanh() : s;
}

const neuronSize = (k: number): number => 3 * k + 2;

export function scalarMlp(nodes: number): Value {
  let xs: Value[] = Array.from({ length: INPUTS }, (_, i) => value(0.5 - 0.25 * i, `x${i}`));
  let count = INPUTS;
  let layer = 0;
  // Hidden layers while a whole layer plus the output neuron still fit.
  while (count + WIDTH * neuronSize(xs.length) + neuronSize(WIDTH) - 1 <= nodes || layer === 0) {
    const l = ++layer;
    const prev = xs;
    count += WIDTH * neuronSize(prev.length);
    xs = Array.from({ length: WIDTH }, (_, j) => neuronOut(prev, `${l}.${j}`, 31 * l + j, true));
  }
  // A last, narrower layer fills the rest, so the graph lands close under the target.
  const extra = lastLayerWidth(count, xs.length, nodes);
  if (extra > 0) {
    const prev = xs;
    count += extra * neuronSize(prev.length);
    xs = Array.from({ length: extra }, (_, j) =>
      neuronOut(prev, `${layer + 1}.${j}`, 31 * (layer + 1) + j, true),
    );
  }
  const out = neuronOut(xs, 'out', 7, false);
  out.label = 'out';
  return out;
}

/** How many neurons of fan-in k still fit before the output neuron (whose fan-in is then that number). */
function lastLayerWidth(count: number, k: number, nodes: number): number {
  let m = 0;
  while (m < WIDTH && count + (m + 1) * neuronSize(k) + neuronSize(m + 1) - 1 <= nodes) m++;
  return m;
}

/** The size scalarMlp(nodes) really has. */
export function scalarMlpSize(nodes: number): number {
  let count = INPUTS;
  let fanIn = INPUTS;
  let layer = 0;
  while (count + WIDTH * neuronSize(fanIn) + neuronSize(WIDTH) - 1 <= nodes || layer === 0) {
    layer++;
    count += WIDTH * neuronSize(fanIn);
    fanIn = WIDTH;
  }
  const extra = lastLayerWidth(count, fanIn, nodes);
  if (extra > 0) {
    count += extra * neuronSize(fanIn);
    fanIn = extra;
  }
  return count + neuronSize(fanIn) - 1;
}
