/**
 * Parity with an independent implementation: TensorFlow.js (CPU backend) computes the same convolution,
 * pooling and losses, and their gradients by its own autodiff. tfjs is NHWC with filters [kH,kW,inC,outC],
 * so inputs are transposed on the way in and results on the way out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  avgPool2d,
  batchNorm,
  bceWithLogitsLoss,
  conv2d,
  crossEntropy,
  linear,
  maxPool2d,
  tensor,
  Tensor,
} from '../../../engine/index';
import { maxAbsDiff, randomArray } from './numeric';

/** NCHW data → NHWC nested order. */
function nchwToNhwc(d: ArrayLike<number>, [N, C, H, W]: number[]): number[] {
  const out: number[] = [];
  for (let n = 0; n < N; n++)
    for (let h = 0; h < H; h++)
      for (let w = 0; w < W; w++) for (let c = 0; c < C; c++) out.push(d[((n * C + c) * H + h) * W + w]);
  return out;
}

/** Filters [O,C,kH,kW] → tfjs [kH,kW,C,O]. */
function oihwToHwio(d: ArrayLike<number>, [O, C, kH, kW]: number[]): number[] {
  const out: number[] = [];
  for (let p = 0; p < kH; p++)
    for (let q = 0; q < kW; q++)
      for (let c = 0; c < C; c++) for (let o = 0; o < O; o++) out.push(d[((o * C + c) * kH + p) * kW + q]);
  return out;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('parity with TensorFlow.js', () => {
  it('conv2d → relu → maxPool2d → Σ r⊙y: value and gradients for x and w', () => {
    const xs = [2, 3, 8, 7];
    const ws = [4, 3, 3, 3];
    const xd = randomArray(2 * 3 * 8 * 7, 1);
    const wd = randomArray(4 * 3 * 3 * 3, 2);
    const x = tensor(xd, { shape: xs, kind: 'parameter' });
    const w = tensor(wd, { shape: ws, kind: 'parameter' });
    const y = maxPool2d(conv2d(x, w, null, { stride: 1, padding: 1 }).relu(), { kernel: 2 });
    const r = randomArray(y.size, 3);
    const loss = y.mul(tensor(r, { shape: y.shape })).sum();
    loss.backward();

    const rNhwc = tf.tensor4d(nchwToNhwc(r, y.shape), [y.shape[0], y.shape[2], y.shape[3], y.shape[1]]);
    const f = (...[a, b]: tf.Tensor[]) =>
      tf
        .maxPool(
          tf.relu(
            tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, [
              [0, 0],
              [1, 1],
              [1, 1],
              [0, 0],
            ]),
          ),
          2,
          2,
          'valid',
        )
        .mul(rNhwc)
        .sum();
    const xt = tf.tensor4d(nchwToNhwc(xd, xs), [2, 8, 7, 3]);
    const wt = tf.tensor4d(oihwToHwio(wd, ws), [3, 3, 3, 4]);
    const [gx, gw] = tf.grads(f)([xt, wt]);
    expect(loss.item()).toBeCloseTo(f(xt, wt).dataSync()[0], 3);
    // tfjs computes in float32: agreement to ~1e-4 relative.
    expect(maxAbsDiff(nchwToNhwc(x.grad!.data, xs), gx.dataSync())).toBeLessThan(1e-4);
    expect(maxAbsDiff(oihwToHwio(w.grad!.data, ws), gw.dataSync())).toBeLessThan(1e-4);
  });
  it('avgPool2d with stride < kernel, and softmax cross-entropy', () => {
    const xs = [1, 2, 6, 6];
    const xd = randomArray(72, 4);
    const y = avgPool2d(tensor(xd, { shape: xs }), { kernel: 3, stride: 2 });
    const yt = tf.avgPool(tf.tensor4d(nchwToNhwc(xd, xs), [1, 6, 6, 2]), 3, 2, 'valid');
    expect(maxAbsDiff(nchwToNhwc(y.data, y.shape), yt.dataSync())).toBeLessThan(1e-5);

    const z = randomArray(12, 5, -3, 3);
    const labels = [2, 0, 3];
    const logits = tensor(z, { shape: [3, 4], kind: 'parameter' });
    const ce = crossEntropy(logits, labels);
    ce.backward();
    const zt = tf.tensor2d(Array.from(z), [3, 4]);
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), 4);
    const g = tf.grad((a: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, a as tf.Tensor2D))(zt);
    expect(ce.item()).toBeCloseTo(tf.losses.softmaxCrossEntropy(onehot, zt).dataSync()[0], 5);
    expect(maxAbsDiff((logits.grad as Tensor).data, g.dataSync())).toBeLessThan(1e-6);
  });
  it('training-mode batchNorm after a linear layer, with bceWithLogits: value and every gradient', () => {
    const N = 5,
      inF = 3,
      C = 4;
    const xd = randomArray(N * inF, 6);
    const Wd = randomArray(C * inF, 7);
    const gd = randomArray(C, 8, 0.5, 1.5);
    const bd = randomArray(C, 9);
    const td = randomArray(N * C, 10, 0, 1);
    const W = tensor(Wd, { shape: [C, inF], kind: 'parameter' });
    const gamma = tensor(gd, { kind: 'parameter' });
    const beta = tensor(bd, { kind: 'parameter' });
    const h = linear(tensor(xd, { shape: [N, inF] }), W);
    const loss = bceWithLogitsLoss(
      batchNorm(h, gamma, beta, { training: true }),
      tensor(td, { shape: [N, C] }),
    );
    loss.backward();

    const xt = tf.tensor2d(Array.from(xd), [N, inF]);
    const tt = tf.tensor2d(Array.from(td), [N, C]);
    const f = (...[w, g, b]: tf.Tensor[]) => {
      const z = tf.matMul(xt, w, false, true);
      const { mean, variance } = tf.moments(z, 0);
      const y = tf.batchNorm(z, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, 1e-5);
      return tf.losses.sigmoidCrossEntropy(tt, y);
    };
    const args = [
      tf.tensor2d(Array.from(Wd), [C, inF]),
      tf.tensor1d(Array.from(gd)),
      tf.tensor1d(Array.from(bd)),
    ];
    const [gW, gG, gB] = tf.grads(f)(args);
    expect(loss.item()).toBeCloseTo(f(...args).dataSync()[0], 5);
    expect(maxAbsDiff(W.grad!.data, gW.dataSync())).toBeLessThan(1e-5);
    expect(maxAbsDiff(gamma.grad!.data, gG.dataSync())).toBeLessThan(1e-5);
    expect(maxAbsDiff(beta.grad!.data, gB.dataSync())).toBeLessThan(1e-5);
  });
});
