/**
 * `tsx bench/bundled.ts <script> [args…]`: bundle bench/<script>.ts with esbuild and run the bundle in a
 * fresh Node process. The benchmarks time the engine as the app ships it — one bundle with its modules
 * hoisted into one scope, as Vite builds the renderer — not through tsx's per-module getters, which cost
 * A1/A2 15–25 % on their own. Packages (tfjs) stay external and load from node_modules.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

const [script, ...args] = process.argv.slice(2);
if (!script || !/^[a-z]+$/.test(script)) {
  console.error('usage: tsx bench/bundled.ts <run|quick> [args…]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const outfile = resolve(root, 'bench/.out', `${script}.mjs`);
buildSync({
  entryPoints: [resolve(root, 'bench', `${script}.ts`)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
