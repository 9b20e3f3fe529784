/** Node-only lesson loading (fs): for `lessons:check`, the report CLI and tests. */
import { lessonModules } from '../runner/catalog';
import { loadLessons, type LoadedLesson } from '../runner/load';
import { readLessonSources } from './sources';

export { readLessonSources, LESSONS_DIR } from './sources';

/** Every lesson on disk, validated against its lesson.ts; broken ones carry their file:line error. */
export function loadLessonsFromDisk(dir?: string): LoadedLesson[] {
  return loadLessons(readLessonSources(dir), lessonModules);
}

/** One lesson by id (e.g. '02-chain-rule'), or null when there is no such folder. */
export function loadLessonFromDisk(id: string, dir?: string): LoadedLesson | null {
  return loadLessonsFromDisk(dir).find((l) => (l.ok ? l.lesson.doc.meta.id : l.broken.id) === id) ?? null;
}
