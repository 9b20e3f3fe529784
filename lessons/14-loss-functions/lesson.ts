import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  klDivLoss,
  l1Loss,
  mseLoss,
  nllLoss,
  tensor,
  type Tensor,
} from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

const LOGITS = [[1, 2, 3]];
const CLASS = [2];
const O = [0.8, 0.2, 0.6];
const T = [1, 0, 1];
const P = [0.2, 0.3, 0.5];
const logit = (p: number) => Math.log(p / (1 - p));

const logits = () => tensor(LOGITS, { label: 'x (logits)', kind: 'parameter' });
const probs = () => tensor(O, { label: 'o', kind: 'parameter' });
const targets = () => tensor(T, { label: 't', kind: 'constant' });
const graph = (title: string, caption: string, build: () => Tensor) => ({ title, caption, build });

const lesson: LessonModule = {
  graphs: {
    ce: graph('CrossEntropyLoss(x, class 3)', 'x = (1, 2, 3)', () =>
      named(crossEntropy(logits(), CLASS), 'CrossEntropy'),
    ),
    nll: graph('NLLLoss(LogSoftmax(x), class 3)', 'the same number, in two steps', () =>
      named(nllLoss(named(logits().logSoftmax(1), 'LogSoftmax(x)'), CLASS), 'NLL'),
    ),
    mse: graph('MSELoss(o, t)', 'o = (0.8, 0.2, 0.6), t = (1, 0, 1)', () =>
      named(mseLoss(probs(), targets()), 'MSE'),
    ),
    l1: graph('L1Loss(o, t)', 'o = (0.8, 0.2, 0.6), t = (1, 0, 1)', () =>
      named(l1Loss(probs(), targets()), 'L1'),
    ),
    bce: graph('BCELoss(o, t)', 'o are probabilities', () => named(bceLoss(probs(), targets()), 'BCE')),
    'bce-logits': graph('BCEWithLogitsLoss(logit(o), t)', 'the same loss from raw logits', () =>
      named(
        bceWithLogitsLoss(tensor(O.map(logit), { label: 'logits', kind: 'parameter' }), targets()),
        'BCEWithLogits',
      ),
    ),
    kl: graph('KLDivLoss(log q, p), reduction sum', 'q = softmax(1, 2, 3), p = (0.2, 0.3, 0.5)', () =>
      named(
        klDivLoss(named(logits().logSoftmax(1), 'log q'), tensor([P], { label: 'p', kind: 'constant' }), {
          reduction: 'sum',
        }),
        'KL(p ‖ q)',
      ),
    ),
  },
  checkpoints: {
    'ce-value': {
      kind: 'numeric',
      prompt: 'What is CrossEntropyLoss for logits (1, 2, 3) and class 3? (3 decimals)',
      answer: -3 + Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)),
      tolerance: 0.001,
      explanation: '−x₃ + log Σⱼ exp xⱼ = −3 + log(e + e² + e³) = −3 + 3.4076 ≈ 0.4076.',
      graph: 'ce',
    },
    'why-nll': {
      kind: 'choice',
      prompt: 'Why is NLLLoss, loss(x, class) = −x[class], meant to follow LogSoftmax?',
      choices: [
        'together they are cross-entropy, and LogSoftmax computes log p robustly with the log-sum-exp trick',
        'because NLLLoss needs positive inputs',
        'to make the loss convex in the weights',
      ],
      correct: 0,
      explanation:
        'LogSoftmax outputs log p(ŷ|x) = xᵢ − log Σ exp xⱼ computed with the shift; −x[class] of that is the cross-entropy. Taking log of a separately computed softmax can overflow or give log 0.',
      graph: 'nll',
    },
    'bce-value': {
      kind: 'numeric',
      prompt: 'What is BCELoss for o = (0.8, 0.2, 0.6) and t = (1, 0, 1)? (3 decimals)',
      answer: -(Math.log(0.8) + Math.log(0.8) + Math.log(0.6)) / 3,
      tolerance: 0.001,
      explanation: '−(log 0.8 + log(1 − 0.2) + log 0.6)/3 = (0.2231 + 0.2231 + 0.5108)/3 ≈ 0.3190.',
      graph: 'bce',
    },
  },
};

export default lesson;
