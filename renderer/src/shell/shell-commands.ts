/**
 * The commands the shell itself handles: files, theme, interface zoom, About and the shortcuts table.
 * Views may take any of them over with a later `registerCommand` (the debugger zooms its graph, the
 * report view exports). Debug commands (step, play…) belong to the debugger and are not registered here.
 */
import { nextTick } from 'vue';
import { makeSession } from '../../../main/contract/session';
import { registerCommand, type CommandId, type CommandHandler } from '../commands';
import * as platform from '../platform';
import type { OpenResult } from '../platform';
import type { useSettingsStore } from '../stores/settings';
import type { useUiStore } from '../stores/ui';
import { kindForView, sessionHandler, viewForKind } from './sessions';

type Ui = ReturnType<typeof useUiStore>;
type Settings = ReturnType<typeof useSettingsStore>;

/** Show the outcome of an open: hand the session to its owner, or say clearly why not. */
export async function receiveSession(ui: Ui, result: OpenResult): Promise<void> {
  if (result.status === 'cancelled') return;
  if (result.status === 'error') {
    ui.notify(result.error, 'error');
    return;
  }
  let handler = sessionHandler(result.session.kind);
  if (!handler) {
    // Its owner may register when its view mounts: show that view, then look again.
    ui.showView(viewForKind(result.session.kind));
    await nextTick();
    handler = sessionHandler(result.session.kind);
  }
  if (!handler) {
    ui.notify(
      `${result.name} is a ${result.session.kind} session, which this version cannot show yet.`,
      'error',
    );
    return;
  }
  ui.showView(handler.view);
  try {
    handler.load(result.session);
    ui.notify(`Opened ${result.name}.`);
  } catch (error) {
    ui.notify(`Cannot open ${result.name}: ${(error as Error).message}`, 'error');
  }
}

export function installShellCommands(ui: Ui, settings: Settings): () => void {
  const setTheme = (theme: 'system' | 'light' | 'dark') => () => {
    settings.setTheme(theme);
    void platform.setTheme(theme);
  };
  const table: [CommandId, CommandHandler][] = [
    ['openLesson', async () => receiveSession(ui, await platform.openSession())],
    ['openRecent', async (id) => receiveSession(ui, await platform.openRecent(id ?? 0))],
    [
      'saveSession',
      async () => {
        const kind = kindForView(ui.view);
        const content = sessionHandler(kind)?.save() ?? null;
        if (!content) {
          ui.notify(`There is no ${kind} session to save yet.`);
          return;
        }
        const name = (content.title || `backstep-${kind}`).replace(/\s+/g, '-').toLowerCase();
        const result = await platform.saveSession(makeSession(kind, content.title, content.data), name);
        if (result.status === 'saved') ui.notify(`Saved ${result.name}.`);
        else if (result.status === 'error') ui.notify(result.error, 'error');
      },
    ],
    ['export', () => void ui.notify('Open a lesson to export its report.')],
    ['zoomIn', () => settings.zoomBy(1)],
    ['zoomOut', () => settings.zoomBy(-1)],
    ['zoomReset', () => settings.resetZoom()],
    ['themeSystem', setTheme('system')],
    ['themeLight', setTheme('light')],
    ['themeDark', setTheme('dark')],
    ['about', () => ui.openDialog('about')],
    ['shortcuts', () => ui.openDialog('shortcuts')],
    ['legend', () => ui.openDialog('legend')],
  ];
  const stops = table.map(([id, handler]) => registerCommand(id, handler));
  return () => stops.forEach((stop) => stop());
}
