/**
 * The chain rule at one scalar node of the lowered graph, with numbers: how its value was computed, and
 * how its gradient is the sum over its consumers c of ∂L/∂c · ∂c/∂v (the local derivative from the op's
 * scalar rule, as backward used it).
 */
import { fmt, fmtOperand, getOp, type Value } from '../../../engine';
import type { ScalarModel } from './scalarGraph';

export interface ChainStep {
  /** The consumer's display name. */
  consumer: string;
  /** How the consumer is computed from its inputs, with numbers. */
  consumerForward: string;
  upstream: number;
  local: number;
  contribution: number;
  text: string;
}

export interface ChainRule {
  name: string;
  /** How the value was computed (or that it is an input). */
  forward: string;
  steps: ChainStep[];
  /** Σ of the contributions (1 for the loss itself). */
  grad: number;
  text: string;
}

const nameIn = (model: ScalarModel, id: number): string => model.nodes.get(id)?.name ?? `#${id}`;

/** `×#17 = x[0,0] × W[0,0] = 1 × 0.5 = 0.5`, or `x = 1 (an input)`. */
export function forwardText(model: ScalarModel, v: Value): string {
  const name = nameIn(model, v.id);
  if (v.rule === null) return `${name} = ${fmt(v.data)} (an input)`;
  const ins = v.inputs as readonly Value[];
  return getOp(v.op).describe({
    labels: ins.map((x) => nameIn(model, x.id)),
    values: ins.map((x) => fmt(x.data)),
    outLabel: name,
    outValue: fmt(v.data),
    attrs: v.attrs,
  }).text;
}

export function chainRule(model: ScalarModel, id: number, rootId: number): ChainRule | null {
  const v = model.values.get(id);
  if (!v) return null;
  const name = nameIn(model, id);
  const forward = forwardText(model, v);
  const steps: ChainStep[] = [];
  const seen = new Set<number>();
  for (const cid of model.consumers.get(id) ?? []) {
    if (seen.has(cid)) continue; // x·x lists x twice; each argument slot is handled below
    seen.add(cid);
    const c = model.values.get(cid) as Value;
    const args = (c.inputs as readonly Value[]).map((x) => x.data);
    (c.inputs as readonly Value[]).forEach((x, slot) => {
      if (x.id !== id || c.rule === null) return;
      const local = c.rule.local(args, c.data, c.attrs, slot);
      const cn = nameIn(model, cid);
      const contribution = c.grad * local;
      steps.push({
        consumer: cn,
        consumerForward: forwardText(model, c),
        upstream: c.grad,
        local,
        contribution,
        text: `∂L/∂${cn} · ∂${cn}/∂${name} = ${fmt(c.grad)} × ${fmt(local)} = ${fmt(contribution)}`,
      });
    });
  }
  const grad = id === rootId ? 1 : steps.reduce((s, x) => s + x.contribution, 0);
  const text =
    id === rootId
      ? `∂L/∂${name} = 1 (the loss itself)`
      : // Terms as the trace writes operands: 0.0983 + (−0.2350), not 0.0983 + −0.2350.
        `∂L/∂${name} = ${steps.map((s, i) => (i === 0 ? fmt : fmtOperand)(s.contribution)).join(' + ') || '0'} = ${fmt(grad)}`;
  return { name, forward, steps, grad, text };
}
