/**
 * The report as Markdown: the same sections as the HTML, math left as `$…$` for the reader's renderer, and the
 * pictures (graphs, plots) written as SVG files beside it and linked by name.
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
import { escapeMdCell, formatNumber, formatValueInline, isScalar, lossName } from './format';
import { texName } from './html';
import type { PlainValue, ReportGraph, ReportInput } from './types';

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeMdCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

const cell = (v: PlainValue | null): string => (v === null ? '—' : formatValueInline(v));

/** Keep `$` math on one line inside a list item. */
const inlineMath = (latex: string): string => `$${latex.replace(/\s*\n\s*/g, ' ')}$`;

/** File names of the pictures written beside the Markdown: one per graph, one per plot. */
export interface MarkdownPictures {
  /** null for a graph too large to draw. */
  graphs: (string | null)[];
  plots: string[];
}

function graphMarkdown(g: ReportGraph, i: number, picture: string | null): string[] {
  const loss = lossName(g.trace.graph);
  const out: string[] = [`### Graph ${i + 1}: ${g.title}`, ''];
  if (g.caption) out.push(g.caption, '');
  if (g.trace.nonFinite) out.push(`> **Warning:** ${g.trace.nonFinite.message}`, '');
  out.push(
    picture ? `![Computation graph: ${g.title}](${picture})` : `*${tooBigNote(g)}*`,
    '',
    picture
      ? `Under each node its value and its gradient ∂${loss}/∂node; the thick outline is the output ${loss}.`
      : '',
    '',
    '#### Nodes',
    '',
    table(
      ['Node', 'Kind', 'Op', 'Shape', 'Value', `Gradient ∂${loss}/∂node`],
      nodeRows(g)
        .slice(0, MAX_TABLE_ROWS)
        .map((r) => [
          r.isOutput ? `**${r.label}** (output)` : r.label,
          r.kind,
          r.op,
          r.shape,
          cell(r.value),
          cell(r.grad),
        ]),
    ),
    '',
  );
  const total = g.trace.graph.nodes.length;
  if (total > MAX_TABLE_ROWS) out.push(`*Showing the first ${MAX_TABLE_ROWS} of ${total} nodes.*`, '');
  const fwd = forwardSteps(g);
  if (fwd.length) {
    out.push('#### Forward pass', '');
    fwd.slice(0, MAX_STEPS).forEach((e, k) => out.push(`${k + 1}. ${inlineMath(e.latex)}`));
    if (fwd.length > MAX_STEPS) out.push('', `*Showing the first ${MAX_STEPS} of ${fwd.length} steps.*`);
    out.push('');
  }
  const bwd = backwardSteps(g);
  if (bwd.length) {
    out.push(
      '#### Backward pass: the chain rule, step by step',
      '',
      "At each step the node's gradient is complete (upstream); it sends upstream × local derivative into each input.",
      '',
    );
    bwd.slice(0, MAX_STEPS).forEach((e, k) => {
      const name = labelOf(g, e.node);
      const up = isScalar(e.upstream)
        ? `: ${inlineMath(`\\frac{\\partial ${texName(loss)}}{\\partial ${texName(name)}} = ${formatNumber(e.upstream)}`)}`
        : '';
      out.push(
        `${k + 1}. At **${name}** (${e.op})${up}${e.seed !== undefined ? ` (the seed: ∂${loss}/∂${loss} = 1)` : ''}`,
      );
      for (const c of e.contributions) out.push(`   - ${inlineMath(c.latex)}`);
    });
    if (bwd.length > MAX_STEPS) out.push('', `*Showing the first ${MAX_STEPS} of ${bwd.length} steps.*`);
    out.push('');
  }
  out.push(
    '#### Numerical check',
    '',
    `Backprop's gradient next to the central difference (L(x + ε) − L(x − ε)) / 2ε. ${gradcheckSummary(g.check)}`,
    '',
  );
  if (g.check.rows.length)
    out.push(
      table(
        ['Node', `Backprop ∂${loss}/∂node`, 'Central difference', 'Error', 'Relative', ''],
        g.check.rows.map((r) => [
          r.label,
          formatValueInline(r.analytic),
          formatValueInline(r.numeric),
          r.absError.toExponential(1),
          r.relError.toExponential(1),
          r.ok ? '✓ agrees' : '✗ differs',
        ]),
      ),
      '',
    );
  return out;
}

/**
 * The notes were typed in a plain text box, where a line break is a line break; in Markdown a lone one joins the
 * lines. End each line that another line follows with two spaces (a hard break, invisible as plain text), except
 * in fenced code, which keeps its lines anyway.
 */
function hardBreaks(text: string): string {
  const lines = text.split(/\r?\n/);
  let fenced = false;
  return lines
    .map((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const next = lines[i + 1];
      const breaks = !fenced && line.trim() !== '' && next !== undefined && next.trim() !== '';
      return breaks && !/ {2}$/.test(line) ? `${line.trimEnd()}  ` : line;
    })
    .join('\n');
}

export function renderMarkdownReport(input: ReportInput, pictures: MarkdownPictures): string {
  const { lesson } = input;
  const out: string[] = [
    `# ${lesson.title}`,
    '',
    `*Backstep lesson report.* ${lesson.topic}`,
    '',
    table(
      ['', ''],
      [
        ['Lesson', lesson.id],
        ['Date', formatDate(input.date)],
        ['Backstep', input.appVersion],
      ],
    ),
    '',
    '## Computation graphs',
    '',
  ];
  if (input.graphs.length === 0) out.push('*This lesson has no graphs.*', '');
  input.graphs.forEach((g, i) => out.push(...graphMarkdown(g, i, pictures.graphs[i])));

  if (input.plots.length) {
    out.push('## Plots', '');
    input.plots.forEach((p, i) => out.push(`![${p.title}](${pictures.plots[i]})`, '', `*${p.title}*`, ''));
  }

  out.push('## Checkpoints', '', checkpointSummary(input), '');
  input.checkpoints.forEach((c, i) => {
    const verdict = c.correct === null ? 'not answered' : c.correct ? '✓ right' : '✗ not right';
    out.push(
      `${i + 1}. **${c.prompt.replace(/\n+/g, ' ')}**  `,
      `   Your answer: ${c.answer === null ? '*no answer*' : c.answer} — ${verdict}${attemptsText(c.attempts)}  `,
      `   Expected: ${c.expected}.${c.explanation ? ` ${c.explanation.replace(/\n+/g, ' ')}` : ''}`,
    );
  });
  if (input.checkpoints.length) out.push('');

  // Raw HTML in the notes is shown as text, as in the HTML report (markdown-it runs with html off there).
  // Only tag-like `<` is escaped, so math such as $x < 0$ stays as the student wrote it.
  const notes = hardBreaks(input.notes.trim().replace(/<(?=[A-Za-z/!?])/g, '&lt;'));
  out.push('## Notes', '', notes || '*No notes.*', '');
  out.push('---', '', `*Made with Backstep ${input.appVersion} on ${formatDate(input.date)}.*`, '');
  return out.join('\n');
}
