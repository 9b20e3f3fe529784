/**
 * The state that lasts between runs, and its schema. The desktop app keeps it as JSON in the user-data
 * folder (main/state/store.ts); web mode keeps the renderer's part in localStorage (renderer/src/platform.ts).
 * Both read it back through these schemas, so a damaged file is detected the same way in both.
 *
 * Pure zod, no Electron or DOM imports: shared by the main process and the renderer.
 */
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const VIEWS = ['lessons', 'debugger', 'sandbox', 'compare'] as const;
export type ViewId = (typeof VIEWS)[number];

/** Any JSON value (finite numbers only). */
export const jsonValue = z.json();
export type JsonValue = z.infer<typeof jsonValue>;

/** One lesson's progress: whether it is done, the student's checkpoint answers, their notes. */
export const lessonProgressSchema = z.object({
  done: z.boolean().default(false),
  answers: z.record(z.string(), jsonValue).default({}),
  notes: z.string().max(200_000).default(''),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

/** The part of the state the renderer owns and sends with `saveState`. */
export const appStateSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  view: z.enum(VIEWS).default('lessons'),
  lastLesson: z.string().max(200).nullable().default(null),
  lessons: z.record(z.string().max(200), lessonProgressSchema).default({}),
  debugger: z
    .object({ graphId: z.string().max(200).nullable(), cursor: z.number().int().min(0) })
    .default({ graphId: null, cursor: 0 }),
});
export type AppState = z.infer<typeof appStateSchema>;

export function freshAppState(): AppState {
  return appStateSchema.parse({});
}

/** Window size and position, restored at start. */
export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(150).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const recentFileSchema = z.object({
  path: z.string().min(1).max(4096),
  name: z.string().max(512),
  openedAt: z.string().max(64),
});
export type RecentFile = z.infer<typeof recentFileSchema>;

export const MAX_RECENT = 10;

/** The part only the main process writes: paths never come from the renderer. */
export const desktopStateSchema = z.object({
  recentFiles: z.array(recentFileSchema).max(MAX_RECENT).default([]),
  windowBounds: windowBoundsSchema.nullable().default(null),
});
export type DesktopState = z.infer<typeof desktopStateSchema>;

/** The whole state file, `state.json` in the user-data folder. */
export const stateFileSchema = z.object({
  version: z.literal(1),
  app: appStateSchema.default(freshAppState),
  desktop: desktopStateSchema.default({ recentFiles: [], windowBounds: null }),
});
export type StateFile = z.infer<typeof stateFileSchema>;

export function freshStateFile(): StateFile {
  return stateFileSchema.parse({ version: 1 });
}

/** "a.b[2]: expected string" — the first few problems of a failed parse, for a message a person can read. */
export function describeZodError(error: z.ZodError, limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length === 0 ? '(top level)' : formatPath(issue.path);
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return lines.join('; ') + more;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}
