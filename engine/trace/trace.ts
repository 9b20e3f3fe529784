/**
 * trace(root): the forward and backward passes recorded as plain events, for the step debugger.
 *
 * Forward: every node once, in topological order (leaves included), with its value and its formula.
 * Backward: every node once, in reverse order, with its complete upstream gradient ∂L/∂node and, per input,
 * the local derivative (scalar mode), the contribution upstream × local (or the vector-Jacobian product in
 * tensor mode, reduced to the input's shape) and the input's gradient after adding it.
 *
 * Nodes are named in every formula as in `graphOf`: the label, or `#k` for the k-th node of the topological
 * order (`nodeNames`, engine/core/names.ts), so the same graph built twice reads the same.
 *
 * trace computes its own gradients and does NOT change any node's `.grad` (so recording a trace never
 * disturbs training code). It never throws for NaN/±∞: `nonFinite` names the first node that produced one.
 */
import { fmt, fmtOperand, fmtTensor, tex } from '../core/format';
import { backwardNonFinite, forwardNonFinite } from '../core/nonfinite';
import { lossName, nodeNames } from '../core/names';
import { isFiniteValue, toPlain } from '../core/plain';
import { topoOrder } from '../core/topo';
import type {
  BackwardEvent,
  Contribution,
  ForwardEvent,
  GraphNode,
  NodeValue,
  NonFiniteReport,
  Trace,
  TraceEvent,
} from '../core/types';
import { Value } from '../scalar/value';
import { reduceTo, seedFor } from '../tensor/backward';
import { Tensor, type TensorLike } from '../tensor/tensor';
import { defOf, valueOf, zeroLike } from '../graph/access';
import { graphOf } from '../graph/graphOf';

export interface TraceOptions {
  /** ∂L/∂root; default 1 (required for a tensor root with more than one element). */
  seed?: Tensor | TensorLike;
}

/** A value for formulas: numbers to 4 decimals, small tensors inline, larger ones by shape. */
function show(v: NodeValue): string {
  return typeof v === 'number' ? fmt(v) : v.shape.length === 0 ? fmt(v.data[0] as number) : fmtTensor(v);
}

/** Names in LaTeX: `#` is a KaTeX macro character, and math mode drops spaces ("filter w" → `filter\ w`). */
function texName(s: string): string {
  return s.replace(/#/g, '\\#').replace(/ /g, '\\ ');
}

function partial(num: string, den: string): { text: string; latex: string } {
  return { text: `∂${num}/∂${den}`, latex: `\\frac{\\partial ${texName(num)}}{\\partial ${texName(den)}}` };
}

export function trace(root: GraphNode, opts: TraceOptions = {}): Trace {
  const order = topoOrder(root);
  const names = nodeNames(order);
  const nameOf = (n: GraphNode): string => names.get(n) as string;
  const events: TraceEvent[] = [];
  const forwardStep = new Map<GraphNode, number>();

  for (const n of order) {
    const def = defOf(n);
    const ins = n.inputs.map(valueOf);
    const v = valueOf(n);
    const args = { values: ins.map(show), outValue: show(v), attrs: n.attrs };
    const plain = def.describe({ ...args, labels: n.inputs.map(nameOf), outLabel: nameOf(n) });
    const forTex = def.describe({
      ...args,
      labels: n.inputs.map((i) => texName(nameOf(i))),
      outLabel: texName(nameOf(n)),
    });
    const ev: ForwardEvent = {
      phase: 'forward',
      step: events.length,
      node: n.id,
      op: n.op,
      inputs: n.inputs.map((i) => i.id),
      inputValues: ins.map(toPlain),
      value: toPlain(v),
      latex: forTex.latex,
      text: plain.text,
    };
    forwardStep.set(n, ev.step);
    events.push(ev);
  }

  let nonFinite: NonFiniteReport | null = forwardNonFinite(order, valueOf, names);
  const backwardStart = events.length;
  const L = lossName(root.label);
  const grads = new Map<GraphNode, NodeValue>();
  const seed: NodeValue =
    root instanceof Tensor
      ? { shape: root.shape, data: seedFor(root, opts.seed) }
      : typeof opts.seed === 'number'
        ? opts.seed
        : 1;
  grads.set(root, seed);

  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as GraphNode;
    const up = grads.get(n) ?? zeroLike(n);
    if (!nonFinite && !isFiniteValue(up)) nonFinite = backwardNonFinite(n, up, valueOf, names);
    const contributions =
      n instanceof Value
        ? scalarSteps(n, up as number, grads, L, nameOf)
        : tensorSteps(n as Tensor, up, grads, L, nameOf);
    const ev: BackwardEvent = {
      phase: 'backward',
      step: events.length,
      node: n.id,
      op: n.op,
      upstream: toPlain(up),
      contributions,
      forwardStep: forwardStep.get(n) as number,
    };
    if (n === root) ev.seed = toPlain(seed);
    events.push(ev);
  }

  // The recorded graph shows the end of this trace: each node's gradient as the trace computed it (one
  // backward from zero), not whatever `.grad` holds from earlier backward() calls.
  const graph = graphOf(root);
  const byId = new Map<number, NodeValue>();
  for (const [n, g] of grads) byId.set(n.id, g);
  for (const node of graph.nodes) {
    const g = byId.get(node.id);
    if (g !== undefined) node.grad = toPlain(g);
  }
  return { graph, events, backwardStart, nonFinite };
}

/** Scalar chain rule per input: ∂L/∂x += ∂L/∂z · ∂z/∂x. */
function scalarSteps(
  n: Value,
  up: number,
  grads: Map<GraphNode, NodeValue>,
  L: string,
  nameOf: (n: GraphNode) => string,
): Contribution[] {
  const rule = n.rule;
  if (!rule) return [];
  const x = n.inputs.map((i) => i.data);
  const z = nameOf(n);
  return n.inputs.map((inp, index) => {
    const local = rule.local(x, n.data, n.attrs, index);
    const contribution = up * local;
    const accumulated = ((grads.get(inp) as number | undefined) ?? 0) + contribution;
    grads.set(inp, accumulated);
    const dLdx = partial(L, nameOf(inp));
    const dLdz = partial(L, z);
    const dzdx = partial(z, nameOf(inp));
    const nums = `${fmtOperand(up)} × ${fmtOperand(local)} = ${fmt(contribution)}`;
    return {
      input: inp.id,
      index,
      local,
      contribution,
      accumulated,
      text: `${dLdx.text} += ${dLdz.text} · ${dzdx.text} = ${nums}`,
      latex: `${dLdx.latex} \\mathrel{+}= ${dLdz.latex} \\cdot ${dzdx.latex} = ${tex(nums)}`,
    };
  });
}

/** Tensor chain rule per input: ∂L/∂x += vjp(∂L/∂z), reduced to x's shape. */
function tensorSteps(
  n: Tensor,
  up: NodeValue,
  grads: Map<GraphNode, NodeValue>,
  L: string,
  nameOf: (n: GraphNode) => string,
): Contribution[] {
  const rule = n.def?.tensor;
  if (!rule || typeof up === 'number') return [];
  const out: Contribution[] = [];
  n.inputs.forEach((inp, index) => {
    const v = rule.vjp(n.inputs, n, up, n.attrs, n.saved, index);
    if (v === null) return;
    const c = reduceTo(v, inp, n, index);
    const prev = grads.get(inp);
    const acc = new Float64Array(c.length);
    for (let j = 0; j < c.length; j++)
      acc[j] = (typeof prev === 'object' ? (prev.data[j] as number) : 0) + (c[j] as number);
    const accumulated = { shape: inp.shape, data: acc };
    grads.set(inp, accumulated);
    const contribution = { shape: inp.shape, data: c };
    const dLdx = partial(L, nameOf(inp));
    const dLdz = partial(L, nameOf(n));
    const dzdx = partial(nameOf(n), nameOf(inp));
    const nums = show(contribution);
    out.push({
      input: inp.id,
      index,
      local: null,
      contribution: toPlain(contribution),
      accumulated: toPlain(accumulated),
      text: `${dLdx.text} += ${dLdz.text} · ${dzdx.text} = ${nums}`,
      latex: `${dLdx.latex} \\mathrel{+}= ${dLdz.latex} \\cdot ${dzdx.latex} = ${tex(nums)}`,
    });
  });
  return out;
}
