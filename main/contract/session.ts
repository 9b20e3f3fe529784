/**
 * `.backstep.json` session files: a sandbox graph or a lesson session a student saves and opens again.
 * Files come from anywhere, so reading one is defensive: a size limit, a nesting limit checked before
 * `JSON.parse` runs, finite numbers only, then the schema. Every failure is one clear sentence.
 *
 * Pure TS + zod: used by the main process (files picked in its dialogs) and by web mode (a file input).
 */
import { z } from 'zod';
import { describeZodError, jsonValue } from './state';

export const SESSION_FORMAT = 'backstep-session';
export const SESSION_EXTENSION = '.backstep.json';
/** 5 MB: far above any graph a student builds by hand, far below what would stall the app. */
export const MAX_SESSION_BYTES = 5 * 1024 * 1024;
export const MAX_SESSION_DEPTH = 64;

export const SESSION_KINDS = ['sandbox', 'lesson'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const sessionFileSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(1),
  kind: z.enum(SESSION_KINDS),
  title: z.string().max(500).default(''),
  savedAt: z.string().max(64).default(''),
  /** What the sandbox or the lesson needs to restore itself; its owner validates the inside. */
  data: jsonValue,
});
export type SessionFile = z.infer<typeof sessionFileSchema>;

export type SessionParse = { ok: true; session: SessionFile } | { ok: false; error: string };

/** Parse the text of a session file named `source` (a file name, for the message). */
export function parseSessionText(text: string, source: string): SessionParse {
  const fail = (why: string): SessionParse => ({ ok: false, error: `Cannot open ${source}: ${why}` });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SESSION_BYTES) return fail(tooLarge(bytes));
  const depth = maxNesting(text);
  if (depth > MAX_SESSION_DEPTH) {
    return fail(`it is nested more than ${MAX_SESSION_DEPTH} levels deep, which no Backstep file is.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`it is not JSON (${(e as Error).message}).`);
  }
  const bad = findNonFinite(raw, '');
  if (bad !== null) return fail(`it holds a number that is not finite at ${bad || '(top level)'}.`);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SESSION_FORMAT) {
    return fail(`it is not a Backstep session (expected "format": "${SESSION_FORMAT}").`);
  }
  const parsed = sessionFileSchema.safeParse(raw);
  if (!parsed.success)
    return fail(`the file does not match the session format: ${describeZodError(parsed.error)}.`);
  return { ok: true, session: parsed.data };
}

export function tooLarge(bytes: number): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `it is ${mb(bytes)} MB; the limit is ${mb(MAX_SESSION_BYTES)} MB.`;
}

/** Deepest bracket nesting outside strings: cheap, and keeps a hostile file from reaching JSON.parse. */
export function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** JSON.parse turns 1e999 into Infinity; find the first such number and say where it is. */
function findNonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNonFinite(value[i], `${path}[${i}]`);
      if (hit !== null) return hit;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNonFinite(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

export function makeSession(kind: SessionKind, title: string, data: z.infer<typeof jsonValue>): SessionFile {
  return { format: SESSION_FORMAT, version: 1, kind, title, savedAt: new Date().toISOString(), data };
}
