import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fileForAppUrl, serveApp } from '../../main/app-protocol';
import { net, protocolHandlers } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstep-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Backstep</title>');
  writeFileSync(join(dir, 'assets', 'index-1.js'), 'export const x = 1;');
  writeFileSync(join(dir, 'assets', 'KaTeX_Main.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(tmpdir(), 'secret.txt'), 'not for the page');
  serveApp(dir);
});

const get = (url: string) => protocolHandlers.get('app')!(new Request(url));

describe('app:// protocol', () => {
  it('maps app URLs to files inside the renderer folder only', () => {
    expect(fileForAppUrl('app://backstep/', dir)).toBe(join(dir, 'index.html'));
    expect(fileForAppUrl('app://backstep/assets/index-1.js?v=2#x', dir)).toBe(join(dir, 'assets/index-1.js'));
    expect(fileForAppUrl('app://backstep/../secret.txt', dir)).toBe(join(dir, 'secret.txt')); // URL parsing drops the ..
    expect(fileForAppUrl('app://backstep/%2e%2e/secret.txt', dir)).toBe(join(dir, 'secret.txt')); // so does %2e%2e
    expect(fileForAppUrl('app://backstep/assets/%2e%2e%2f%2e%2e%2fsecret.txt', dir)).toBeNull();
    expect(fileForAppUrl('app://backstep/%E0%A4%A', dir)).toBeNull(); // malformed escape
    expect(fileForAppUrl('app://elsewhere/index.html', dir)).toBeNull();
    expect(fileForAppUrl('file:///etc/passwd', dir)).toBeNull();
  });

  it('serves the page and its assets with explicit content types', async () => {
    const page = await get('app://backstep/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Backstep</title>');
    const script = await get('app://backstep/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    const font = await get('app://backstep/assets/KaTeX_Main.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers 404 outside the folder without touching the file system, and for missing files', async () => {
    net.fetch.mockClear();
    expect((await get('app://backstep/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
    expect((await get('app://backstep/assets/missing.js')).status).toBe(404);
  });
});
