/**
 * The preload bridge: `window.backstep`, one named function per IPC channel (no generic send/invoke).
 * main/preload.ts implements it; renderer/src/platform.ts is the only module that calls it.
 *
 * Pure types and channel names: shared by the main process and the renderer.
 */
import type { CommandId } from './commands';
import type { SessionFile } from './session';
import type { AppState, Theme } from './state';

export const CHANNELS = {
  appInfo: 'app:info',
  loadState: 'state:load',
  saveState: 'state:save',
  setTheme: 'app:set-theme',
  openSession: 'file:open-session',
  openRecent: 'file:open-recent',
  saveSession: 'file:save-session',
  exportFile: 'file:export',
  printToPdf: 'file:print-pdf',
  // main → renderer
  command: 'menu:command',
  sessionOpened: 'file:session-opened',
  recentChanged: 'file:recent-changed',
} as const;

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  v8: string;
  platform: string;
}

/** A recent file as the renderer sees it: a name and an id (its path stays in the main process). */
export interface RecentEntry {
  id: number;
  name: string;
}

export interface LoadedState {
  state: AppState;
  recent: RecentEntry[];
  /** Set once when the saved state was unreadable and has been put aside. */
  notice: string | null;
}

export type OpenResult =
  | { status: 'opened'; name: string; session: SessionFile }
  | { status: 'cancelled' }
  | { status: 'error'; error: string };

export type SaveResult =
  { status: 'saved'; name: string } | { status: 'cancelled' } | { status: 'error'; error: string };

export type ExportKind = 'html' | 'markdown' | 'png' | 'svg' | 'json';

export interface ExportRequest {
  kind: ExportKind;
  /** A file name only (no folders); the user picks the folder in the save dialog. */
  suggestedName: string;
  /** Text, or base64 for binary kinds (png). */
  content: string;
}

export interface CommandMessage {
  id: CommandId;
  /** For 'openRecent': the recent entry's id. */
  arg?: number;
}

export interface BackstepBridge {
  appInfo(): Promise<AppInfo>;
  loadState(): Promise<LoadedState>;
  saveState(state: AppState): Promise<{ savedAt: string }>;
  setTheme(theme: Theme): Promise<void>;
  openSession(): Promise<OpenResult>;
  openRecent(id: number): Promise<OpenResult>;
  saveSession(session: SessionFile, suggestedName: string): Promise<SaveResult>;
  exportFile(request: ExportRequest): Promise<SaveResult>;
  /** Render self-contained HTML (no scripts run) and save it as PDF. */
  printToPdf(html: string, suggestedName: string): Promise<SaveResult>;
  onCommand(listener: (message: CommandMessage) => void): () => void;
  onSessionOpened(listener: (result: OpenResult) => void): () => void;
  onRecentChanged(listener: (recent: RecentEntry[]) => void): () => void;
}
