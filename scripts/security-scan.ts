/**
 * `npm run lint:security` (part of `npm run lint`): run Doyensec's electronegativity scanner over the
 * Electron side (main/, the preload, and the page's CSP in renderer/index.html) and fail on any HIGH or
 * MEDIUM finding. Reviewed findings are marked in the code with the scanner's own `eng-disable` comments,
 * each with the reason beside it.
 *
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it downloads Electron's release list, which a
 * build without network cannot do; the Electron version is pinned in package.json instead.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const scanner = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['electron'];

const stage = mkdtempSync(join(tmpdir(), 'backstep-scan-'));
try {
  cpSync(join(root, 'main'), join(stage, 'main'), { recursive: true });
  cpSync(join(root, 'renderer/index.html'), join(stage, 'renderer/index.html'));
  const csv = join(stage, 'findings.csv');
  const run = spawnSync(
    process.execPath,
    [
      scanner,
      '-i',
      stage,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion ?? '45.5.0',
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      csv,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  let text: string;
  try {
    text = readFileSync(csv, 'utf8');
  } catch {
    console.error(
      `electronegativity did not produce a report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
    );
    process.exit(2);
  }
  const findings = text
    .trim()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [id, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
      return { id, severity, confidence, file, location };
    });
  for (const f of findings)
    console.log(`${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.location} (${f.confidence})`);
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  console.log(
    `electronegativity: ${findings.length} finding(s), ${serious.length} high or medium` +
      (serious.length ? '' : ' — OK'),
  );
  process.exitCode = serious.length ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
