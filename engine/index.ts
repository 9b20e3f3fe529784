/**
 * Backstep's autograd engine: the public API. Everything outside `engine/` imports from here.
 *
 * Scalar mode (micrograd-style):
 * ```ts
 * const x = value(2, 'x'), w = parameter(-3, 'w'), b = value(1, 'b');
 * const z = x.mul(w).add(b);          // z = x·w + b = −5
 * const y = z.tanh();
 * y.backward();                        // accumulates into .grad
 * console.log(y.data, x.grad, w.grad); // tanh(−5), (1 − y²)·w, (1 − y²)·x
 * ```
 *
 * Tensor mode (same methods, NumPy broadcasting):
 * ```ts
 * const X = tensor([[1, 2], [3, 4]], { label: 'X' });
 * const W = tensor([[0.5], [-1]], { label: 'W', kind: 'parameter' });
 * const b = tensor([0.1], { label: 'b', kind: 'parameter' });
 * const loss = X.matmul(W).add(b).sigmoid().mean();
 * loss.backward(); console.log(loss.item(), W.grad?.toArray(), b.grad?.toArray());
 * ```
 *
 * Matrix products run on TypeScript loops unless `useWasmKernels(true)` switches them to the WebAssembly
 * SIMD kernel (the same numbers bit for bit, faster on large products; the app does this at start).
 */
export type {
  AttrValue,
  Attrs,
  BackwardEvent,
  Contribution,
  ForwardEvent,
  GraphEdgeJSON,
  GraphJSON,
  GraphNode,
  GraphNodeJSON,
  Mode,
  NodeKind,
  NodeValue,
  NonFiniteReport,
  PlainValue,
  TensorData,
  Trace,
  TraceEvent,
} from './core/types';
export { EngineError, NonFiniteError, ShapeError, assert, shapeStr } from './core/errors';
export { fmt, fmtOperand, fmtTensor, tex } from './core/format';
export { topoOrder } from './core/topo';
export { zeroGrad } from './core/zero';
export { toPlain, nameOf, isFiniteValue } from './core/plain';
export { lossName, nodeName, nodeNames } from './core/names';

// Scalar mode.
export { Value, value, parameter, constant, applyScalar } from './scalar/value';

// Tensor mode, plus what op authors need to define tensor ops in their own files.
export { Tensor, tensor, asTensor, applyOp, type TensorOptions, type TensorLike } from './tensor/tensor';
export { tensorGrads } from './tensor/backward';
export { unbroadcast } from './tensor/unbroadcast';
export * as layout from './tensor/layout';
export * as kernels from './tensor/kernels';
export { useWasmKernels, wasmKernelsInUse } from './tensor/gemm';
export type { Nested, Shape } from './tensor/layout';

// The op registry.
export { getOp, hasOp, allOps, coreOps } from './ops/registry';
export { tensorRule } from './ops/opdef';
export type { OpDef, ScalarRule, TensorRule, Formula, DescribeArgs } from './ops/opdef';
export { lowerBroadcast, unaryTensorRule, binaryTensorRule } from './ops/elementwise';
export { infix, call, callWithAttrs, paren } from './ops/describe';

// Graph, trace, replay and checks.
export { graphOf } from './graph/graphOf';
export { gradients } from './graph/gradients';
export {
  evaluate,
  type EvaluateOptions,
  type EvaluateResult,
  type Overrides,
  type OverrideValue,
} from './graph/evaluate';
export { trace, type TraceOptions } from './trace/trace';
export { numericGrad, numericElement } from './check/numeric';
export {
  gradcheck,
  type GradcheckOptions,
  type GradcheckResult,
  type GradcheckEntry,
  type GradcheckNode,
} from './check/gradcheck';

// Neural-network library: layers, losses, initializers, modules, optimizers (engine/nn).
export * from './nn/index';

// Lowering a tensor graph to scalars, and comparing the two (engine/lower).
export * from './lower/index';
