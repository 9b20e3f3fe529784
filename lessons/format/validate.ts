/**
 * Cross-checks a lesson's text against its code: every directive names something lesson.ts declares,
 * and every checkpoint is well-formed. Errors name lesson.md's line.
 */
import { LessonFormatError } from './errors';
import type { Lesson, LessonDoc, LessonModule } from './types';

export function combineLesson(doc: LessonDoc, module: LessonModule | undefined): Lesson {
  const codePath = doc.path.replace(/lesson\.md$/, 'lesson.ts');
  if (!module)
    throw new LessonFormatError(codePath, 1, `no lesson.ts module registered for "${doc.meta.id}"`);
  const tables = {
    graph: module.graphs,
    checkpoint: module.checkpoints,
    plot: module.plots ?? {},
    training: module.trainings ?? {},
  };
  for (const block of doc.blocks) {
    if (block.type !== 'directive') continue;
    const table: Record<string, unknown> = tables[block.name];
    if (!(block.id in table)) {
      const known = Object.keys(table);
      throw new LessonFormatError(
        doc.path,
        block.line,
        `::${block.name}{id="${block.id}"} is not declared in lesson.ts (declared: ${known.length ? known.join(', ') : 'none'})`,
      );
    }
  }
  for (const [id, cp] of Object.entries(module.checkpoints)) {
    if (cp.kind === 'numeric' && (!Number.isFinite(cp.answer) || !(cp.tolerance > 0))) {
      throw new LessonFormatError(codePath, 1, `checkpoint "${id}": answer must be finite and tolerance > 0`);
    }
    if (cp.kind === 'numeric') {
      const clash = cp.mistakes?.find((m) => Math.abs(m.answer - cp.answer) <= cp.tolerance);
      if (clash) {
        throw new LessonFormatError(
          codePath,
          1,
          `checkpoint "${id}": the mistake ${clash.answer} would be accepted as the answer ${cp.answer}`,
        );
      }
    }
    if (cp.kind === 'choice' && !(cp.correct >= 0 && cp.correct < cp.choices.length)) {
      throw new LessonFormatError(
        codePath,
        1,
        `checkpoint "${id}": correct index ${cp.correct} is outside its ${cp.choices.length} choices`,
      );
    }
    if (cp.graph !== undefined && !(cp.graph in module.graphs)) {
      throw new LessonFormatError(codePath, 1, `checkpoint "${id}": graph "${cp.graph}" is not declared`);
    }
  }
  return { doc, module };
}
