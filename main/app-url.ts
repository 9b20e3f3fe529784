/**
 * Where the app's own page lives, and whether a URL is that page. Navigation, new windows and IPC senders
 * are all checked against this one rule.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppLocation = { kind: 'file'; indexPath: string } | { kind: 'dev'; origin: string };

/** The built page (out/renderer/index.html next to out/main/), or electron-vite's dev server. */
export function appLocation(mainDir: string, devUrl = process.env['ELECTRON_RENDERER_URL']): AppLocation {
  if (devUrl) return { kind: 'dev', origin: new URL(devUrl).origin };
  return { kind: 'file', indexPath: resolve(mainDir, '../renderer/index.html') };
}

export function appUrlOf(location: AppLocation): string {
  return location.kind === 'dev' ? `${location.origin}/` : `file://${location.indexPath}`;
}

/** True only for the app's own page (any #hash or ?query), never for another file or site. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return parsed.origin === location.origin;
  if (parsed.protocol !== 'file:') return false;
  try {
    return resolve(fileURLToPath(parsed)) === location.indexPath;
  } catch {
    return false;
  }
}
