/**
 * Electron's security checklist, the parts that apply to every web contents: no navigation away from the
 * app, no new windows, no <webview>, and every permission (camera, notifications, …) refused.
 */
import type { Session, WebContents } from 'electron';

/** Refuse navigation to anything but the app's page, all new windows, and <webview> tags. */
export function hardenWebContents(contents: WebContents, isAllowedUrl: (url: string) => boolean): void {
  const refuseUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseUnlessApp);
  contents.on('will-redirect', refuseUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Backstep needs no permission at all; refuse requests and checks alike. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
