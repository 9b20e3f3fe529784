/** Node-only: reads every `lessons/NN-slug/lesson.md` from disk as (path, text) pairs. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LessonSource } from '../runner/load';

/** The lessons folder of this checkout. */
export const LESSONS_DIR = join(import.meta.dirname, '..');

export function readLessonSources(dir: string = LESSONS_DIR, cwd: string = process.cwd()): LessonSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name) && existsSync(join(dir, d.name, 'lesson.md')))
    .map((d) => {
      const file = join(dir, d.name, 'lesson.md');
      return { path: relative(cwd, file) || file, text: readFileSync(file, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
