/**
 * Autosave of the lasting state. The state is cut into sections, each owned by one store:
 *
 *   theme, view          → the shell (settings, ui stores)
 *   lessons, lastLesson  → the lesson store
 *   debugger             → the trace store
 *
 * A store registers its section once (`registerStateSection('lessons', { snapshot, restore })`); it is
 * restored from the loaded state at once if that is already read, and every change to any snapshot is
 * saved through platform.ts after a short quiet time (debounced). Stores keep plain data; this module
 * does the I/O.
 */
import { shallowReactive, watch, type WatchStopHandle } from 'vue';
import type { AppState } from '../../../main/contract/state';
import { freshAppState } from '../../../main/contract/state';
import * as platform from '../platform';

export type SectionKey = keyof AppState;

export interface StateSection<K extends SectionKey> {
  /** Read the current value; reading reactive state here is what makes autosave notice changes. */
  snapshot(): AppState[K];
  restore(value: AppState[K]): void;
}

type AnySection = { snapshot(): unknown; restore(value: unknown): void };

const sections = shallowReactive(new Map<SectionKey, AnySection>());
let loaded: AppState | null = null;

export function registerStateSection<K extends SectionKey>(key: K, section: StateSection<K>): () => void {
  sections.set(key, section as unknown as AnySection);
  if (loaded) section.restore(loaded[key]);
  return () => {
    if (sections.get(key) !== (section as unknown as AnySection)) return;
    // Keep its last value: a view that unmounts before the debounce fires must not lose its change,
    // and the next registration (the view shown again) restores exactly this.
    if (loaded) loaded = { ...loaded, [key]: section.snapshot() };
    sections.delete(key);
  };
}

/** The full state: registered sections' snapshots over what was loaded (so unowned parts survive). */
export function currentState(): AppState {
  const state: Record<string, unknown> = { ...(loaded ?? freshAppState()) };
  for (const [key, section] of sections) state[key] = section.snapshot();
  return state as AppState;
}

export interface AutosaveHooks {
  onPending(): void;
  onSaving(): void;
  onSaved(savedAt: string): void;
  onError(message: string): void;
}

export interface Autosave {
  /** Save now (window closing, or a test). */
  flush(): Promise<void>;
  stop: WatchStopHandle;
}

/** Load the state, restore every section, then save on change after `delayMs` of quiet. */
export async function startAutosave(
  hooks: AutosaveHooks,
  delayMs = 500,
): Promise<Autosave & Pick<platform.LoadedState, 'notice' | 'recent'>> {
  const result = await platform.loadState();
  loaded = result.state;
  for (const [key, section] of sections) section.restore(loaded[key]);

  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    hooks.onSaving();
    try {
      const state = currentState();
      const { savedAt } = await platform.saveState(state);
      loaded = state;
      hooks.onSaved(savedAt);
    } catch (error) {
      hooks.onError((error as Error).message);
    }
  };
  const stop = watch(
    () => [...sections.values()].map((s) => s.snapshot()),
    () => {
      hooks.onPending();
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, delayMs);
    },
    { deep: true },
  );
  return {
    notice: result.notice,
    recent: result.recent,
    flush: async () => {
      if (timer) await save();
    },
    stop,
  };
}

/** For tests: forget what was loaded and every registration. */
export function resetPersistence(): void {
  sections.clear();
  loaded = null;
}
