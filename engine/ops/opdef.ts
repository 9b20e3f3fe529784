/**
 * How an op is defined: once, in one file under `engine/ops/`, with its forward rule, its backward rule
 * (local derivative in scalar mode, vector-Jacobian product in tensor mode), how the inspector writes it,
 * and how it lowers to scalar ops. `engine/ops/registry.ts` lists every OpDef.
 */
import type { Attrs, TensorData } from '../core/types';
import type { Value } from '../scalar/value';

/** A formula for the inspector, as KaTeX-ready LaTeX and as plain text. */
export interface Formula {
  latex: string;
  text: string;
}

/** What `describe` gets: per input its display label and its formatted value, and the same for the output. */
export interface DescribeArgs {
  labels: readonly string[];
  values: readonly string[];
  outLabel: string;
  outValue: string;
  attrs: Attrs;
}

export interface ScalarRule {
  /** out = f(x_0, x_1, …) */
  forward(x: readonly number[], attrs: Attrs): number;
  /** ∂out/∂x_i at these inputs; `out` is given so σ, tanh and exp reuse it. */
  local(x: readonly number[], out: number, attrs: Attrs, i: number): number;
  /**
   * Optional, for speed: the same chain rule written out for `Value.backward`, one call per node instead of one
   * `local` call per input, reading and writing the pass's flat arrays (numbers only: passing a fraction to a
   * function boxes it, and on 100,000 nodes those boxes cost more than the arithmetic). `x` holds the values and
   * `g` the gradients ∂L/∂·, by position: this node at `at`, its inputs at `i` and `j` (−1 for unary ops). Adds
   * g[at] · ∂out/∂x_i into g[i] (then likewise into g[j]) — exactly `g[at] * local(x, out, attrs, i)`.
   */
  backward?(g: Float64Array, x: Float64Array, at: number, i: number, j: number, attrs: Attrs): void;
}

export interface TensorRule<S = unknown> {
  /** Compute the output (and anything backward needs, e.g. a dropout mask or a max-pool arg-max). */
  forward(x: readonly TensorData[], attrs: Attrs): { value: TensorData; saved?: S };
  /**
   * Vector-Jacobian product for input i: given ∂L/∂out, return ∂L/∂x_i. Elementwise ops may return it in the
   * broadcast (output) shape: the engine reduces it to x_i's shape with the one shared `unbroadcast`.
   * Return null for an input that takes no gradient (class indices, a mask).
   */
  vjp(
    x: readonly TensorData[],
    out: TensorData,
    gOut: TensorData,
    attrs: Attrs,
    saved: S | undefined,
    i: number,
  ): TensorData | null;
  /**
   * Lowering: build the same computation from scalar `Value`s, element by element (row-major), returning the
   * output's elements. `x[i]` holds input i's elements as Values, `shapes[i]` its shape.
   */
  lower(
    x: readonly (readonly Value[])[],
    shapes: readonly (readonly number[])[],
    outShape: readonly number[],
    attrs: Attrs,
    saved: S | undefined,
  ): Value[];
}

export interface OpDef {
  /** Registry key, e.g. 'mul', 'matmul', 'conv2d'. */
  name: string;
  /** Drawn on the node: ×, +, σ, relu, matmul… */
  symbol: string;
  /** The op's formula with numbers in it, for the inspector and reports. */
  describe(args: DescribeArgs): Formula;
  scalar?: ScalarRule;
  tensor?: TensorRule<unknown>;
}

/** Each op's saved state has its own type; the registry stores them erased. */
export function tensorRule<S>(rule: TensorRule<S>): TensorRule<unknown> {
  return rule as TensorRule<unknown>;
}
