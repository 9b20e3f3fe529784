/** The neural-network ops (linear, conv2d, pooling, dropout, batch norm, losses), listed for the registry. */
import { batchNormOp } from './batchnorm';
import { crossEntropyOp, nllLossOp } from './classification';
import { conv2dOp } from './conv2d';
import { dropoutOp } from './dropout';
import { linearOp } from './linear';
import type { OpDef } from '../opdef';
import { bceLossOp, bceWithLogitsLossOp, klDivLossOp, l1LossOp, mseLossOp } from './pointwise-losses';
import { avgPool2dOp, maxPool2dOp } from './pool';

export const nnOps: OpDef[] = [
  linearOp,
  conv2dOp,
  maxPool2dOp,
  avgPool2dOp,
  dropoutOp,
  batchNormOp,
  crossEntropyOp,
  nllLossOp,
  mseLossOp,
  l1LossOp,
  bceLossOp,
  bceWithLogitsLossOp,
  klDivLossOp,
];
