import { parameter, value } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

const lesson: LessonModule = {
  graphs: {
    neuron: {
      title: 'A neuron o = tanh(x₁w₁ + x₂w₂ + b)',
      caption: 'x₁ = 2, x₂ = 0, w₁ = −3, w₂ = 1, b = 6.8814',
      build() {
        const x1 = value(2, 'x₁');
        const x2 = value(0, 'x₂');
        const w1 = parameter(-3, 'w₁');
        const w2 = parameter(1, 'w₂');
        const b = parameter(6.881373587019543, 'b');
        const n = named(x1.mul(w1).add(x2.mul(w2)).add(b), 'n');
        return named(n.tanh(), 'o');
      },
    },
    reuse: {
      title: 'A node used twice: f = (a·b)(a + b)',
      caption: 'a = −2, b = 3',
      build() {
        const a = value(-2, 'a');
        const b = value(3, 'b');
        const d = named(a.mul(b), 'd');
        const e = named(a.add(b), 'e');
        return named(d.mul(e), 'f');
      },
    },
  },
  checkpoints: {
    'neuron-dx1': {
      kind: 'numeric',
      prompt: 'In the neuron, what is ∂o/∂x₁?',
      answer: -1.5,
      tolerance: 0.001,
      mistakes: [
        { answer: -3, hint: 'that is ∂n/∂x₁ = w₁ alone: multiply by the upstream ∂o/∂n = 1 − o².' },
        { answer: 1, hint: 'that is ∂o/∂w₁: x₁ and w₁ swap roles in the product.' },
      ],
      explanation:
        'o = tanh(0.8814) = 0.7071, so ∂o/∂n = 1 − o² = 0.5, and ∂n/∂x₁ = w₁ = −3: ∂o/∂x₁ = 0.5 · (−3) = −1.5.',
      graph: 'neuron',
    },
    'reuse-da': {
      kind: 'numeric',
      prompt: 'In f = (a·b)(a + b), what is ∂f/∂a?',
      answer: -3,
      tolerance: 0.001,
      mistakes: [
        {
          answer: 3,
          hint: 'that is only the path through d (e·b). a also feeds e: add that path’s contribution.',
        },
        {
          answer: -6,
          hint: 'that is only the path through e (d·1). a also feeds d: add that path’s contribution.',
        },
      ],
      explanation: 'e·b + d·1 = 1·3 + (−6)·1 = −3. Forget either path and you get 3 or −6.',
      graph: 'reuse',
    },
    'why-sum': {
      kind: 'choice',
      prompt: 'Why does a node used by two functions receive the sum of their gradients?',
      choices: [
        'the multivariable chain rule adds the effect of every path from the node to the output',
        'it is a convention; averaging would work as well',
        'to keep the gradient from vanishing',
      ],
      correct: 0,
      explanation:
        'A small change δ in a changes f by (∂f/∂d·∂d/∂a + ∂f/∂e·∂e/∂a)δ: each path contributes. That is why engines accumulate with +=.',
    },
  },
};

export default lesson;
