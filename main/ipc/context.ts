/** What the IPC handlers share: the state store, the main window, the sender check, the menu. */
import type { BrowserWindow } from 'electron';
import type { StateStore } from '../state/store';
import type { SenderCheck } from './handle';

export interface MainContext {
  store: StateStore;
  window(): BrowserWindow | null;
  isTrusted: SenderCheck;
  /** Send an event to the page (no-op when the window is gone). */
  send(channel: string, payload: unknown): void;
  /** Rebuild the menu after something it shows changed (recent files, theme). */
  refreshMenu(): void;
}
