import { tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named, oneHot } from '../lib/helpers';

const LOGITS = [1000, 1001, 1002];

const lesson: LessonModule = {
  graphs: {
    naive: {
      title: 'Naive softmax: exp(x₃) / Σⱼ exp(xⱼ)',
      caption: 'logits (1000, 1001, 1002): exp overflows',
      build() {
        const x = tensor(LOGITS, { label: 'x' });
        const e = named(x.exp(), 'exp(x)');
        const p = named(e.div(e.sum()), 'p');
        return named(p.mul(tensor(oneHot(3, 2), { label: 'e₃', kind: 'constant' })).sum(), 'p₃');
      },
    },
    shifted: {
      title: 'Shifted: c + log Σⱼ exp(xⱼ − c), c = max x',
      caption: 'the same logits, no overflow',
      build() {
        const x = tensor(LOGITS, { label: 'x' });
        const c = named(x.max(), 'c');
        const shifted = named(x.sub(c), 'x − c');
        return named(shifted.exp().sum().log().add(c), 'lse');
      },
    },
  },
  checkpoints: {
    'first-bad-node': {
      kind: 'choice',
      prompt: 'In the naive graph, which node is the first to produce a non-finite value?',
      choices: ['exp(x)', 'the sum Σ exp(x)', 'the division', 'p₃'],
      correct: 0,
      explanation:
        'exp(1000) ≈ 2·10⁴³⁴ exceeds the largest float64 (≈ 1.8·10³⁰⁸) and becomes ∞. The sum is then ∞ and ∞/∞ is NaN, but the first bad node is exp.',
      graph: 'naive',
    },
    'lse-value': {
      kind: 'numeric',
      prompt: 'What is log Σⱼ exp xⱼ for x = (1000, 1001, 1002)? (3 decimals)',
      answer: 1002 + Math.log(1 + Math.exp(-1) + Math.exp(-2)),
      tolerance: 0.001,
      explanation: 'With c = 1002: 1002 + log(e⁻² + e⁻¹ + 1) = 1002 + log 1.5032 ≈ 1002.408.',
      graph: 'shifted',
    },
  },
};

export default lesson;
