/** The lesson browser's rows and building one graph by id: small pure helpers over loaded lessons. */
import type { GraphNode } from '../../engine/index';
import type { Lesson } from '../format/types';
import type { LoadedLesson } from './load';

export interface LessonSummary {
  id: string;
  title: string;
  topic: string;
  checkpoints: number;
  /** The file:line error of a lesson that did not load, else null. */
  error: string | null;
}

export function listLessons(loaded: readonly LoadedLesson[]): LessonSummary[] {
  return loaded.map((l) =>
    l.ok
      ? {
          id: l.lesson.doc.meta.id,
          title: l.lesson.doc.meta.title,
          topic: l.lesson.doc.meta.topic,
          checkpoints: Object.keys(l.lesson.module.checkpoints).length,
          error: null,
        }
      : { id: l.broken.id, title: l.broken.id, topic: '', checkpoints: 0, error: l.broken.error },
  );
}

/** A fresh root of one of the lesson's graphs (each call builds a new graph with the same fixed seeds). */
export function buildGraph(lesson: Lesson, graphId: string): GraphNode {
  const g = lesson.module.graphs[graphId];
  if (!g) {
    const known = Object.keys(lesson.module.graphs).join(', ');
    throw new Error(`${lesson.doc.path}: no graph "${graphId}" (declared: ${known})`);
  }
  return g.build();
}
