/**
 * The engine's shared vocabulary: nodes, op definitions, trace events and the plain graph the view draws.
 *
 * Scalar nodes (`Value`) and tensor nodes (`Tensor`) implement one `GraphNode` shape; an op is defined once
 * in the registry (`engine/ops/registry.ts`) with its scalar and/or tensor rule side by side.
 * Everything a debugger or a report reads (trace events, `GraphJSON`) is plain, JSON-serializable data.
 */

/** What a node is in the lecture's drawings: an input, a trainable weight, a fixed number, or an op. */
export type NodeKind = 'data' | 'parameter' | 'constant' | 'function';

/** Scalar (micrograd-style, one number per node) or tensor (one n-d array per node). */
export type Mode = 'scalar' | 'tensor';

/** Op attributes: axis, exponent, stride, padding… Plain values only, so a graph serializes. */
export type AttrValue = number | boolean | string | null | readonly number[];
export type Attrs = Readonly<Record<string, AttrValue>>;

/** A tensor's value without its graph: row-major float64 data and its shape. */
export interface TensorData {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** The value of a node in either mode. */
export type NodeValue = number | TensorData;

/** The part of a node that both modes share. */
export interface GraphNode {
  /** Unique per process, increasing in creation order. */
  readonly id: number;
  /** Key into the op registry; leaves use 'leaf'. */
  readonly op: string;
  readonly inputs: readonly GraphNode[];
  readonly attrs: Attrs;
  readonly mode: Mode;
  kind: NodeKind;
  label: string;
}

/** Plain JSON form of a value, for traces, graphs and reports (Float64Array does not survive JSON). */
export type PlainValue = number | { readonly shape: number[]; readonly data: number[] };

/** One node as the view and the reports see it. */
export interface GraphNodeJSON {
  id: number;
  kind: NodeKind;
  op: string;
  /** The op's symbol for drawing: ×, +, σ, relu, matmul… ('' for leaves). */
  symbol: string;
  label: string;
  /**
   * What the view, the inspector, the trace's formulas and the reports call the node: its label, or `#k`
   * for its position k in the graph's topological order; stable when the same graph is built again
   * (`nodeName` in engine/core/names.ts).
   */
  name: string;
  mode: Mode;
  /** [] for a scalar. */
  shape: number[];
  value: PlainValue;
  /** `.grad` for `graphOf`; in a `Trace`'s graph, the gradient that trace computed (one backward from zero). */
  grad: PlainValue | null;
  inputs: number[];
  attrs: Record<string, AttrValue>;
  /** Whether this is the root the graph was taken from. */
  isOutput: boolean;
}

export interface GraphEdgeJSON {
  id: string;
  /** The input node. */
  source: number;
  /** The consuming node. */
  target: number;
  /** Which argument of the consumer this edge feeds (0, 1…). */
  index: number;
}

export interface GraphJSON {
  nodes: GraphNodeJSON[];
  edges: GraphEdgeJSON[];
  root: number;
}

/**
 * Forward step: a node's value became known. In program order (engine/core/topo.ts): the nodes as the code
 * computed them, a leaf just before its first use.
 */
export interface ForwardEvent {
  phase: 'forward';
  /** Index in `Trace.events`. */
  step: number;
  node: number;
  op: string;
  inputs: number[];
  inputValues: PlainValue[];
  value: PlainValue;
  /** The op's formula with these numbers, as LaTeX and as plain text (e.g. `z = x · w = 2.0000 × (−3.0000) = −6.0000`). */
  latex: string;
  text: string;
}

/** How one input's gradient grew at a backward step. */
export interface Contribution {
  input: number;
  /** Which argument of the node the input is. */
  index: number;
  /** ∂out/∂in: a number in scalar mode; null in tensor mode (the Jacobian is never formed, see `contribution`). */
  local: number | null;
  /** upstream × local (scalar) or the vector-Jacobian product reduced to the input's shape (tensor). */
  contribution: PlainValue;
  /** The input's gradient after adding this contribution. */
  accumulated: PlainValue;
  /** The chain-rule line with numbers, LaTeX and text: ∂L/∂x += ∂L/∂z · ∂z/∂x = (upstream) × (local) = contribution. */
  latex: string;
  text: string;
}

/** Backward step: a node's upstream gradient is complete and is sent to its inputs. */
export interface BackwardEvent {
  phase: 'backward';
  step: number;
  node: number;
  op: string;
  /** ∂L/∂(this node), complete at this point. */
  upstream: PlainValue;
  contributions: Contribution[];
  /** For the output node's first backward event: the seed (1 for a scalar loss). */
  seed?: PlainValue;
  /** The forward event of the same node, linking the two passes. */
  forwardStep: number;
}

export type TraceEvent = ForwardEvent | BackwardEvent;

/** The first node whose value or gradient stopped being finite, with what went into it. */
export interface NonFiniteReport {
  phase: 'forward' | 'backward';
  node: number;
  op: string;
  label: string;
  inputValues: PlainValue[];
  message: string;
}

/** A recorded run over a graph: the debugger moves a cursor over `events`, never calling the engine. */
export interface Trace {
  graph: GraphJSON;
  /** Forward events (one per node, topological order), then backward events (reverse order). */
  events: TraceEvent[];
  /** Index of the first backward event in `events` (= number of forward events). */
  backwardStart: number;
  /** Set when a value or gradient went non-finite; the events stop being meaningful past that node. */
  nonFinite: NonFiniteReport | null;
}
