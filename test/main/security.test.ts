import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, fakeSession } from './electron-fake';
import { appLocation, appUrlOf, isAppUrl } from '../../main/app-url';
import { denyAllPermissions, hardenWebContents } from '../../main/security';
import type { Session, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

const location = appLocation('/opt/backstep/out/main', '');
const isApp = (url: string) => isAppUrl(url, location);

describe('the app URL rule', () => {
  it('accepts only the app page on app://backstep, with any hash or query', () => {
    expect(appUrlOf(location)).toBe('app://backstep/index.html');
    expect(isApp('app://backstep/index.html')).toBe(true);
    expect(isApp('app://backstep/index.html#/lesson/2')).toBe(true);
    expect(isApp('app://backstep/')).toBe(true);
    expect(isApp('app://backstep/assets/other.html')).toBe(false);
    expect(isApp('app://evil/index.html')).toBe(false);
    expect(isApp('file:///opt/backstep/out/renderer/index.html')).toBe(false);
    expect(isApp('file:///etc/passwd')).toBe(false);
    expect(isApp('https://example.com/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    const dev = appLocation('/x', 'http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('app://backstep/index.html', dev)).toBe(false);
  });
});

describe('web contents hardening', () => {
  const harden = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, isApp);
    return contents;
  };

  it('refuses navigation and redirects away from the app', () => {
    const contents = harden();
    for (const eventName of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      contents.emit(eventName, away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalledOnce();
      const home = { preventDefault: vi.fn() };
      contents.emit(eventName, home, 'app://backstep/index.html#x');
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('denies every window.open and <webview>', () => {
    const contents = harden();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://backstep/index.html' })).toEqual({
      action: 'deny',
    });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies permission requests and checks', () => {
    const session = fakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.checkHandler?.({}, 'media')).toBe(false);
  });
});
