/**
 * B3 — convolution forward + gradient with respect to the filters: input [32, 1, 28, 28] standard normal,
 * 8 filters 5×5 (Glorot), valid, ReLU, 2×2 max pool, sum.
 */
import * as tf from '@tensorflow/tfjs';
import { conv2d, maxPool2d, tensor, type Tensor } from '../../engine/index';
import { glorotArray, normalArray } from '../data';

const N = 32;
const C_OUT = 8;
const K = 5;
const H = 28;

export function b3Init(): { x: Float64Array; w: Float64Array } {
  // Glorot for a conv weight [outC, inC, kH, kW]: fan_in = inC·kH·kW, fan_out = outC·kH·kW.
  return { x: normalArray(N * H * H, 6), w: glorotArray(C_OUT * K * K, K * K, C_OUT * K * K, 7) };
}

/** Ours (NCHW). Returns a step giving the filters' gradient. */
export function makeB3Ours(init: { x: Float64Array; w: Float64Array }): () => Float64Array {
  const x = tensor(init.x, { shape: [N, 1, H, H], label: 'x', kind: 'constant' }); // data: no ∂L/∂x, as in tfjs
  const w = tensor(init.w, { shape: [C_OUT, 1, K, K], label: 'w', kind: 'parameter' });
  return () => {
    w.grad = null;
    const out = maxPool2d(conv2d(x, w).relu(), { kernel: 2 }).sum();
    out.backward();
    return (w.grad as unknown as Tensor).data;
  };
}

/** The peer (NHWC in tfjs): filters [kH, kW, inC, outC]; the gradient is returned in our [outC, 1, kH, kW] order. */
export function makeB3Tf(init: { x: Float64Array; w: Float64Array }): {
  step: () => Float32Array;
  dispose: () => void;
} {
  const x = tf.tensor4d(Float32Array.from(init.x), [N, 1, H, H]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
  const w = tf.tensor4d(Float32Array.from(init.w), [C_OUT, 1, K, K]).transpose([2, 3, 1, 0]) as tf.Tensor4D;
  const f = (wt: tf.Tensor) =>
    tf.sum(tf.maxPool(tf.relu(tf.conv2d(x, wt as tf.Tensor4D, 1, 'valid')), 2, 2, 'valid'));
  return {
    step: () =>
      tf.tidy(() => {
        const g = tf.grad(f)(w) as tf.Tensor4D;
        return g.transpose([3, 2, 0, 1]).dataSync() as Float32Array;
      }),
    dispose: () => tf.dispose([x, w]),
  };
}
