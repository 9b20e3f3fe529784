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

export const lessonModules: Readonly<Record<string, LessonModule>> = {
  '01-linear-to-deep': l01,
  '02-chain-rule': l02,
  '03-computation-graphs': l03,
  '04-multiclass': l04,
  '05-regularized-cross-entropy': l05,
  '06-log-sum-exp': l06,
  '07-mlp': l07,
};
