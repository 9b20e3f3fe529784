/**
 * Checking a lowering: after backward on both graphs, each scalar node's gradient should equal the matching
 * element of its tensor node's gradient (and each forward value its element), up to float64 rounding from
 * summing in a different order.
 *
 * The relative difference is normwise: |s − t| / S, with S the largest |t| over the whole graph (gradients
 * for gradients, values for values). Rounding in a sum is proportional to the size of the terms summed, not
 * to the result: a gradient that is mathematically zero (a bias before a softmax along the same axis) comes
 * out as ±1e-16 in both modes, and an element-by-element relative error of that noise would be meaningless.
 * A wrong element, by contrast, differs by about the size of the numbers themselves.
 *
 * A tensor input that an op declares gradient-free (its vjp returns null: a dropout mask, batch norm's
 * running statistics, class indices) gets no gradient in tensor mode, while its lowered Values, being
 * ordinary scalar inputs, do. Such nodes are marked `noGrad` and their gradients are not compared.
 */
import { EngineError } from '../core/errors';
import { tensorGrads } from '../tensor/backward';
import type { Tensor } from '../tensor/tensor';
import type { Value } from '../scalar/value';
import { tensorName, type Lowering } from './lower';

export interface NodeDiff {
  node: number;
  op: string;
  label: string;
  /** Elements compared: those whose Value this node made (shared Values are checked at their maker). */
  compared: number;
  /** Elements whose Value is shared with an earlier node (reshape, transpose, max). */
  shared: number;
  /** The tensor pass sends this node no gradient (an input its consumers declare gradient-free). */
  noGrad: boolean;
  gradAbs: number;
  /** gradAbs / (largest |gradient| in the graph). */
  gradRel: number;
  /** The element with the largest gradient difference (-1 if none compared). */
  worstIndex: number;
  valueAbs: number;
  /** valueAbs / (largest |value| in the graph). */
  valueRel: number;
}

export interface GradientComparison {
  gradAbs: number;
  gradRel: number;
  valueAbs: number;
  valueRel: number;
  /** The scales S the relative differences divide by. */
  gradScale: number;
  valueScale: number;
  /** The node with the largest gradient difference, or null if no gradient was compared. */
  worst: NodeDiff | null;
  nodes: NodeDiff[];
}

function maxAbs(a: Float64Array, scale: number): number {
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i] as number));
  return scale;
}

/**
 * Largest gradient and value differences between the tensor graph under `tensorRoot` and its lowering,
 * overall and per tensor node. Both backward passes must have run (once each: grads accumulate).
 */
export function compareGradients(tensorRoot: Tensor, lowered: Lowering): GradientComparison {
  if (tensorRoot.grad === null) {
    throw new EngineError(
      `compareGradients: no gradient on ${tensorName(tensorRoot)}; call backward() on the tensor root first`,
    );
  }
  if (lowered.root.grad === 0) {
    throw new EngineError(
      'compareGradients: the lowered root has gradient 0; call backward() on lowering.root first',
    );
  }
  // Which nodes the tensor pass reaches with a gradient (a pure pass: no node is changed).
  const reached = tensorGrads(lowered.order, tensorRoot, new Float64Array([1]));
  let gradScale = 0;
  let valueScale = 0;
  for (const t of lowered.order) {
    if (t.grad && reached.has(t)) gradScale = maxAbs(t.grad.data, gradScale);
    valueScale = maxAbs(t.data, valueScale);
  }
  const gDiv = gradScale > 0 ? gradScale : 1;
  const vDiv = valueScale > 0 ? valueScale : 1;

  const nodes: NodeDiff[] = [];
  let worst: NodeDiff | null = null;
  const total = { gradAbs: 0, valueAbs: 0 };
  for (const t of lowered.order) {
    const vs = lowered.scalarOf.get(t.id);
    if (!vs) throw new EngineError(`compareGradients: tensor node ${tensorName(t)} is not in this lowering`);
    const g = t.grad?.data ?? new Float64Array(t.size);
    const d: NodeDiff = {
      node: t.id,
      op: t.op,
      label: lowered.names.get(t.id) ?? tensorName(t),
      compared: 0,
      shared: 0,
      noGrad: !reached.has(t),
      gradAbs: 0,
      gradRel: 0,
      worstIndex: -1,
      valueAbs: 0,
      valueRel: 0,
    };
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i] as Value;
      if (lowered.tensorOf.get(v.id)?.node !== t.id) {
        d.shared++;
        continue;
      }
      d.compared++;
      if (!d.noGrad) {
        const diff = Math.abs(v.grad - (g[i] as number));
        if (d.worstIndex < 0 || diff > d.gradAbs) {
          d.gradAbs = diff;
          d.worstIndex = i;
        }
      }
      d.valueAbs = Math.max(d.valueAbs, Math.abs(v.data - (t.data[i] as number)));
    }
    d.gradRel = d.gradAbs / gDiv;
    d.valueRel = d.valueAbs / vDiv;
    nodes.push(d);
    if (d.worstIndex >= 0 && (worst === null || d.gradAbs > worst.gradAbs)) worst = d;
    total.gradAbs = Math.max(total.gradAbs, d.gradAbs);
    total.valueAbs = Math.max(total.valueAbs, d.valueAbs);
  }
  return {
    gradAbs: total.gradAbs,
    gradRel: total.gradAbs / gDiv,
    valueAbs: total.valueAbs,
    valueRel: total.valueAbs / vDiv,
    gradScale,
    valueScale,
    worst,
    nodes,
  };
}
