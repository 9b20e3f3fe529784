/**
 * V8 flags for the app's renderer, where the engine runs. One: a larger young generation.
 *
 * A scalar training step builds its whole graph anew (A2: 68,814 nodes, about 4 MB with Chromium's compressed
 * pointers) and drops it after backward. With V8's default 16 MB semi-space a scavenge falls every few steps
 * and copies the live half-built graph; at 32 MB most graphs die before one is due. Measured in Chromium on
 * A2 (`npm run bench`, Chromium columns): median 6–8 → 4.6–4.8 ms, A1 9.7–10.5 → 5.3–5.6 ms; the cost is up
 * to 32 MB more memory in a busy renderer. Web mode runs in a browser with its own defaults.
 */
export const RENDERER_JS_FLAGS = '--max-semi-space-size=32';

/** The part of Electron's `app.commandLine` this needs (kept narrow so it is testable without Electron). */
export interface CommandLineLike {
  appendSwitch(name: string, value?: string): void;
  getSwitchValue(name: string): string;
}

/** Add our flags to any `--js-flags` already given on the command line (before the app is ready). */
export function applyJsFlags(commandLine: CommandLineLike): void {
  const given = commandLine.getSwitchValue('js-flags');
  commandLine.appendSwitch('js-flags', given ? `${given} ${RENDERER_JS_FLAGS}` : RENDERER_JS_FLAGS);
}
