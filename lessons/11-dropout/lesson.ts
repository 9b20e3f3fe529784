import { dropout, rng, tensor } from '../../engine/index';
import type { LessonModule } from '../format/types';
import { named } from '../lib/helpers';

const H = [1, 2, 3, 4, 5, 6, 7, 8];
const P = 0.5;
const SEED = 11;

function graph(training: boolean) {
  const h = tensor([H], { label: 'h', kind: 'parameter' });
  const d = named(dropout(h, P, { training, rng: rng(SEED) }), 'h̃');
  return named(d.sum(), 'L');
}

const lesson: LessonModule = {
  graphs: {
    train: {
      title: 'Dropout in training mode, p = 0.5',
      caption: 'h = (1, …, 8), seed 11',
      build: () => graph(true),
    },
    eval: { title: 'Dropout in evaluation mode', caption: 'the identity', build: () => graph(false) },
  },
  checkpoints: {
    'kept-value': {
      kind: 'numeric',
      prompt: 'With p = 0.5, what does a kept unit with value 3 become in training mode?',
      answer: 3 / (1 - P),
      tolerance: 0.001,
      mistakes: [
        {
          answer: 3,
          hint: 'that is the evaluation-mode value: in training, kept units are scaled by 1/(1 − p).',
        },
        { answer: 1.5, hint: 'scale by 1/(1 − p), not by 1 − p.' },
      ],
      explanation: 'Kept units are scaled by 1/(1 − p) = 2, so 3 becomes 6; its gradient is scaled by 2 too.',
      graph: 'train',
    },
    'eval-mode': {
      kind: 'choice',
      prompt: 'What does (inverted) dropout do at evaluation time?',
      choices: [
        'drops units with probability p',
        'multiplies every unit by 1 − p',
        'nothing: it is the identity',
      ],
      correct: 2,
      explanation:
        'The 1/(1 − p) scaling during training already keeps expectations equal, so evaluation uses the activations as they are.',
      graph: 'eval',
    },
    'dropout-params': {
      kind: 'choice',
      prompt: 'How many trainable parameters does dropout have?',
      choices: ['none', 'one mask per unit', 'p'],
      correct: 0,
      explanation:
        'The mask is random, not learned, and p is a hyper-parameter: the lecture lists "trainable parameters: none".',
    },
  },
};

export default lesson;
