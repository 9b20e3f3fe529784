/**
 * Large scalar graphs for the UI benchmark and the "big graph" demo: a deep chain of neurons
 * x_{k+1} = tanh(w_k · x_k + b_k), five nodes per layer (two leaves, three ops), ending in the output.
 */
import { parameter, value, type Value } from '../../../engine';

export function neuronChain(nodes: number): Value {
  const layers = Math.max(1, Math.floor((nodes - 1) / 5));
  let x = value(0.5, 'x');
  for (let k = 0; k < layers; k++) {
    const w = parameter(0.9 + 0.2 * Math.sin(k), `w${k}`);
    const b = parameter(0.1 * Math.cos(k), `b${k}`);
    x = x.mul(w).add(b).tanh();
    x.label = `h${k}`;
  }
  return x;
}
