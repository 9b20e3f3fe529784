/**
 * The numbers for the scalar-vs-tensor summary: nodes and edges, forward and backward time, memory, and the
 * largest gradient difference. Lowers the graph, runs backward in both modes (the graphs keep their
 * gradients, for the views), and times re-runs that change nothing.
 *
 * Times: each pass is repeated until about `budgetMs` has passed and the fastest run is kept, since the
 * fastest is the one the scheduler interrupted least. Forward re-runs every op's forward rule over the
 * recorded order on the recorded inputs (the graphs are built eagerly, so this is what building costs
 * without allocating nodes); tensor backward is the pure `tensorGrads` pass; scalar backward is
 * `Value.backward()`, whose repeats pile up gradients, so they are zeroed afterwards and one pass is run.
 *
 * Memory is estimated from counts, with per-object sizes measured in Node 20 (V8, 64-bit, no pointer
 * compression) by allocating 200,000 objects between two forced collections:
 *   a scalar `Value` (value, gradient, inputs, op fields): 144 bytes;
 *   a `Tensor` node: about 400 bytes plus 8 bytes per element for its Float64Array, and as much again for
 *   its gradient tensor after backward.
 * Chromium's V8 compresses pointers, so the app's real figures are somewhat lower; the ratio is the point.
 */
import { topoValues, type Value } from '../scalar/value';
import { tensorGrads } from '../tensor/backward';
import type { Tensor } from '../tensor/tensor';
import type { TensorData } from '../core/types';
import { compareGradients, type GradientComparison } from './compare';
import { lower, type Lowering } from './lower';

export const BYTES_PER_VALUE = 144;
export const BYTES_PER_TENSOR_NODE = 400;
export const BYTES_PER_ELEMENT = 8;

export interface ModeStats {
  nodes: number;
  edges: number;
  forwardMs: number;
  backwardMs: number;
  /** Estimated bytes for the graph with its gradients (see the note at the top of this file). */
  bytes: number;
}

export interface ModeComparison {
  tensor: ModeStats;
  scalar: ModeStats;
  /** Time to build the scalar graph from the tensor graph. */
  loweringMs: number;
  /** Elements across all tensors of the graph. */
  elements: number;
  diff: GradientComparison;
  lowering: Lowering;
}

/**
 * Time per call of `run`: calls are batched (doubling the batch until one takes at least `minBatchMs`, since
 * browsers coarsen `performance.now()` to 0.1 ms or more), and the fastest batch over about `budgetMs` is
 * kept, as the one the scheduler interrupted least.
 */
export function fastest(run: () => number, budgetMs: number, minBatchMs = 2): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) sink += run();
    const dt = performance.now() - t0;
    if (dt >= minBatchMs || reps >= 1 << 20) break;
    reps *= 2;
  }
  let best = Infinity;
  const start = performance.now();
  let batches = 0;
  do {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) sink += run();
    const dt = performance.now() - t0;
    // Too short for the clock (the batch size came from a cold first call, e.g. a kernel still compiling,
    // and the browser's clock is coarse): try a longer batch instead of taking 0 as the time.
    if (dt === 0 && reps < 1 << 20) {
      reps *= 2;
      continue;
    }
    best = Math.min(best, dt / reps);
    batches++;
  } while (batches < 3 || (performance.now() - start < budgetMs && batches < 100));
  // A batch that the clock could not see (0 ms) says nothing about the time: report it as unknown.
  return best > 0 ? best : NaN;
}

/**
 * What the timed runs computed, kept so that an optimising compiler cannot drop a forward rule whose result
 * nobody reads (Chromium's V8 did, and the table showed 0 µs).
 */
export let sink = 0;

export function tensorBytes(order: readonly Tensor[]): number {
  let bytes = 0;
  for (const t of order) bytes += 2 * (BYTES_PER_TENSOR_NODE + BYTES_PER_ELEMENT * t.size);
  return bytes;
}

export function scalarBytes(nodes: number): number {
  return nodes * BYTES_PER_VALUE;
}

function tensorForward(order: readonly Tensor[]): number {
  let acc = 0;
  for (const t of order) {
    const rule = t.def?.tensor;
    if (rule) acc += rule.forward(t.inputs as readonly TensorData[], t.attrs).value.data[0] ?? 0;
  }
  return acc;
}

const ARGS1 = [0];
const ARGS2 = [0, 0];
function scalarForward(order: readonly Value[]): number {
  let acc = 0;
  for (const v of order) {
    const rule = v.rule;
    if (rule === null) continue;
    const a = v.a as Value;
    if (v.b === null) {
      ARGS1[0] = a.data;
      acc += rule.forward(ARGS1, v.attrs);
    } else {
      ARGS2[0] = a.data;
      ARGS2[1] = v.b.data;
      acc += rule.forward(ARGS2, v.attrs);
    }
  }
  return acc;
}

/**
 * Lower `root` (a one-element tensor), run backward in both modes once, and measure both. Gradients already
 * on the tensor graph are replaced by one fresh pass, so the two graphs hold comparable gradients.
 */
export function compareModes(root: Tensor, budgetMs = 20): ModeComparison {
  const t0 = performance.now();
  const lowering = lower(root);
  const loweringMs = performance.now() - t0;
  const order = lowering.order;
  const values = topoValues(lowering.root);

  const seed = new Float64Array([1]);
  const tensor: ModeStats = {
    nodes: lowering.counts.tensorNodes,
    edges: lowering.counts.tensorEdges,
    forwardMs: fastest(() => tensorForward(order), budgetMs),
    backwardMs: fastest(() => tensorGrads(order, root, seed).size, budgetMs),
    bytes: tensorBytes(order),
  };
  const scalar: ModeStats = {
    nodes: lowering.counts.scalarNodes,
    edges: lowering.counts.scalarEdges,
    forwardMs: fastest(() => scalarForward(values), budgetMs),
    backwardMs: fastest(() => {
      lowering.root.backward();
      return values[0]?.grad ?? 0;
    }, budgetMs),
    bytes: scalarBytes(lowering.counts.scalarNodes),
  };
  // Leave exactly one backward pass of gradients on each graph.
  for (const v of values) v.grad = 0;
  lowering.root.backward();
  for (const t of order) t.grad = null;
  root.backward();
  return {
    tensor,
    scalar,
    loweringMs,
    elements: lowering.counts.elements,
    diff: compareGradients(root, lowering),
    lowering,
  };
}
