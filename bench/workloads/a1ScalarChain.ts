/**
 * A1 — scalar chain of 100,000 ops: 20,000 rounds of a = x·w[j]; c = a + b[j]; r = relu(c); s = r + x; x = s·h.
 * Build and backward are timed apart. The output must be 0.2314740835479436.
 */
import * as tf from '@tensorflow/tfjs';
import { value, type Value } from '../../engine/index';

export const A1_EXPECTED = 0.2314740835479436;
const ROUNDS = 20_000;

export function buildA1(): { x: Value; w: Value[]; b: Value[] } {
  const w: Value[] = [];
  const b: Value[] = [];
  for (let j = 0; j < 16; j++) {
    w.push(value(0.5 + j / 32));
    b.push(value((j - 7.5) / 64));
  }
  const h = value(0.5);
  let x = value(1.0);
  for (let i = 0; i < ROUNDS; i++) {
    const j = i % 16;
    const a = x.mul(w[j]);
    const c = a.add(b[j]);
    const r = c.relu();
    const s = r.add(x);
    x = s.mul(h);
  }
  return { x, w, b };
}

/** One run of ours: times of build and backward, and the output value. */
export function runA1(): { build: number; backward: number; output: number } {
  const t0 = performance.now();
  const { x } = buildA1();
  const t1 = performance.now();
  x.backward();
  const t2 = performance.now();
  return { build: t1 - t0, backward: t2 - t1, output: x.data };
}

/** The peer: the same chain on tfjs 0-d tensors with tf.grads (tfjs has no scalar mode). */
export function runA1Tf(): { total: number; output: number } {
  const t0 = performance.now();
  const ws = Array.from({ length: 16 }, (_, j) => tf.scalar(0.5 + j / 32));
  const bs = Array.from({ length: 16 }, (_, j) => tf.scalar((j - 7.5) / 64));
  const h = tf.scalar(0.5);
  let output = 0;
  const f = (x0: tf.Tensor) => {
    let x = x0;
    for (let i = 0; i < ROUNDS; i++) {
      const j = i % 16;
      x = tf.mul(tf.add(tf.relu(tf.add(tf.mul(x, ws[j]), bs[j])), x), h);
    }
    return x;
  };
  tf.tidy(() => {
    const { value: v, grad } = tf.valueAndGrad(f)(tf.scalar(1.0));
    output = v.dataSync()[0];
    grad.dataSync();
  });
  tf.dispose([...ws, ...bs, h]);
  return { total: performance.now() - t0, output };
}
