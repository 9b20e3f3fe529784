/** state:load / state:save / app:set-theme — the renderer's part of the lasting state. */
import { nativeTheme } from 'electron';
import { z } from 'zod';
import { CHANNELS, type LoadedState, type RecentEntry } from '../contract/bridge';
import { appStateSchema, THEMES } from '../contract/state';
import type { MainContext } from './context';
import { handle } from './handle';

export function recentEntries(ctx: MainContext): RecentEntry[] {
  return ctx.store.get().desktop.recentFiles.map((f, id) => ({ id, name: f.name }));
}

export function registerState(ctx: MainContext): void {
  handle(CHANNELS.loadState, z.tuple([]), ctx.isTrusted, (): LoadedState => {
    return { state: ctx.store.get().app, recent: recentEntries(ctx), notice: ctx.store.takeNotice() };
  });

  handle(CHANNELS.saveState, z.tuple([appStateSchema]), ctx.isTrusted, ([app]) => {
    const themeChanged = app.theme !== ctx.store.get().app.theme;
    ctx.store.setApp(app);
    if (themeChanged) ctx.refreshMenu();
    return { savedAt: new Date().toISOString() };
  });

  handle(CHANNELS.setTheme, z.tuple([z.enum(THEMES)]), ctx.isTrusted, ([theme]) => {
    nativeTheme.themeSource = theme;
    ctx.store.setApp({ ...ctx.store.get().app, theme });
    ctx.refreshMenu();
  });
}
