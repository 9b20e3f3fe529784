/** What the shell shows: the current view, an open dialog, notices, and whether the state is saved. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ViewId } from '../../../main/contract/state';

export type { ViewId };
export type DialogId = 'about' | 'shortcuts' | 'legend' | null;
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export const VIEW_LABELS: Record<ViewId, string> = {
  lessons: 'Lessons',
  debugger: 'Debugger',
  sandbox: 'Sandbox',
  compare: 'Scalar vs tensor',
};

/** How long an information notice stays. */
export const INFO_MS = 6000;

export const useUiStore = defineStore('ui', () => {
  const view = ref<ViewId>('lessons');
  const dialog = ref<DialogId>(null);
  const notices = ref<Notice[]>([]);
  const saveStatus = ref<SaveStatus>('idle');
  const savedAt = ref<string | null>(null);
  const saveError = ref<string | null>(null);
  let nextId = 1;

  function showView(id: ViewId) {
    view.value = id;
  }

  function openDialog(id: Exclude<DialogId, null>) {
    dialog.value = id;
  }

  function closeDialog() {
    dialog.value = null;
  }

  /** Show a message; information fades after a few seconds, errors stay until dismissed. */
  function notify(text: string, kind: Notice['kind'] = 'info'): number {
    const id = nextId++;
    notices.value.push({ id, kind, text });
    if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    return id;
  }

  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id);
  }

  return {
    view,
    dialog,
    notices,
    saveStatus,
    savedAt,
    saveError,
    showView,
    openDialog,
    closeDialog,
    notify,
    dismiss,
  };
});
