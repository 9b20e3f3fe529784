/**
 * Reading any node, scalar or tensor, the same way: its value, its op definition, its current `.grad`.
 * The generic algorithms (trace, evaluate, gradients, graphOf) go through these.
 */
import { EngineError } from '../core/errors';
import type { GraphNode, NodeValue, TensorData } from '../core/types';
import { leafOp } from '../ops/leaf';
import type { OpDef } from '../ops/opdef';
import { getOp } from '../ops/registry';
import { Value } from '../scalar/value';
import { Tensor } from '../tensor/tensor';

export type AnyNode = Value | Tensor;

export function asNode(n: GraphNode, what: string): AnyNode {
  if (n instanceof Value || n instanceof Tensor) return n;
  throw new EngineError(`${what}: expected a Value or a Tensor node`);
}

/** A node's value: a number (scalar) or its shape and data (tensor). */
export function valueOf(n: GraphNode): NodeValue {
  return n instanceof Value ? n.data : (n as Tensor);
}

/** The OpDef a node was made by (`leaf` for inputs, parameters and constants). */
export function defOf(n: GraphNode): OpDef {
  if (n.op === 'leaf') return leafOp;
  if (n instanceof Tensor && n.def) return n.def;
  return getOp(n.op);
}

/** The node's `.grad` as a value, or null if it has none yet (tensors before their first backward). */
export function gradOf(n: GraphNode): NodeValue | null {
  if (n instanceof Value) return n.grad;
  const g = (n as Tensor).grad;
  return g ? { shape: g.shape, data: g.data } : null;
}

/** Shape of a node's value ([] for scalars). */
export function shapeOf(n: GraphNode): readonly number[] {
  return n instanceof Tensor ? n.shape : [];
}

export function sizeOfValue(v: NodeValue): number {
  return typeof v === 'number' ? 1 : v.data.length;
}

/** Element j of a value, and a copy with element j replaced. */
export function elementOf(v: NodeValue, j: number): number {
  return typeof v === 'number' ? v : (v.data[j] as number);
}
export function withElement(v: NodeValue, j: number, x: number): NodeValue {
  if (typeof v === 'number') return x;
  const data = v.data.slice();
  data[j] = x;
  return { shape: v.shape, data } satisfies TensorData;
}

/** Zero gradient of a node's shape. */
export function zeroLike(n: GraphNode): NodeValue {
  return n instanceof Tensor ? { shape: n.shape, data: new Float64Array(n.size) } : 0;
}
