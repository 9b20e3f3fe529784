import { parameter, value } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named, sub } from '../lib/helpers';

const lesson: LessonModule = {
  graphs: {
    linear: {
      title: 'A linear model f(x) = wᵀh(x)',
      caption: 'x = 2, h(x) = (x, x²), w = (0.5, 0.25)',
      build() {
        const x = value(2, 'x');
        const h2 = named(x.pow(2), 'h₂');
        const w1 = parameter(0.5, 'w₁');
        const w2 = parameter(0.25, 'w₂');
        return named(w1.mul(x).add(w2.mul(h2)), 'f');
      },
    },
    composite: {
      title: 'A composite f(x) = w₂ tanh(w₁x + b₁)',
      caption: 'the first layer learns the feature tanh(w₁x + b₁)',
      build() {
        const x = value(2, 'x');
        const w1 = parameter(0.5, 'w₁');
        const b1 = parameter(-0.5, 'b₁');
        const w2 = parameter(1.5, 'w₂');
        const h = named(w1.mul(x).add(b1).tanh(), 'h');
        return named(w2.mul(h), 'f');
      },
    },
    'two-linear': {
      title: 'Two linear layers without activation',
      caption: 'f = W⁽²⁾(W⁽¹⁾x) with W⁽¹⁾ = [[1, 2], [3, 4]], W⁽²⁾ = [1, −1], x = (1, 1)',
      build() {
        const x1 = value(1, 'x₁');
        const x2 = value(1, 'x₂');
        const w = [1, 2, 3, 4].map((v, i) => parameter(v, `W⁽¹⁾${sub(Math.floor(i / 2) + 1, (i % 2) + 1)}`));
        const h1 = named(w[0].mul(x1).add(w[1].mul(x2)), 'h₁');
        const h2 = named(w[2].mul(x1).add(w[3].mul(x2)), 'h₂');
        const v1 = parameter(1, 'W⁽²⁾₁');
        const v2 = parameter(-1, 'W⁽²⁾₂');
        return named(v1.mul(h1).add(v2.mul(h2)), 'f');
      },
    },
  },
  checkpoints: {
    collapse: {
      kind: 'numeric',
      prompt: 'In the two-layer graph, what is ∂f/∂x₁?',
      answer: -2,
      tolerance: 0.01,
      explanation:
        'W⁽²⁾W⁽¹⁾ = (1·1 − 1·3, 1·2 − 1·4) = (−2, −2), so f = −2x₁ − 2x₂ for every x: ∂f/∂x₁ = −2. Two linear layers are one linear layer.',
      graph: 'two-linear',
    },
    'single-layer': {
      kind: 'choice',
      prompt: 'A deep net with a single fully connected layer (and no activation) is…',
      choices: [
        'a linear model',
        'a non-linear model, because it is a neural network',
        'linear only if its weight matrix is square',
      ],
      correct: 0,
      explanation:
        'f(x) = Wx + b is linear (affine) in x whatever the shape of W. Only a non-linear activation between layers makes depth add expressive power.',
    },
  },
};

export default lesson;
