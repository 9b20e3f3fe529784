/**
 * `npm run lint:security` (part of `npm run lint`): run Doyensec's electronegativity scanner over the
 * Electron side (main/, the preload, and the page's CSP in renderer/index.html) and fail on any HIGH or
 * MEDIUM finding. Reviewed findings are marked in the code with the scanner's own `eng-disable` comments,
 * each with the reason beside it.
 *
 * The scanner runs through its programmatic API: its CSV writer appends rows while the header is still
 * being written, which can scramble the file. AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it
 * downloads Electron's release list, which a build without network cannot do; the Electron version is
 * pinned in package.json instead.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: unknown[] }>;

const root = resolve(import.meta.dirname, '..');
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['electron'];

const stage = mkdtempSync(join(tmpdir(), 'backstep-scan-'));
try {
  cpSync(join(root, 'main'), join(stage, 'main'), { recursive: true });
  mkdirSync(join(stage, 'renderer'));
  cpSync(join(root, 'renderer/index.html'), join(stage, 'renderer/index.html'));
  const { issues, errors } = await run({
    input: stage,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    electronVersionOverride: electronVersion ?? '45.5.0',
    parserPlugins: [],
  });
  for (const i of issues) {
    const where = `${i.file}:${i.location.line}:${i.location.column}`;
    console.log(`${i.severity.name.padEnd(13)} ${i.id} ${where} (${i.confidence.name})`);
  }
  if (errors.length) console.log(`electronegativity could not parse ${errors.length} file(s):`, errors);
  const serious = issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
  console.log(
    `electronegativity: ${issues.length} finding(s), ${serious.length} high or medium` +
      (serious.length ? '' : ' — OK'),
  );
  process.exitCode = serious.length || errors.length ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
