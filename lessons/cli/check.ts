/**
 * `npm run lessons:check`: validates every lesson (front matter, directives, lesson.ts declarations), then
 * builds, traces and grad-checks every graph. Prints one line per lesson; exits 1 on any problem.
 */
import { loadLessonsFromDisk } from '../node/index';
import { lessonModules } from '../runner/catalog';
import { runLessonHeadless } from '../runner/headless';

function main(): number {
  const loaded = loadLessonsFromDisk();
  let problems = 0;
  const seen = new Set<string>();
  for (const l of loaded) {
    if (!l.ok) {
      problems++;
      console.error(`✗ ${l.broken.error}`);
      continue;
    }
    const { id } = l.lesson.doc.meta;
    seen.add(id);
    try {
      const run = runLessonHeadless(id, lessonModules, l.lesson.doc.meta);
      const bad = run.graphs.filter((g) => !g.gradcheck.passed && !g.trace.nonFinite);
      const nonFinite = run.graphs.filter((g) => g.trace.nonFinite).map((g) => g.id);
      if (bad.length) {
        problems++;
        for (const g of bad)
          console.error(
            `✗ ${l.lesson.doc.path}: graph "${g.id}": gradcheck failed: ${g.gradcheck.firstFailure}`,
          );
        continue;
      }
      const checks = Object.keys(l.lesson.module.checkpoints).length;
      const extra = nonFinite.length ? `, non-finite on purpose: ${nonFinite.join(', ')}` : '';
      console.log(
        `✓ ${id}: ${run.graphs.length} graphs, ${checks} checkpoints, ${run.plots.length} plots (${run.ms.toFixed(0)} ms${extra})`,
      );
    } catch (e) {
      problems++;
      console.error(`✗ ${l.lesson.doc.path.replace(/lesson\.md$/, 'lesson.ts')}: ${(e as Error).message}`);
    }
  }
  for (const id of Object.keys(lessonModules)) {
    if (!seen.has(id) && !loaded.some((l) => !l.ok && l.broken.id === id)) {
      problems++;
      console.error(`✗ lessons/${id}/lesson.md: missing (lesson.ts is registered)`);
    }
  }
  console.log(problems ? `${problems} problem(s)` : `all ${loaded.length} lessons OK`);
  return problems ? 1 : 0;
}

process.exitCode = main();
