/**
 * A lesson session file: one lesson's progress (answers, notes, done, graph position) and which lesson it
 * is. Saved from the lessons view with File → Save session…, opened with File → Open lesson… on any
 * machine. The lesson store keeps the data; this module only moves it in and out of the file.
 */
import { z } from 'zod';
import type { SessionFile } from '../../../main/contract/session';
import { describeZodError, lessonProgressSchema, type AppState } from '../../../main/contract/state';
import { registerSessionKind } from './sessions';

const lessonSessionData = z.object({
  lesson: z.string().min(1).max(200),
  progress: lessonProgressSchema,
});

/** What this module needs of the lesson store (stores/lesson.ts). */
export interface LessonStoreLike {
  readonly currentId: string | null;
  snapshot(): AppState['lessons'];
  restore(saved: AppState['lessons']): void;
  restoreLast(id: string | null): void;
}

export function installLessonSession(store: LessonStoreLike): () => void {
  return registerSessionKind('lesson', {
    view: 'lessons',
    save: () => {
      const id = store.currentId;
      if (!id) return null;
      const progress = store.snapshot()[id] ?? { done: false, answers: {}, notes: '' };
      return { title: id, data: { lesson: id, progress } };
    },
    load: (session: SessionFile) => {
      const parsed = lessonSessionData.safeParse(session.data);
      if (!parsed.success)
        throw new Error(`it does not hold a lesson's progress (${describeZodError(parsed.error)}).`);
      const { lesson, progress } = parsed.data;
      store.restoreLast(lesson);
      if (store.currentId !== lesson)
        throw new Error(`there is no lesson "${lesson}" in this version of Backstep.`);
      store.restore({ ...store.snapshot(), [lesson]: progress });
    },
  });
}
