/**
 * evaluate(root, overrides): re-run the forward pass over the recorded topological order with some nodes'
 * values replaced (by node or by id). Inputs, weights and intermediate nodes can all be overridden; an
 * overridden intermediate ignores its inputs. Nothing changes unless `{ commit: true }`, which writes the new
 * values into the nodes (the UI's "change this weight and recompute").
 */
import { EngineError, ShapeError, shapeStr } from '../core/errors';
import { nameOf } from '../core/plain';
import { topoOrder } from '../core/topo';
import type { GraphNode, NodeValue, TensorData } from '../core/types';
import { flattenNested, sameShape, type Nested } from '../tensor/layout';
import { Value } from '../scalar/value';
import { Tensor } from '../tensor/tensor';
import { valueOf } from './access';

export type OverrideValue = number | TensorData | Nested | Float64Array;
export type Overrides =
  | ReadonlyMap<GraphNode | number, OverrideValue>
  | Iterable<readonly [GraphNode | number, OverrideValue]>
  | Readonly<Record<number, OverrideValue>>;

export interface EvaluateOptions {
  /** Write the recomputed values into the graph's nodes. Default false. */
  commit?: boolean;
}

export interface EvaluateResult {
  /** Every node's value in this run, by id. */
  values: Map<number, NodeValue>;
  /** The root's value. */
  output: NodeValue;
}

function entries(o: Overrides): Array<readonly [GraphNode | number, OverrideValue]> {
  if (o instanceof Map) return [...o.entries()];
  if (Symbol.iterator in (o as object))
    return [...(o as Iterable<readonly [GraphNode | number, OverrideValue]>)];
  return Object.entries(o as Record<string, OverrideValue>).map(([k, v]) => [Number(k), v] as const);
}

/** An override checked against the node it replaces: a number for a Value, the same shape for a Tensor. */
function normalize(n: GraphNode, v: OverrideValue): NodeValue {
  if (n instanceof Value) {
    if (typeof v !== 'number')
      throw new EngineError(`evaluate: override for scalar node '${nameOf(n)}' (#${n.id}) must be a number`);
    return v;
  }
  const t = n as Tensor;
  let data: Float64Array;
  let shape: readonly number[];
  if (typeof v === 'number') {
    data = new Float64Array([v]);
    shape = t.size === 1 ? t.shape : [];
  } else if (v instanceof Float64Array) {
    data = v;
    shape = v.length === t.size ? t.shape : [v.length];
  } else if (Array.isArray(v)) {
    const f = flattenNested(v as Nested, `evaluate: override for '${nameOf(n)}'`);
    data = f.data;
    shape = f.data.length === t.size ? t.shape : f.shape;
  } else {
    data = (v as TensorData).data;
    shape = (v as TensorData).shape;
  }
  if (!sameShape(shape, t.shape)) {
    throw new ShapeError(
      `evaluate: override for '${nameOf(n)}' (#${n.id}) has shape ${shapeStr(shape)}, node is ${shapeStr(t.shape)}`,
    );
  }
  return { shape: t.shape, data };
}

export function evaluate(
  root: GraphNode,
  overrides: Overrides = [],
  opts: EvaluateOptions = {},
): EvaluateResult {
  const order = topoOrder(root);
  const byId = new Map<number, GraphNode>(order.map((n) => [n.id, n]));
  const replaced = new Map<GraphNode, NodeValue>();
  for (const [key, v] of entries(overrides)) {
    const n = typeof key === 'number' ? byId.get(key) : key;
    if (!n || byId.get(n.id) !== n)
      throw new EngineError(
        `evaluate: node ${typeof key === 'number' ? `#${key}` : `'${nameOf(key)}'`} is not in the graph of '${nameOf(root)}'`,
      );
    replaced.set(n, normalize(n, v));
  }
  const values = new Map<number, NodeValue>();
  const saved = new Map<Tensor, unknown>();
  for (const n of order) {
    let v = replaced.get(n);
    if (v === undefined) {
      if (n.inputs.length === 0) v = valueOf(n);
      else if (n instanceof Value) {
        const rule = n.rule as NonNullable<Value['rule']>;
        v = rule.forward(
          n.inputs.map((i) => values.get(i.id) as number),
          n.attrs,
        );
      } else {
        const t = n as Tensor;
        const r = (t.def?.tensor as NonNullable<NonNullable<Tensor['def']>['tensor']>).forward(
          t.inputs.map((i) => values.get(i.id) as TensorData),
          t.attrs,
        );
        v = r.value;
        saved.set(t, r.saved);
      }
    }
    values.set(n.id, v);
  }
  if (opts.commit) {
    for (const n of order) {
      const v = values.get(n.id) as NodeValue;
      if (n instanceof Value) n.data = v as number;
      else {
        const t = n as Tensor;
        t.data = (v as TensorData).data === t.data ? t.data : (v as TensorData).data.slice();
        if (saved.has(t)) t.saved = saved.get(t);
      }
    }
  }
  return { values, output: values.get(root.id) as NodeValue };
}
