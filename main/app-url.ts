/**
 * Where the app's own page lives, and whether a URL is that page. Navigation, new windows and IPC senders
 * are all checked against this one rule.
 */
import { resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'backstep';

/** Built: the renderer folder served as app://backstep/ (main/app-protocol.ts). Dev: electron-vite's server. */
export type AppLocation = { kind: 'app'; rendererDir: string } | { kind: 'dev'; origin: string };

export function appLocation(mainDir: string, devUrl = process.env['ELECTRON_RENDERER_URL']): AppLocation {
  if (devUrl) return { kind: 'dev', origin: new URL(devUrl).origin };
  return { kind: 'app', rendererDir: resolve(mainDir, '../renderer') };
}

export function appUrlOf(location: AppLocation): string {
  return location.kind === 'dev' ? `${location.origin}/` : `${APP_SCHEME}://${APP_HOST}/index.html`;
}

/** True only for the app's own page (any #hash or ?query), never for another page or site. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return parsed.origin === location.origin;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    (parsed.pathname === '/index.html' || parsed.pathname === '/')
  );
}
