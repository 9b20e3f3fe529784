/**
 * The neural-network library: the lecture's layers, losses, initializers, modules and optimizers, on the
 * engine's Tensors (and Values where a lesson runs in scalar mode). Each layer and loss is one registry op
 * (engine/ops/nn/), so backward, trace, the debugger and lowering see it as one step.
 * Naming: the tensor network is `MLP`; the micrograd-style scalar one is `ScalarMLP` (with `Neuron`, `Layer`).
 * Losses dispatch on their first argument: a Tensor gives a Tensor, Values give a Value.
 */
export { rng, type Rng } from './rng';
export { init, fans, uniformFanIn, glorotUniform, heNormal, type Fans } from './init';
export {
  linear,
  conv2d,
  maxPool2d,
  avgPool2d,
  dropout,
  batchNorm,
  type Conv2dOptions,
  type PoolOptions,
  type DropoutOptions,
  type BatchNormOptions,
} from './layers';
export {
  crossEntropy,
  nllLoss,
  mseLoss,
  l1Loss,
  bceLoss,
  bceWithLogitsLoss,
  klDivLoss,
  type LossOptions,
  type KlDivOptions,
  type Reduction,
  type KlReduction,
  type ClassTarget,
  type ScalarTarget,
} from './losses';
export { l2 } from './regularization';
export {
  Module,
  Linear,
  Conv2d,
  MLP,
  Dropout,
  BatchNorm,
  Sequential,
  type Step,
  type Activation,
  type LinearOptions,
  type Conv2dModuleOptions,
  type MLPOptions,
} from './modules';
export {
  Neuron,
  Layer,
  ScalarMLP,
  copyWeights,
  type NeuronOptions,
  type LayerOptions,
} from './scalar-modules';
export { SGD, Adam, type SGDOptions, type AdamOptions, type Param } from './optim';
