/**
 * The lessons as the app sees them: every lesson.md bundled as raw text by Vite and joined with its
 * lesson.ts by the same pure loader that Node uses. A broken lesson is kept, with its file:line error.
 */
import { lessonModules } from '../../../lessons/runner/catalog';
import { loadLessons, type LoadedLesson } from '../../../lessons/runner/load';

const texts = import.meta.glob('../../../lessons/*/lesson.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** `../../../lessons/02-chain-rule/lesson.md` → `lessons/02-chain-rule/lesson.md`, as in Node's messages. */
export function sourcePath(globKey: string): string {
  return globKey.replace(/^(\.\.\/)+/, '');
}

export const bundledLessons: LoadedLesson[] = loadLessons(
  Object.entries(texts).map(([key, text]) => ({ path: sourcePath(key), text })),
  lessonModules,
);

export function lessonIdOf(l: LoadedLesson): string {
  return l.ok ? l.lesson.doc.meta.id : l.broken.id;
}
