/**
 * The current lesson and the student's progress: answers with feedback, notes, graphs viewed, the trace
 * cursor. Plain data only; the lessons view hands graphs to the trace store, and the shell's autosave
 * persists `snapshot()` through platform.ts (section 'lessons' of the app state).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AppState } from '../../../main/contract/state';
import type { LoadedLesson } from '../../../lessons/runner/load';
import { checkAnswer, type Feedback } from '../../../lessons/runner/check';
import {
  emptyRecord,
  lessonRecordSchema,
  recordAnswer,
  recordCursor,
  recordGraphViewed,
  recordNotes,
  type LessonRecord,
} from '../../../lessons/runner/record';

type SavedLessons = AppState['lessons'];

/** Where the record's view state (graphs viewed, cursor) lives inside the saved `answers` map. */
const VIEW_KEY = '@view';

export function toSaved(rec: LessonRecord): SavedLessons[string] {
  const answers: Record<string, unknown> = { ...rec.answers };
  answers[VIEW_KEY] = {
    graphsViewed: rec.progress.graphsViewed,
    cursor: rec.cursor,
    updatedAt: rec.updatedAt,
  };
  return { done: rec.progress.done, answers: answers as SavedLessons[string]['answers'], notes: rec.notes };
}

/** Rebuilds a record from the saved form; anything malformed is dropped rather than trusted. */
export function fromSaved(id: string, total: number, saved: SavedLessons[string]): LessonRecord {
  const { [VIEW_KEY]: view, ...answers } = saved.answers as Record<string, unknown>;
  const v = (view ?? {}) as { graphsViewed?: unknown; cursor?: unknown; updatedAt?: unknown };
  const base = emptyRecord(id, total);
  const candidate = {
    ...base,
    answers,
    notes: saved.notes,
    cursor: v.cursor ?? null,
    updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : base.updatedAt,
    progress: {
      ...base.progress,
      graphsViewed: Array.isArray(v.graphsViewed) ? v.graphsViewed : [],
      checkpointsCorrect: Object.values(answers).filter((a) => (a as { correct?: unknown })?.correct === true)
        .length,
    },
  };
  const parsed = lessonRecordSchema.safeParse(candidate);
  if (!parsed.success) return { ...base, notes: saved.notes };
  const rec = parsed.data as LessonRecord;
  rec.progress.done = rec.progress.checkpointsCorrect >= total;
  return rec;
}

function idOf(l: LoadedLesson): string {
  return l.ok ? l.lesson.doc.meta.id : l.broken.id;
}

export const useLessonStore = defineStore('lesson', () => {
  /** The loaded lessons (valid or broken), fixed for the session: kept out of deep reactivity. */
  const lessons = shallowRef<LoadedLesson[]>([]);
  const currentId = ref<string | null>(null);
  const records = ref<Record<string, LessonRecord>>({});
  /** Feedback of the last attempt per checkpoint, in this session: `${lessonId}/${checkpointId}`. */
  const feedback = ref<Record<string, Feedback>>({});
  /** The lesson graph now in the debugger, as `${lessonId}/${graphId}`. */
  const loadedGraph = ref<string | null>(null);
  /** The right-hand pane: the graph or a training run. */
  const pane = ref<{ kind: 'graph' } | { kind: 'training'; id: string }>({ kind: 'graph' });

  const current = computed(() => lessons.value.find((l) => idOf(l) === currentId.value) ?? null);
  const currentRecord = computed(() => (currentId.value ? recordFor(currentId.value) : null));

  function setLessons(list: LoadedLesson[]): void {
    lessons.value = list;
    if (!currentId.value && list.length) currentId.value = idOf(list[0]);
  }

  function totalOf(id: string): number {
    const l = lessons.value.find((x) => idOf(x) === id);
    return l && l.ok ? Object.keys(l.lesson.module.checkpoints).length : 0;
  }

  function recordFor(id: string): LessonRecord {
    return records.value[id] ?? emptyRecord(id, totalOf(id));
  }

  function open(id: string): void {
    if (!lessons.value.some((l) => idOf(l) === id)) return;
    currentId.value = id;
    pane.value = { kind: 'graph' };
  }

  function answer(checkpointId: string, raw: number | string): Feedback | null {
    const l = current.value;
    if (!l || !l.ok) return null;
    const cp = l.lesson.module.checkpoints[checkpointId];
    if (!cp) return null;
    const fb = checkAnswer(cp, raw);
    const id = l.lesson.doc.meta.id;
    feedback.value = { ...feedback.value, [`${id}/${checkpointId}`]: fb };
    // Unreadable input is not an attempt: nothing is recorded.
    if (fb.explanation || fb.correct) {
      const value =
        typeof raw === 'number'
          ? raw
          : Number(
              String(raw)
                .trim()
                .replace(/\u2212/g, '-'),
            );
      records.value = {
        ...records.value,
        [id]: recordAnswer(recordFor(id), checkpointId, value, fb.correct),
      };
    }
    return fb;
  }

  function feedbackFor(checkpointId: string): Feedback | null {
    return currentId.value ? (feedback.value[`${currentId.value}/${checkpointId}`] ?? null) : null;
  }

  function setNotes(text: string): void {
    const id = currentId.value;
    if (!id) return;
    records.value = { ...records.value, [id]: recordNotes(recordFor(id), text) };
  }

  function graphLoaded(graphId: string): void {
    const id = currentId.value;
    if (!id) return;
    loadedGraph.value = `${id}/${graphId}`;
    pane.value = { kind: 'graph' };
    records.value = { ...records.value, [id]: recordGraphViewed(recordFor(id), graphId) };
  }

  function setCursor(step: number): void {
    const id = currentId.value;
    const g = loadedGraph.value;
    if (!id || !g || !g.startsWith(`${id}/`)) return;
    const graph = g.slice(id.length + 1);
    const prev = recordFor(id).cursor;
    if (prev && prev.graph === graph && prev.step === step) return;
    records.value = {
      ...records.value,
      [id]: recordCursor(recordFor(id), { graph, step: Math.max(0, step) }),
    };
  }

  /** Start a lesson over: its answers, notes and saved position are forgotten. */
  function resetLesson(id: string): void {
    const { [id]: _dropped, ...rest } = records.value;
    records.value = rest;
    feedback.value = Object.fromEntries(
      Object.entries(feedback.value).filter(([k]) => !k.startsWith(`${id}/`)),
    );
  }

  function showTraining(id: string): void {
    pane.value = { kind: 'training', id };
  }

  function showGraph(): void {
    pane.value = { kind: 'graph' };
  }

  function snapshot(): SavedLessons {
    const out: SavedLessons = {};
    for (const [id, rec] of Object.entries(records.value)) out[id] = toSaved(rec);
    return out;
  }

  function restore(saved: SavedLessons): void {
    const out: Record<string, LessonRecord> = {};
    for (const [id, s] of Object.entries(saved)) out[id] = fromSaved(id, totalOf(id), s);
    records.value = out;
  }

  function restoreLast(id: string | null): void {
    if (id && lessons.value.some((l) => idOf(l) === id)) currentId.value = id;
  }

  return {
    lessons,
    currentId,
    records,
    feedback,
    loadedGraph,
    pane,
    current,
    currentRecord,
    setLessons,
    recordFor,
    open,
    answer,
    feedbackFor,
    setNotes,
    graphLoaded,
    setCursor,
    resetLesson,
    showTraining,
    showGraph,
    snapshot,
    restore,
    restoreLast,
  };
});
