/**
 * The recorded state of one student's work on one lesson. The app saves it (through the platform bridge),
 * and the report renderer turns it into a report, so keep this shape stable: add optional fields only.
 */
import { z } from 'zod';

export interface AnswerRecord {
  checkpoint: string;
  /** A number for numeric checkpoints, the chosen index for multiple choice. */
  answer: number;
  correct: boolean;
  attempts: number;
  /** ISO time of the last attempt. */
  at: string;
}

export interface TraceCursor {
  /** The graph id loaded in the debugger. */
  graph: string;
  /** Index into the trace's events. */
  step: number;
}

export interface LessonProgress {
  checkpointsTotal: number;
  checkpointsCorrect: number;
  /** Graph ids the student loaded. */
  graphsViewed: string[];
  /** All checkpoints answered correctly. */
  done: boolean;
}

export interface LessonRecord {
  version: 1;
  lessonId: string;
  /** Last answer per checkpoint id. */
  answers: Record<string, AnswerRecord>;
  notes: string;
  progress: LessonProgress;
  cursor: TraceCursor | null;
  updatedAt: string;
}

export const lessonRecordSchema = z.object({
  version: z.literal(1),
  lessonId: z.string(),
  answers: z.record(
    z.string(),
    z.object({
      checkpoint: z.string(),
      answer: z.number(),
      correct: z.boolean(),
      attempts: z.number().int().nonnegative(),
      at: z.string(),
    }),
  ),
  notes: z.string(),
  progress: z.object({
    checkpointsTotal: z.number().int().nonnegative(),
    checkpointsCorrect: z.number().int().nonnegative(),
    graphsViewed: z.array(z.string()),
    done: z.boolean(),
  }),
  cursor: z.object({ graph: z.string(), step: z.number().int().nonnegative() }).nullable(),
  updatedAt: z.string(),
});

/** All lesson records of one student, keyed by lesson id: what the app persists. */
export type ProgressFile = Record<string, LessonRecord>;

export function emptyRecord(lessonId: string, checkpointsTotal: number, now = new Date()): LessonRecord {
  return {
    version: 1,
    lessonId,
    answers: {},
    notes: '',
    progress: { checkpointsTotal, checkpointsCorrect: 0, graphsViewed: [], done: false },
    cursor: null,
    updatedAt: now.toISOString(),
  };
}

/** Reads a saved progress file, dropping records that do not match the schema (never throws). */
export function parseProgressFile(data: unknown): ProgressFile {
  const out: ProgressFile = {};
  if (typeof data !== 'object' || data === null) return out;
  for (const [id, rec] of Object.entries(data)) {
    const r = lessonRecordSchema.safeParse(rec);
    if (r.success && r.data.lessonId === id) out[id] = r.data;
  }
  return out;
}

function withProgress(rec: LessonRecord, now: Date): LessonRecord {
  const correct = Object.values(rec.answers).filter((a) => a.correct).length;
  return {
    ...rec,
    progress: {
      ...rec.progress,
      checkpointsCorrect: correct,
      done: correct >= rec.progress.checkpointsTotal,
    },
    updatedAt: now.toISOString(),
  };
}

export function recordAnswer(
  rec: LessonRecord,
  checkpoint: string,
  answer: number,
  correct: boolean,
  now = new Date(),
): LessonRecord {
  const prev = rec.answers[checkpoint];
  const entry: AnswerRecord = {
    checkpoint,
    answer,
    correct,
    attempts: (prev?.attempts ?? 0) + 1,
    at: now.toISOString(),
  };
  return withProgress({ ...rec, answers: { ...rec.answers, [checkpoint]: entry } }, now);
}

export function recordGraphViewed(rec: LessonRecord, graph: string, now = new Date()): LessonRecord {
  if (rec.progress.graphsViewed.includes(graph)) return rec;
  const progress = { ...rec.progress, graphsViewed: [...rec.progress.graphsViewed, graph] };
  return withProgress({ ...rec, progress }, now);
}

export function recordNotes(rec: LessonRecord, notes: string, now = new Date()): LessonRecord {
  return { ...rec, notes, updatedAt: now.toISOString() };
}

export function recordCursor(rec: LessonRecord, cursor: TraceCursor | null, now = new Date()): LessonRecord {
  return { ...rec, cursor, updatedAt: now.toISOString() };
}
