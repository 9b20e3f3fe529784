/** Scalar lowering of tensor graphs, and checking that both modes agree. */
export { lower, elementLabel, tensorName } from './lower';
export type { ElementRef, Lowering, LoweringCounts } from './lower';
export { compareGradients } from './compare';
export type { GradientComparison, NodeDiff } from './compare';
export {
  compareModes,
  fastest,
  tensorBytes,
  scalarBytes,
  BYTES_PER_VALUE,
  BYTES_PER_TENSOR_NODE,
} from './measure';
export type { ModeComparison, ModeStats } from './measure';
