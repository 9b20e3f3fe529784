/**
 * The report as one self-contained HTML file: styles, pictures (inline SVG) and math (KaTeX rendered now) all
 * inside, no scripts, no external requests; readable offline and printable (this HTML is what becomes the PDF).
 */
import {
  MAX_STEPS,
  MAX_TABLE_ROWS,
  attemptsText,
  backwardSteps,
  checkpointSummary,
  formatDate,
  forwardSteps,
  gradcheckSummary,
  labelOf,
  nodeRows,
  tooBigNote,
} from './content';
import { escapeHtml, formatNumber, isScalar, lossName, shortLabel } from './format';
import { graphSvg } from './graphSvg';
import { subsetKatexCss } from './katexCss';
import { renderInlineMarkdown, renderMath, renderNotes } from './math';
import { plotSvg } from './plotSvg';
import { REPORT_CSS } from './reportCss';
import { valueHtml } from './tensorView';
import type { Positions, ReportGraph, ReportInput } from './types';

/** A node label as TeX: subscripts after an underscore survive, other specials are escaped. */
export function texName(label: string): string {
  const name = shortLabel(label);
  // Plain ASCII names (x, w1, z_2) read best as math; anything else (w₃, Unicode) is set as text.
  if (/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)?$/.test(name)) return name.replace(/_(\w+)/, '_{$1}');
  const text = name
    .replace(/\\/g, '\u0000')
    .replace(/([#$%&{}_])/g, '\\$1')
    .replace(/\^/g, '\\^{}')
    .replace(/~/g, '\\~{}')
    .replace(/\u0000/g, '\\textbackslash{}');
  return `\\text{${text}}`;
}

function section(id: string, title: string, body: string, level = 2): string {
  return `<section id="${id}">\n<h${level}>${escapeHtml(title)}</h${level}>\n${body}\n</section>`;
}

function legend(loss: string): string {
  return `<p class="legend"><span class="key data">input</span> <span class="key parameter">parameter</span> <span class="key constant">constant</span> <span class="key function">operation</span> · under each node its value (blue) and its gradient ∂${loss}/∂node (red); the thick outline is the output ${escapeHtml(loss)}.</p>`;
}

function nodesTable(g: ReportGraph): string {
  const all = nodeRows(g);
  const rows = all
    .slice(0, MAX_TABLE_ROWS)
    .map(
      (r) =>
        `<tr${r.isOutput ? ' class="output"' : ''}><td class="label">${escapeHtml(r.label)}</td><td>${escapeHtml(r.kind)}</td><td>${escapeHtml(r.op)}</td><td>${escapeHtml(r.shape)}</td><td>${valueHtml(r.value)}</td><td>${valueHtml(r.grad)}</td></tr>`,
    );
  return `<div class="table-wrap"><table class="data"><thead><tr><th>Node</th><th>Kind</th><th>Op</th><th>Shape</th><th>Value</th><th>Gradient ∂${escapeHtml(lossName(g.trace.graph))}/∂node</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>${all.length > MAX_TABLE_ROWS ? `<p class="note">Showing the first ${MAX_TABLE_ROWS} of ${all.length} nodes.</p>` : ''}`;
}

function cutNote(total: number): string {
  return total > MAX_STEPS ? `<p class="note">Showing the first ${MAX_STEPS} of ${total} steps.</p>` : '';
}

function forwardList(g: ReportGraph): string {
  const steps = forwardSteps(g);
  if (steps.length === 0) return '';
  const items = steps
    .slice(0, MAX_STEPS)
    .map((e) => `<li>${renderMath(e.latex)}</li>`)
    .join('\n');
  return `<h4>Forward pass</h4>\n<ol class="steps">\n${items}\n</ol>${cutNote(steps.length)}`;
}

function backwardList(g: ReportGraph): string {
  const loss = lossName(g.trace.graph);
  const steps = backwardSteps(g);
  if (steps.length === 0) return '';
  const items = steps.slice(0, MAX_STEPS).map((e) => {
    const name = labelOf(g, e.node);
    const up = isScalar(e.upstream)
      ? `: ${renderMath(`\\frac{\\partial ${texName(loss)}}{\\partial ${texName(name)}} = ${formatNumber(e.upstream)}`)}`
      : '';
    const seed =
      e.seed !== undefined
        ? ` <span class="seed">(the seed: ∂${escapeHtml(loss)}/∂${escapeHtml(loss)} = 1)</span>`
        : '';
    const lines = e.contributions.map((c) => `<li>${renderMath(c.latex)}</li>`).join('');
    return `<li><p class="at">At <b>${escapeHtml(name)}</b> (${escapeHtml(e.op)})${up}${seed}</p><ul class="chain">${lines}</ul></li>`;
  });
  return `<h4>Backward pass: the chain rule, step by step</h4>\n<p class="hint">At each step the node's gradient is complete (upstream); it sends upstream × local derivative into each input.</p>\n<ol class="steps">\n${items.join('\n')}\n</ol>${cutNote(steps.length)}`;
}

function checkTable(g: ReportGraph): string {
  const rows = g.check.rows.map(
    (r) =>
      `<tr class="${r.ok ? 'ok' : 'bad'}"><td class="label">${escapeHtml(r.label)}</td><td>${valueHtml(r.analytic)}</td><td>${valueHtml(r.numeric)}</td><td class="num">${r.absError.toExponential(1)}</td><td class="num">${r.relError.toExponential(1)}</td><td class="verdict-cell">${r.ok ? '✓ agrees' : '✗ differs'}</td></tr>`,
  );
  const table = rows.length
    ? `<div class="table-wrap"><table class="data"><thead><tr><th>Node</th><th>Backprop ∂${escapeHtml(lossName(g.trace.graph))}/∂node</th><th>Central difference</th><th>Error</th><th>Relative</th><th></th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`
    : '';
  const cls = g.check.passed === false || g.check.rows.some((r) => !r.ok) ? ' class="warning"' : '';
  return `<h4>Numerical check</h4>\n<p${cls}>Backprop's gradient next to the central difference (L(x + ε) − L(x − ε)) / 2ε. ${escapeHtml(gradcheckSummary(g.check))}</p>\n${table}`;
}

function graphSection(g: ReportGraph, i: number, positions: Positions | null): string {
  const warn = g.trace.nonFinite
    ? `<p class="warning">${escapeHtml(`Warning: ${g.trace.nonFinite.message}`)}</p>`
    : '';
  const caption = g.caption ? `<p class="caption">${renderInlineMarkdown(g.caption)}</p>` : '';
  const body = [
    caption,
    warn,
    positions ? `<figure class="graph">${graphSvg(g.trace.graph, positions)}</figure>` : '',
    positions ? legend(lossName(g.trace.graph)) : `<p class="note">${escapeHtml(tooBigNote(g))}</p>`,
    '<h4>Nodes</h4>',
    nodesTable(g),
    forwardList(g),
    backwardList(g),
    checkTable(g),
  ].filter(Boolean);
  return section(`graph-${i + 1}`, `Graph ${i + 1}: ${g.title}`, body.join('\n'), 3);
}

function checkpointsSection(input: ReportInput): string {
  const items = input.checkpoints.map((c) => {
    const verdict =
      c.correct === null
        ? '<span class="verdict none">not answered</span>'
        : c.correct
          ? '<span class="verdict right">✓ right</span>'
          : '<span class="verdict wrong">✗ not right</span>';
    const answer = c.answer === null ? '<i>no answer</i>' : renderInlineMarkdown(c.answer);
    const why = c.explanation ? ` ${renderInlineMarkdown(c.explanation)}` : '';
    return `<li><p class="q">${renderInlineMarkdown(c.prompt)}</p><p>Your answer: ${answer} — ${verdict}${attemptsText(c.attempts)}</p><p class="expected">Expected: ${renderInlineMarkdown(c.expected)}.${why}</p></li>`;
  });
  return section(
    'checkpoints',
    'Checkpoints',
    `<p>${escapeHtml(checkpointSummary(input))}</p>\n${items.length ? `<ol class="checkpoints">\n${items.join('\n')}\n</ol>` : ''}`,
  );
}

function plotsSection(input: ReportInput): string {
  if (input.plots.length === 0) return '';
  const figs = input.plots.map(
    (p) => `<figure class="plot">${plotSvg(p)}<figcaption>${escapeHtml(p.title)}</figcaption></figure>`,
  );
  return section('plots', 'Plots', figs.join('\n'));
}

function notesSection(input: ReportInput): string {
  const body = input.notes.trim() ? renderNotes(input.notes) : '<p class="none">No notes.</p>';
  return section('notes', 'Notes', `<div class="notes">${body}</div>`);
}

export function renderHtml(
  input: ReportInput,
  positions: readonly (Positions | null)[],
  katexCss: string,
): string {
  const { lesson } = input;
  const graphs = input.graphs.map((g, i) => graphSection(g, i, positions[i]));
  const body = [
    `<header>\n<p class="kicker">Backstep lesson report</p>\n<h1>${escapeHtml(lesson.title)}</h1>\n<p class="topic">${escapeHtml(lesson.topic)}</p>\n<dl class="meta"><dt>Lesson</dt><dd>${escapeHtml(lesson.id)}</dd><dt>Date</dt><dd>${escapeHtml(formatDate(input.date))}</dd><dt>Backstep</dt><dd>${escapeHtml(input.appVersion)}</dd></dl>\n</header>`,
    graphs.length
      ? section('graphs', 'Computation graphs', graphs.join('\n'))
      : section('graphs', 'Computation graphs', '<p class="none">This lesson has no graphs.</p>'),
    plotsSection(input),
    checkpointsSection(input),
    notesSection(input),
    `<footer>Made with Backstep ${escapeHtml(input.appVersion)} on ${escapeHtml(formatDate(input.date))}.</footer>`,
  ].filter(Boolean);
  const content = body.join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Backstep ${escapeHtml(input.appVersion)}">
<title>${escapeHtml(`${lesson.title} — Backstep report`)}</title>
<style>
${subsetKatexCss(katexCss, content)}
${REPORT_CSS}
</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}
