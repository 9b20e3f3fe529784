/**
 * `npm run report -- --lesson <id> [--format html,md,pdf] [--out DIR] [--force]`
 *
 * Runs a lesson headless with its default steps (every graph built, traced and grad-checked, each training run
 * for DEFAULT_TRAINING_STEPS SGD steps; nothing answered),
 * renders the report with the same `renderReport` as the app, and writes each file atomically. Refuses to
 * overwrite an existing file without --force (and then writes nothing). Exit codes: 0 written, 1 failed,
 * 2 bad arguments (unknown option, lesson or format).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gradcheck, graphOf } from '../../engine/index';
import type { Lesson } from '../format/types';
import { FileExistsError, existingFiles, writeFileAtomic } from '../io/atomicWrite';
import { loadKatexAssets } from '../io/katexAssets';
import { htmlToPdf } from '../io/pdf';
import { readLessonSources } from '../node/sources';
import { runLessonHeadless } from '../runner/headless';
import { lessonModules } from '../runner/catalog';
import { loadLessons } from '../runner/load';
import { reportInputFromRun, rowsFromGradcheck } from '../report/fromLesson';
import { renderReport, reportBaseName } from '../report/render';
import { trainingPlots } from '../report/training';
import type { GradcheckRow, ReportFile } from '../report/types';

const USAGE = 'usage: npm run report -- --lesson <id> [--format html,md,pdf] [--out DIR] [--force]';
const FORMATS = ['html', 'md', 'pdf'] as const;
type CliFormat = (typeof FORMATS)[number];

/** Per-node check rows are worked out again for graphs up to this many leaf elements (each costs 2 forwards). */
const CHECK_ROWS_MAX_ELEMENTS = 400;

class UsageError extends Error {}

interface Options {
  lesson: string;
  formats: CliFormat[];
  out: string;
  force: boolean;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        lesson: { type: 'string' },
        format: { type: 'string', default: 'html' },
        out: { type: 'string', default: '.' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!v.lesson) throw new UsageError('missing --lesson <id>');
  const formats = [...new Set(v.format.split(',').map((f) => f.trim().toLowerCase()))].filter(Boolean);
  const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || formats.length === 0)
    throw new UsageError(
      `unknown format ${bad.map((f) => `"${f}"`).join(', ') || '""'} (expected one or more of: ${FORMATS.join(', ')})`,
    );
  return { lesson: v.lesson, formats: formats as CliFormat[], out: resolve(v.out), force: v.force };
}

function findLesson(id: string): Lesson {
  const loaded = loadLessons(readLessonSources(), lessonModules);
  for (const l of loaded) {
    if (l.ok && l.lesson.doc.meta.id === id) return l.lesson;
    if (!l.ok && l.broken.id === id) throw new Error(`lesson "${id}" does not load: ${l.broken.error}`);
  }
  const known = loaded.map((l) => (l.ok ? l.lesson.doc.meta.id : l.broken.id)).sort();
  throw new UsageError(`unknown lesson "${id}" (known lessons: ${known.join(', ')})`);
}

/** The numerical check per node, for the report's table (small graphs only; large ones keep the summary line). */
function checkRows(lesson: Lesson): Record<string, GradcheckRow[]> {
  const out: Record<string, GradcheckRow[]> = {};
  for (const [id, g] of Object.entries(lesson.module.graphs)) {
    const root = g.build();
    const graph = graphOf(root);
    const leafElements = graph.nodes
      .filter((n) => n.op === 'leaf' && n.kind !== 'constant')
      .reduce((s, n) => s + n.shape.reduce((a, b) => a * b, 1), 0);
    if (leafElements > CHECK_ROWS_MAX_ELEMENTS) continue;
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    try {
      out[id] = rowsFromGradcheck(gradcheck(root), (n) => nodes.get(n));
    } catch {
      // A graph the check cannot run on (e.g. non-finite forward) keeps the runner's summary line.
    }
  }
  return out;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** SOURCE_DATE_EPOCH (seconds) makes the report's date reproducible; otherwise now. */
function reportDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString()
    : new Date().toISOString();
}

async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  const lesson = findLesson(opts.lesson);
  const run = runLessonHeadless(opts.lesson, lessonModules, lesson.doc.meta);
  const input = reportInputFromRun({
    run,
    lesson,
    checkRows: checkRows(lesson),
    extraPlots: trainingPlots(lesson.module),
    appVersion: appVersion(),
    date: reportDate(),
  });

  const files: ReportFile[] = [];
  let html: string | null = null;
  const needsHtml = opts.formats.includes('html') || opts.formats.includes('pdf');
  if (needsHtml) html = renderReport(input, 'html', loadKatexAssets()).main.content;
  if (opts.formats.includes('html') && html !== null)
    files.push({ name: `${reportBaseName(opts.lesson)}.html`, content: html, mime: 'text/html' });
  if (opts.formats.includes('md')) {
    const md = renderReport(input, 'md');
    files.push(md.main, ...md.assets);
  }
  const pdfName = `${reportBaseName(opts.lesson)}.pdf`;

  const targets = [...files.map((f) => f.name), ...(opts.formats.includes('pdf') ? [pdfName] : [])].map((n) =>
    join(opts.out, n),
  );
  const existing = opts.force ? [] : existingFiles(targets);
  if (existing.length) {
    console.error(
      `report: not overwriting ${existing.join(', ')} (use --force to replace; nothing was written)`,
    );
    return 1;
  }
  // The PDF is made before anything is written, so a missing Chromium leaves no half-written set of files.
  const pdf = opts.formats.includes('pdf') && html !== null ? await htmlToPdf(html) : null;
  for (const f of files) await writeFileAtomic(join(opts.out, f.name), f.content, { overwrite: opts.force });
  if (pdf) await writeFileAtomic(join(opts.out, pdfName), pdf, { overwrite: opts.force });
  for (const t of targets) console.log(`wrote ${t}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`report: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    if (e instanceof FileExistsError) {
      console.error(`report: ${e.message}`);
      process.exit(1);
    }
    console.error(`report: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
