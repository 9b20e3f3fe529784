/**
 * Who opens and saves `.backstep.json` sessions. The sandbox and the lessons register a handler for their
 * kind; the shell's File → Open / Save commands and sessions opened from the command line go through here.
 *
 *   registerSessionKind('sandbox', { view: 'sandbox', load: (s) => …, save: () => ({ title, data }) });
 */
import type { SessionFile, SessionKind } from '../../../main/contract/session';
import type { JsonValue, ViewId } from '../../../main/contract/state';

export interface SessionHandler {
  /** The view that shows this kind of session (the shell switches to it on open). */
  view: ViewId;
  load(session: SessionFile): void;
  /** What to write, or null when there is nothing to save yet. */
  save(): { title: string; data: JsonValue } | null;
}

const kinds = new Map<SessionKind, SessionHandler>();

export function registerSessionKind(kind: SessionKind, handler: SessionHandler): () => void {
  kinds.set(kind, handler);
  return () => {
    if (kinds.get(kind) === handler) kinds.delete(kind);
  };
}

export function sessionHandler(kind: SessionKind): SessionHandler | undefined {
  return kinds.get(kind);
}

/** The kind a view saves: the sandbox saves its graph, every other view the lesson session. */
export function kindForView(view: ViewId): SessionKind {
  return view === 'sandbox' ? 'sandbox' : 'lesson';
}

/** The view that normally shows a kind (its handler may register only when that view mounts). */
export function viewForKind(kind: SessionKind): ViewId {
  return kind === 'sandbox' ? 'sandbox' : 'lessons';
}
