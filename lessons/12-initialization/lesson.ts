import { init, rng, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { layerStats } from '../lib/deepnet';
import { named } from '../lib/helpers';

const lesson: LessonModule = {
  graphs: {
    'glorot-net': {
      title: 'A 2-4-1 tanh network, Glorot initialization (seed 12)',
      caption: 'squared error on one sample x = (1, −1), target 1',
      build() {
        const r = rng(12);
        const W1 = init.glorotUniform([4, 2], r, 'W⁽¹⁾');
        const W2 = init.glorotUniform([1, 4], r, 'W⁽²⁾');
        W1.kind = 'parameter';
        W2.kind = 'parameter';
        const x = tensor([[1, -1]], { label: 'x' });
        const a = named(x.matmul(W1.transpose()).tanh(), 'a');
        const f = named(a.matmul(W2.transpose()), 'f(x)');
        return named(f.sub(1).pow(2).sum(), 'L');
      },
    },
  },
  checkpoints: {
    'fan-in-bound': {
      kind: 'numeric',
      prompt: 'A layer has fan in 100. What is the bound a of Uniform(−a, a) by the fan-in rule?',
      answer: 0.1,
      tolerance: 0.0005,
      explanation: '1/√100 = 0.1.',
    },
    'glorot-bound': {
      kind: 'numeric',
      prompt: 'The same layer has fan out 50. What is Glorot’s bound? (3 decimals)',
      answer: Math.sqrt(6 / 150),
      tolerance: 0.001,
      explanation: '√(6 / (100 + 50)) = √0.04 = 0.2.',
    },
  },
  plots: {
    'act-std': {
      title: 'Activation spread per layer (tanh, 10 layers, width 32)',
      build() {
        const series = (['uniformFanIn', 'glorot'] as const).map((scheme) => ({
          name: scheme === 'glorot' ? 'Glorot' : 'Uniform(±1/√fan_in)',
          points: layerStats({
            depth: 10,
            width: 32,
            batch: 128,
            act: 'tanh',
            init: scheme,
            seed: 12,
          }).actStd.map((s, i): [number, number] => [i + 1, s]),
        }));
        return {
          title: 'Standard deviation of a⁽ˡ⁾',
          xLabel: 'layer l',
          yLabel: 'std of a⁽ˡ⁾',
          logY: true,
          series,
        };
      },
    },
  },
  trainings: {
    'init-compare': {
      title: 'Rings, a 4-layer tanh network: switch the initialization and reset',
      hidden: [8, 8, 8],
      activation: 'tanh',
      init: 'uniformFanIn',
      lr: 0.1,
      lambda: 0,
      seed: 12,
      dataset: 'circles',
      points: 120,
    },
  },
};

export default lesson;
