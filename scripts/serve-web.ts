/** `npm run web`: serve dist-web at 127.0.0.1 (PORT or a free port) and print the URL. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from './static-server';

const folder = resolve(import.meta.dirname, '../dist-web');
if (!existsSync(resolve(folder, 'index.html'))) {
  console.error('dist-web/index.html is missing: run `npm run build:web` first (npm run web does both).');
  process.exit(1);
}
const port = Number(process.env['PORT'] ?? 0);
const { url } = await serveStatic(folder, Number.isInteger(port) ? port : 0);
console.log(`Backstep (web mode) is served at ${url}`);
console.log('Press Ctrl+C to stop.');
