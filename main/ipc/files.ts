/**
 * Session files: open (dialog, or a recent entry by id), save (dialog). The renderer never sends a path:
 * paths come from the main process's dialogs, the command line, or the recent list kept here.
 */
import { app, dialog } from 'electron';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { CHANNELS, type OpenResult, type SaveResult } from '../contract/bridge';
import { sessionFileSchema, SESSION_EXTENSION } from '../contract/session';
import { MAX_RECENT } from '../contract/state';
import { readSessionFile, safeFileName } from '../files/session-io';
import { writeFileAtomicSync } from '../state/atomic-write';
import type { MainContext } from './context';
import { handle } from './handle';
import { recentEntries } from './state';

const SESSION_FILTERS = [{ name: 'Backstep session', extensions: ['backstep.json', 'json'] }];

/** Read a session from a trusted path and remember it in the recent list when it opened. */
export function openPath(ctx: MainContext, path: string): OpenResult {
  const result = readSessionFile(path);
  if (!result.ok) return { status: 'error', error: result.error };
  rememberRecent(ctx, path);
  return { status: 'opened', name: basename(path), session: result.session };
}

export function rememberRecent(ctx: MainContext, path: string): void {
  ctx.store.updateDesktop((d) => ({
    ...d,
    recentFiles: [
      { path, name: basename(path), openedAt: new Date().toISOString() },
      ...d.recentFiles.filter((f) => f.path !== path),
    ].slice(0, MAX_RECENT),
  }));
  ctx.send(CHANNELS.recentChanged, recentEntries(ctx));
  ctx.refreshMenu();
}

export async function openWithDialog(ctx: MainContext): Promise<OpenResult> {
  const win = ctx.window();
  const options = {
    title: 'Open a Backstep session',
    filters: SESSION_FILTERS,
    properties: ['openFile' as const],
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  if (picked.canceled || !path) return { status: 'cancelled' };
  return openPath(ctx, path);
}

export function openRecent(ctx: MainContext, id: number): OpenResult {
  const entry = ctx.store.get().desktop.recentFiles[id];
  if (!entry) return { status: 'error', error: `There is no recent file number ${id + 1}.` };
  return openPath(ctx, entry.path);
}

/** Ask where to save (the user may overwrite only after the dialog's own confirmation), then write atomically. */
export async function saveWithDialog(
  ctx: MainContext,
  suggestedName: string,
  filters: { name: string; extensions: string[] }[],
  bytes: string | Uint8Array,
): Promise<{ result: SaveResult; path: string | null }> {
  const win = ctx.window();
  const options = {
    title: 'Save',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
  };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return { result: { status: 'cancelled' }, path: null };
  try {
    writeFileAtomicSync(picked.filePath, bytes);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      result: { status: 'error', error: `Could not save ${basename(picked.filePath)}: ${why}.` },
      path: null,
    };
  }
  return { result: { status: 'saved', name: basename(picked.filePath) }, path: picked.filePath };
}

export function registerFiles(ctx: MainContext): void {
  handle(CHANNELS.openSession, z.tuple([]), ctx.isTrusted, () => openWithDialog(ctx));

  handle(
    CHANNELS.openRecent,
    z.tuple([
      z
        .number()
        .int()
        .min(0)
        .max(MAX_RECENT - 1),
    ]),
    ctx.isTrusted,
    ([id]) => openRecent(ctx, id),
  );

  handle(
    CHANNELS.saveSession,
    z.tuple([sessionFileSchema, z.string().max(200)]),
    ctx.isTrusted,
    async ([session, suggestedName]) => {
      const name = safeFileName(suggestedName, SESSION_EXTENSION);
      const text = JSON.stringify(session, null, 2) + '\n';
      const { result, path } = await saveWithDialog(ctx, name, SESSION_FILTERS, text);
      if (path) rememberRecent(ctx, path);
      return result;
    },
  );
}
