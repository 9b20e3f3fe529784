import { parameter, value, type Value } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { layerStats, type Activation, type InitScheme } from '../lib/deepnet';
import { named } from '../lib/helpers';

const DEPTH = 6;

/** a_l = act(w_l · a_{l−1}) with w_l = 1 and a₀ = 0.5. */
function chain(act: 'sigmoid' | 'relu'): Value {
  let a = value(0.5, 'a₀');
  for (let l = 1; l <= DEPTH; l++) {
    const pre = parameter(1, `w${l}`).mul(a);
    a = named(act === 'sigmoid' ? pre.sigmoid() : pre.relu(), `a${l}`);
  }
  return a;
}

const statsOf = (act: Activation, init: InitScheme) =>
  layerStats({ depth: 10, width: 16, batch: 32, act, init, seed: 8 });

const lesson: LessonModule = {
  graphs: {
    'sigmoid-chain': {
      title: 'Six sigmoid layers',
      caption: 'a_l = σ(w_l a_{l−1}), w_l = 1, a₀ = 0.5',
      build: () => chain('sigmoid'),
    },
    'relu-chain': {
      title: 'Six ReLU layers',
      caption: 'a_l = relu(w_l a_{l−1}), w_l = 1, a₀ = 0.5',
      build: () => chain('relu'),
    },
  },
  checkpoints: {
    'five-layers': {
      kind: 'numeric',
      prompt:
        'With weights 1, what is the largest factor by which a gradient can be multiplied through 5 sigmoid layers? (e.g. 0.001)',
      answer: 0.25 ** 5,
      tolerance: 0.00002,
      explanation:
        'Each layer multiplies by σ′(·)·w ≤ 0.25 · 1, so five layers give at most 0.25⁵ ≈ 0.000977.',
      graph: 'sigmoid-chain',
    },
    'relu-local': {
      kind: 'choice',
      prompt: 'What is ReLU’s local derivative for a positive input?',
      choices: ['0', '0.25', '1', 'the input itself'],
      correct: 2,
      explanation:
        'relu(x) = x for x > 0, so its derivative is 1: the gradient passes unchanged through active units.',
      graph: 'relu-chain',
    },
  },
  plots: {
    'grad-by-layer': {
      title: 'Mean |∂L/∂a⁽ˡ⁾| per layer (10 layers, width 16)',
      build() {
        const runs: [string, Activation, InitScheme][] = [
          ['sigmoid', 'sigmoid', 'heUniform'],
          ['ReLU', 'relu', 'heUniform'],
          ['ReLU, small init', 'relu', 'uniformFanIn'],
        ];
        const series = runs.map(([name, act, init]) => ({
          name,
          points: statsOf(act, init).gradMean.map((g, i): [number, number] => [i + 1, g]),
        }));
        return {
          title: 'Gradient size by layer',
          xLabel: 'layer l',
          yLabel: 'mean |∂L/∂a⁽ˡ⁾|',
          logY: true,
          series,
        };
      },
    },
  },
  trainings: {
    'deep-sigmoid': {
      title: 'A deep sigmoid network on the rings',
      hidden: [8, 8, 8, 8],
      activation: 'sigmoid',
      init: 'uniformFanIn',
      lr: 0.3,
      lambda: 0,
      seed: 8,
      dataset: 'circles',
      points: 120,
    },
  },
};

export default lesson;
