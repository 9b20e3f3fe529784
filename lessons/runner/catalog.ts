/**
 * Every lesson's code, imported statically so the same list works in Node and in the browser bundle.
 * The text (lesson.md) is read separately (fs in Node, Vite raw imports in the app) and joined by id.
 */
import type { LessonModule } from '../format/types';
import l01 from '../01-linear-to-deep/lesson';
import l02 from '../02-chain-rule/lesson';
import l03 from '../03-computation-graphs/lesson';
import l04 from '../04-multiclass/lesson';
import l05 from '../05-regularized-cross-entropy/lesson';
import l06 from '../06-log-sum-exp/lesson';
import l07 from '../07-mlp/lesson';
import l08 from '../08-relu-vs-sigmoid/lesson';
import l09 from '../09-convolution/lesson';
import l10 from '../10-pooling/lesson';
import l11 from '../11-dropout/lesson';
import l12 from '../12-initialization/lesson';
import l13 from '../13-batch-norm/lesson';
import l14 from '../14-loss-functions/lesson';
import l15 from '../15-training-sgd/lesson';
import l16 from '../16-architectures/lesson';

export const lessonModules: Readonly<Record<string, LessonModule>> = {
  '01-linear-to-deep': l01,
  '02-chain-rule': l02,
  '03-computation-graphs': l03,
  '04-multiclass': l04,
  '05-regularized-cross-entropy': l05,
  '06-log-sum-exp': l06,
  '07-mlp': l07,
  '08-relu-vs-sigmoid': l08,
  '09-convolution': l09,
  '10-pooling': l10,
  '11-dropout': l11,
  '12-initialization': l12,
  '13-batch-norm': l13,
  '14-loss-functions': l14,
  '15-training-sgd': l15,
  '16-architectures': l16,
};
