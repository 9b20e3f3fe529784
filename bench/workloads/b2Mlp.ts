/**
 * B2 — one SGD step (lr 0.1) of an MLP 784-128-10 with ReLU and softmax cross-entropy on a batch of 64,
 * Glorot-uniform weights, zero biases. Inputs are standard normal, labels i mod 10, both fixed.
 */
import * as tf from '@tensorflow/tfjs';
import { crossEntropy, linear, tensor, type Tensor } from '../../engine/index';
import { glorotArray, normalArray } from '../data';

const BATCH = 64;
const IN = 784;
const HID = 128;
const OUT = 10;
const LR = 0.1;

export interface B2Init {
  x: Float64Array;
  labels: number[];
  w1: Float64Array;
  w2: Float64Array;
}

export function b2Init(): B2Init {
  return {
    x: normalArray(BATCH * IN, 3),
    labels: Array.from({ length: BATCH }, (_, i) => i % OUT),
    w1: glorotArray(HID * IN, IN, HID, 4),
    w2: glorotArray(OUT * HID, HID, OUT, 5),
  };
}

/** Ours: W^{[1]} [128,784], W^{[2]} [10,128] as in PyTorch's Linear. Returns a step that gives the loss. */
export function makeB2Ours(init: B2Init): { step: () => number; params: Tensor[] } {
  const x = tensor(init.x, { shape: [BATCH, IN], label: 'x', kind: 'constant' }); // data: no ∂L/∂x, as in tfjs
  const W1 = tensor(init.w1.slice(), { shape: [HID, IN], label: 'W1', kind: 'parameter' });
  const b1 = tensor(new Float64Array(HID), { shape: [HID], label: 'b1', kind: 'parameter' });
  const W2 = tensor(init.w2.slice(), { shape: [OUT, HID], label: 'W2', kind: 'parameter' });
  const b2 = tensor(new Float64Array(OUT), { shape: [OUT], label: 'b2', kind: 'parameter' });
  const params = [W1, b1, W2, b2];
  const step = () => {
    const loss = crossEntropy(linear(linear(x, W1, b1).relu(), W2, b2), init.labels);
    for (const p of params) p.grad = null;
    loss.backward();
    for (const p of params) {
      const d = p.data;
      const g = (p.grad as Tensor).data;
      for (let i = 0; i < d.length; i++) d[i] -= LR * g[i];
    }
    return loss.item();
  };
  return { step, params };
}

/** The peer: the same step in tfjs (float32), weights transposed to its [in, out] convention. */
export function makeB2Tf(init: B2Init): {
  step: () => number;
  grads: () => Float32Array[];
  dispose: () => void;
} {
  const x = tf.tensor2d(Float32Array.from(init.x), [BATCH, IN]);
  const y = tf.oneHot(tf.tensor1d(init.labels, 'int32'), OUT);
  const w1 = tf.variable(tf.tensor2d(Float32Array.from(init.w1), [HID, IN]).transpose());
  const b1 = tf.variable(tf.zeros([HID]));
  const w2 = tf.variable(tf.tensor2d(Float32Array.from(init.w2), [OUT, HID]).transpose());
  const b2 = tf.variable(tf.zeros([OUT]));
  const vars = [w1, b1, w2, b2];
  const lossFn = () =>
    tf.losses.softmaxCrossEntropy(
      y,
      tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2),
    ) as tf.Scalar;
  const opt = tf.train.sgd(LR);
  return {
    step: () => {
      const loss = opt.minimize(lossFn, true, vars) as tf.Scalar;
      const v = loss.dataSync()[0];
      loss.dispose();
      return v;
    },
    grads: () =>
      tf.tidy(() => {
        const { grads } = tf.variableGrads(lossFn, vars);
        // Back to our [out, in] layout for W.
        return [grads[w1.name].transpose(), grads[b1.name], grads[w2.name].transpose(), grads[b2.name]].map(
          (g) => g.dataSync() as Float32Array,
        );
      }),
    dispose: () => tf.dispose([x, y, ...vars]),
  };
}
