/** Scalar lowering of tensor graphs, and checking that both modes agree. */
export { lower, elementLabel, tensorName } from './lower';
export type { ElementRef, Lowering, LoweringCounts } from './lower';
export { compareGradients } from './compare';
export type { GradientComparison, NodeDiff } from './compare';
