/**
 * Loading lessons from (path, text) pairs: pure, so Node (fs) and the browser (Vite raw imports) share it.
 * A lesson that fails to validate becomes a `BrokenLesson` carrying its file:line error, never an exception.
 */
import { LessonFormatError } from '../format/errors';
import { folderOf, parseLessonMarkdown } from '../format/parse';
import type { BrokenLesson, Lesson, LessonModule } from '../format/types';
import { combineLesson } from '../format/validate';

export interface LessonSource {
  /** e.g. `lessons/02-chain-rule/lesson.md` */
  path: string;
  text: string;
}

export type LoadedLesson = { ok: true; lesson: Lesson } | { ok: false; broken: BrokenLesson };

export function loadLesson(src: LessonSource, modules: Readonly<Record<string, LessonModule>>): LoadedLesson {
  const id = folderOf(src.path);
  try {
    const doc = parseLessonMarkdown(src.path, src.text);
    return { ok: true, lesson: combineLesson(doc, modules[doc.meta.id]) };
  } catch (e) {
    const error = e instanceof LessonFormatError ? e.message : `${src.path}:1: ${(e as Error).message}`;
    return { ok: false, broken: { id, path: src.path, error } };
  }
}

/** All lessons in order (by folder number); broken ones keep their place with their error. */
export function loadLessons(
  sources: readonly LessonSource[],
  modules: Readonly<Record<string, LessonModule>>,
): LoadedLesson[] {
  const out = sources.map((s) => loadLesson(s, modules));
  const key = (l: LoadedLesson) => (l.ok ? l.lesson.doc.meta.id : l.broken.id);
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Lesson ids that have code but no text, or text but no code. */
export function unmatched(
  sources: readonly LessonSource[],
  modules: Readonly<Record<string, LessonModule>>,
): string[] {
  const texts = new Set(sources.map((s) => folderOf(s.path)));
  const missingText = Object.keys(modules)
    .filter((id) => !texts.has(id))
    .map((id) => `lessons/${id}/lesson.md: missing (lesson.ts exists)`);
  return missingText;
}
