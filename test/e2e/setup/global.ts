/**
 * Global setup of the e2e project: check that Chromium is installed, build the web app ONCE (into a
 * private temporary folder, so parallel runs never share one) and serve it on a free port on 127.0.0.1.
 * Tests read the address with `inject('appUrl')` (or simply call `openApp()` from ./browser).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../../scripts/static-server';
import { chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>/ serving the web build. */
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath(); // fails early, saying how to install it
  const root = resolve(import.meta.dirname, '../../..');
  const outDir = mkdtempSync(join(tmpdir(), 'backstep-e2e-'));
  const started = Date.now();
  await build({
    configFile: join(root, 'vite.web.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const server = await serveStatic(outDir);
  console.log(`[e2e] web app built in ${Date.now() - started} ms, served at ${server.url}`);
  project.provide('appUrl', server.url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
