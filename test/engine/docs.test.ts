// The examples in engine/index.ts's doc comment run, and print what the comment says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../../engine/index';

const source = readFileSync(new URL('../../engine/index.ts', import.meta.url), 'utf8');
const header = source.slice(0, source.indexOf('*/'));
const blocks = [...header.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) =>
  (m[1] as string).replace(/^\s*\* ?/gm, ''),
);

function run(code: string): unknown[][] {
  const printed: unknown[][] = [];
  const log = (...args: unknown[]) => printed.push(args);
  const names = Object.keys(engine);
  // The examples are plain JavaScript apart from the engine's names, which are passed in.
  new Function('console', ...names, code)(
    { log },
    ...names.map((n) => (engine as Record<string, unknown>)[n]),
  );
  return printed;
}

describe('engine/index.ts examples', () => {
  it('has one scalar and one tensor example', () => {
    expect(blocks).toHaveLength(2);
  });

  it('scalar example: y = tanh(x·w + b) and its gradients', () => {
    const [[y, dx, dw]] = run(blocks[0] as string) as [[number, number, number]];
    const t = Math.tanh(2 * -3 + 1);
    expect(y).toBeCloseTo(t, 14);
    expect(dx).toBeCloseTo((1 - t * t) * -3, 14);
    expect(dw).toBeCloseTo((1 - t * t) * 2, 14);
  });

  it('tensor example: mean sigmoid of X·W + b and its gradients', () => {
    const [[loss, dW, db]] = run(blocks[1] as string) as [[number, number[][], number[]]];
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const z = [1 * 0.5 + 2 * -1 + 0.1, 3 * 0.5 + 4 * -1 + 0.1];
    expect(loss).toBeCloseTo((s(z[0]!) + s(z[1]!)) / 2, 14);
    const d = z.map((v) => (s(v) * (1 - s(v))) / 2); // ∂loss/∂z_i
    expect(dW[0]![0]).toBeCloseTo(1 * d[0]! + 3 * d[1]!, 14);
    expect(dW[1]![0]).toBeCloseTo(2 * d[0]! + 4 * d[1]!, 14);
    expect(db[0]).toBeCloseTo(d[0]! + d[1]!, 14);
  });
});
