import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  conv2dForward,
  conv2dGradInput,
  conv2dGradWeight,
  convGeometry,
} from '../../../engine/nn/kernels/conv';
import { avgPoolForward, maxPoolForward, poolGeometry } from '../../../engine/nn/kernels/pool';
import { conv2dReference, poolReference } from '../../../engine/nn/kernels/reference';
import { centralDifference, dot, maxAbsDiff, randomArray } from './numeric';

// Random small geometries: the fast kernels must equal the definition for every stride, padding and size.
const geometry = fc
  .record({
    N: fc.integer({ min: 1, max: 2 }),
    C: fc.integer({ min: 1, max: 3 }),
    O: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 1, max: 4 }),
    extraH: fc.integer({ min: 0, max: 4 }),
    extraW: fc.integer({ min: 0, max: 4 }),
    stride: fc.integer({ min: 1, max: 3 }),
    padding: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map((g) => ({ ...g, H: g.k + g.extraH, W: g.k + g.extraW }));

describe('nn kernels agree with their definitions on random geometries', () => {
  it('conv2d forward and both gradients', () => {
    fc.assert(
      fc.property(geometry, ({ N, C, O, k, H, W, stride, padding, seed }) => {
        const xShape = [N, C, H, W];
        const wShape = [O, C, k, k];
        const x = randomArray(N * C * H * W, seed);
        const w = randomArray(O * C * k * k, seed + 1);
        const g = convGeometry('conv2d', xShape, wShape, stride, padding);
        const { out, cols } = conv2dForward(x, w, null, g);
        const ref = conv2dReference(x, xShape, w, wShape, null, stride, padding);
        expect(maxAbsDiff(out, ref.out)).toBeLessThan(1e-12);
        const up = randomArray(out.length, seed + 2);
        const loss = () => dot(conv2dReference(x, xShape, w, wShape, null, stride, padding).out, up);
        expect(maxAbsDiff(conv2dGradWeight(up, cols, g), centralDifference(loss, w))).toBeLessThan(1e-7);
        expect(maxAbsDiff(conv2dGradInput(up, w, g), centralDifference(loss, x))).toBeLessThan(1e-7);
      }),
      { numRuns: 40 },
    );
  });
  it('max and average pooling', () => {
    fc.assert(
      fc.property(geometry, ({ N, C, k, H, W, stride, seed }) => {
        const shape = [N, C, H, W];
        const x = randomArray(N * C * H * W, seed);
        const g = poolGeometry('pool', shape, k, stride);
        expect(Array.from(maxPoolForward(x, g).out)).toEqual(
          Array.from(poolReference(x, shape, 'max', k, stride).out),
        );
        expect(maxAbsDiff(avgPoolForward(x, g), poolReference(x, shape, 'avg', k, stride).out)).toBeLessThan(
          1e-15,
        );
      }),
      { numRuns: 60 },
    );
  });
});
