/**
 * Every op in the registry lowers, and the lowered graph's forward values and gradients equal the tensor
 * graph's element by element. Iterates the registry, so a new op without a case here fails.
 */
import { describe, expect, it } from 'vitest';
import { allOps } from '../../../engine/ops/registry';
import { topoOrder } from '../../../engine/core/topo';
import { lower } from '../../../engine/lower/lower';
import { compareGradients } from '../../../engine/lower/compare';
import { rng } from '../../../engine/nn/rng';
import { OP_CASES } from './cases';

const TOL = 1e-12;
const tensorOps = allOps().filter((op) => op.tensor !== undefined);

describe('lowering, per op', () => {
  it('has a case for every registry op with a tensor rule', () => {
    const missing = tensorOps.map((op) => op.name).filter((n) => !(n in OP_CASES));
    expect(missing).toEqual([]);
  });

  for (const op of tensorOps) {
    const cases = OP_CASES[op.name] ?? [];
    cases.forEach((build, k) => {
      it(`${op.name} #${k}: scalar gradients equal the tensor gradients`, () => {
        const root = build(rng(1000 + k));
        const nodes = topoOrder(root);
        const target = nodes.filter((n) => n.op === op.name);
        expect(target.length, `case builds a '${op.name}' node`).toBeGreaterThan(0);

        const low = lower(root);
        for (const t of nodes) expect(low.scalarOf.get(t.id)?.length).toBe(t.size);
        root.backward();
        low.root.backward();
        const cmp = compareGradients(root, low);
        const worst = cmp.worst;
        const where = worst ? `${worst.op} ${worst.label} at ${worst.worstIndex}` : '';
        expect(cmp.gradRel, `gradient mismatch at ${where}`).toBeLessThanOrEqual(TOL);
        expect(cmp.valueRel).toBeLessThanOrEqual(TOL);
        // The op's own elements were actually compared (not all shared), unless it only moves elements.
        const own = cmp.nodes.filter((d) => d.op === op.name).reduce((s, d) => s + d.compared + d.shared, 0);
        expect(own).toBeGreaterThan(0);
        // Every leaf element Value got a gradient equal to the tensor's (checked above); leaves are leaves.
        for (const t of nodes.filter((n) => n.op === 'leaf')) {
          for (const v of low.scalarOf.get(t.id) ?? []) {
            expect(v.op).toBe('leaf');
            expect(v.kind).toBe(t.kind);
          }
        }
      });
    });
  }
});
