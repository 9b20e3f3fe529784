/**
 * The app's page is served from `app://backstep/`, not `file://` (Electron's security checklist: prefer a
 * custom protocol). Only files inside the built renderer folder are served; a file:// page could read
 * any file the user can, this one only its own bundle.
 */
import { net, protocol } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from './app-url';
import { contentTypeOf } from './mime';

/** Before `ready`: make app:// a standard, secure scheme (relative URLs, fetch, a real origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The file an app:// URL names inside `rendererDir`, or null when it names anything outside it. */
export function fileForAppUrl(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  const file = resolve(rendererDir, '.' + path);
  const inside = relative(rendererDir, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** After `ready`: answer app:// requests from the built renderer folder, with explicit content types. */
export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForAppUrl(request.url, rendererDir);
    if (!file) return new Response('not found', { status: 404 });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return new Response('not found', { status: 404 });
    }
    if (!response.ok) return new Response('not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(file), 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
