/**
 * The report command line end to end, spawned with tsx as a user runs it: a chain-rule report, the overwrite
 * refusal, bad arguments, and the PDF (first page rendered with pdftoppm and checked not blank).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'backstep-report-'));
  dirs.push(d);
  return d;
}

function report(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(TSX, ['lessons/cli/report.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1795000000', ...env },
    timeout: 110_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The chain-rule lesson's graph F = (w₁ tanh(w₂ w₃ x) − y)² at x = 3, w₃ = 0.5, w₂ = 0.4, w₁ = 2, y = 1, by hand. */
function chainRuleByHand() {
  const z2 = 0.5 * 3;
  const z1 = Math.tanh(0.4 * z2);
  const r = 2 * z1 - 1;
  const dz1 = 2 * r * 2; // ∂F/∂z₁ = 2(w₁z₁ − y)·w₁
  const dpre = dz1 * (1 - z1 * z1); // through tanh
  return { F: r * r, dw1: 2 * r * z1, dw2: dpre * z2, dw3: dpre * 0.4 * 3, dx: dpre * 0.4 * 0.5 };
}

function mdRow(md: string, label: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`no Markdown row for ${label}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('npm run report', () => {
  const out = tempDir();

  it('writes the chain-rule report as HTML and Markdown with the hand-worked gradients', () => {
    const r = report(['--lesson', '02-chain-rule', '--format', 'html,md', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      '02-chain-rule-report-graph-1.svg',
      '02-chain-rule-report.html',
      '02-chain-rule-report.md',
    ]);
    expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);

    const h = chainRuleByHand();
    const md = readFileSync(join(out, '02-chain-rule-report.md'), 'utf8');
    expect(mdRow(md, 'w₃')[5]).toBe(h.dw3.toFixed(4)); // 0.2531
    expect(mdRow(md, 'w₂')[5]).toBe(h.dw2.toFixed(4)); // 0.3164
    expect(mdRow(md, 'w₁')[5]).toBe(h.dw1.toFixed(4));
    expect(mdRow(md, 'x')[5]).toBe(h.dx.toFixed(4));
    expect(md).toContain(`| scalar | ${h.F.toPrecision(4)} | 1.0000 |`); // F ≈ 0.005490, seed 1
    expect(md).toContain('2026-11-18 11:06 UTC'); // SOURCE_DATE_EPOCH

    const html = readFileSync(join(out, '02-chain-rule-report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<span class="num">${h.dw3.toFixed(4)}</span>`);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="graph"');
  }, 120_000);

  it('refuses to overwrite without --force, writing nothing, and overwrites with it', () => {
    const file = join(out, '02-chain-rule-report.md');
    const before = statSync(file).mtimeMs;
    const r = report(['--lesson', '02-chain-rule', '--format', 'md', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not overwriting .*02-chain-rule-report\.md.*--force/);
    expect(statSync(file).mtimeMs).toBe(before);

    const f = report(['--lesson', '02-chain-rule', '--format', 'md', '--out', out, '--force']);
    expect(f.code).toBe(0);
    expect(statSync(file).mtimeMs).toBeGreaterThan(before);
  }, 120_000);

  it('exits 2 naming an unknown lesson, format or option', () => {
    const lesson = report(['--lesson', 'no-such-lesson', '--out', tempDir()]);
    expect(lesson.code).toBe(2);
    expect(lesson.err).toMatch(/unknown lesson "no-such-lesson" \(known lessons: .*02-chain-rule/);

    const fmt = report(['--lesson', '02-chain-rule', '--format', 'html,docx', '--out', tempDir()]);
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain('unknown format "docx" (expected one or more of: html, md, pdf)');

    const missing = report(['--format', 'md']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing --lesson <id>');

    const opt = report(['--lesson', '02-chain-rule', '--colour']);
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/--colour/);
    expect(opt.err).toContain('usage: npm run report');
  }, 120_000);

  it('says clearly when Chromium is missing for a PDF, and writes nothing', () => {
    const d = tempDir();
    const r = report(['--lesson', '02-chain-rule', '--format', 'html,pdf', '--out', d], {
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('PDF needs Chromium');
    expect(r.err).toContain('/nonexistent/chromium');
    expect(readdirSync(d)).toEqual([]);
  }, 120_000);
});

/** Reads a binary PPM (P6) as written by pdftoppm. */
function readPpm(buf: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not a binary PPM');
  return { width: Number(m[1]), height: Number(m[2]), pixels: buf.subarray(m[0].length) };
}

describe('npm run report --format pdf', () => {
  it('prints a PDF whose first page has the report on it', () => {
    expect(existsSync('/usr/bin/chromium'), 'Chromium is needed (.ci/run installs it)').toBe(true);
    expect(existsSync('/usr/bin/pdftoppm'), 'pdftoppm is needed (poppler-utils; .ci/run installs it)').toBe(
      true,
    );
    const d = tempDir();
    const r = report(['--lesson', '02-chain-rule', '--format', 'pdf', '--out', d]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const pdf = join(d, '02-chain-rule-report.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const ppm = spawnSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', pdf], { maxBuffer: 1 << 26 });
    expect(ppm.status).toBe(0);
    const img = readPpm(ppm.stdout);
    // A4 at 40 dpi is about 331 × 468 px.
    expect(img.width).toBeGreaterThan(300);
    expect(img.height).toBeGreaterThan(440);
    let ink = 0;
    let blue = 0;
    for (let i = 0; i < img.width * img.height; i++) {
      const [r, g, b] = [img.pixels[3 * i], img.pixels[3 * i + 1], img.pixels[3 * i + 2]];
      if (r + g + b < 600) ink++;
      if (b > r + 60) blue++; // the heading rule and the section titles are blue
    }
    const n = img.width * img.height;
    expect(ink / n).toBeGreaterThan(0.01);
    expect(ink / n).toBeLessThan(0.5);
    expect(blue).toBeGreaterThan(100);
  }, 120_000);
});
