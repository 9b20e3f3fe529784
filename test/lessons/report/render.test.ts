import { describe, expect, it } from 'vitest';
import { loadKatexAssets } from '../../../lessons/io/katexAssets';
import { entryFormatter, formatNumber } from '../../../lessons/report/format';
import { graphSvg } from '../../../lessons/report/graphSvg';
import { inlineKatexFonts, subsetKatexCss } from '../../../lessons/report/katexCss';
import { layoutGraph } from '../../../lessons/report/layout';
import { plotSvg } from '../../../lessons/report/plotSvg';
import { renderReport } from '../../../lessons/report/render';
import { chainRuleTrace, knownInput } from './fixture';

/** The cells of the HTML table row whose first cell is `label` (tags stripped). */
function htmlRow(html: string, label: string): string[] {
  for (const tr of html.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, '').trim(),
    );
    if (cells[0] === label) return cells;
  }
  throw new Error(`no row for ${label}`);
}

describe('renderReport html', () => {
  const html = renderReport(knownInput(), 'html', loadKatexAssets()).main.content;

  it('has the hand-worked values and gradients of f = (x + y) · z in the node table', () => {
    // x = −2, y = 5, q = 3, z = −4, f = −12; ∂f/∂x = ∂f/∂y = ∂f/∂q = z = −4, ∂f/∂z = q = 3, ∂f/∂f = 1.
    expect(htmlRow(html, 'x').slice(3)).toEqual(['scalar', '-2.0000', '-4.0000']);
    expect(htmlRow(html, 'y').slice(3)).toEqual(['scalar', '5.0000', '-4.0000']);
    expect(htmlRow(html, 'q').slice(2)).toEqual(['+ (add)', 'scalar', '3.0000', '-4.0000']);
    expect(htmlRow(html, 'z').slice(3)).toEqual(['scalar', '-4.0000', '3.0000']);
    expect(htmlRow(html, 'f').slice(2)).toEqual(['× (mul)', 'scalar', '-12.0000', '1.0000']);
  });

  it('contains no script and loads nothing from outside', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // the student's note, shown as text
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^(#|data:)/);
  });

  it('renders math with KaTeX at export time and embeds its woff2 fonts', () => {
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main[^}]*src:url\(data:font\/woff2;base64,/);
    expect(html).not.toMatch(/\.woff\)|\.ttf\)/);
    // No \mathfrak in this lesson: its font is left out (booleans, so a failure does not print the whole page).
    expect(/@font-face\{[^}]*KaTeX_Fraktur/.test(html)).toBe(false);
    expect(/@font-face\{[^}]*KaTeX_Math;[^}]*base64/.test(html)).toBe(true);
    // The chain-rule line ∂f/∂z += 1 × 3 = 3 is there as MathML numbers.
    expect(html).toMatch(/<mn>1\.0000<\/mn>[\s\S]{0,80}<mn>3\.0000<\/mn>/);
  });

  it('states the numerical check, the checkpoints with verdicts and the notes', () => {
    expect(htmlRow(html, 'z').length).toBeGreaterThan(0);
    expect(html).toContain('All 2 gradients agree with the central difference');
    expect(html).toContain('1 of 3 right (2 answered).');
    expect(html).toContain('✓ right');
    expect(html).toContain('✗ not right</span> (3 attempts)');
    expect(html).toContain('not answered');
    expect(html).toContain('<strong>distributes</strong>');
  });

  it('shows a small tensor in full and a large one as a heatmap with its summary', () => {
    expect(html).toContain(
      '<table class="tensor" title="2×2"><tbody><tr><td>1.5000</td><td>-0.2500</td></tr><tr><td>0.0000</td><td>2.0000</td></tr></tbody></table>',
    );
    // A[r][c] = (r − c)/10: min −0.9, max 0.9; 100 cells drawn.
    expect(html).toContain('10×10: min -0.9000, max 0.9000');
    expect(html.match(/<svg[^>]*class="heatmap"[\s\S]*?<\/svg>/)?.[0].match(/<rect /g)?.length).toBe(101);
  });

  it('is the same for the same input (one function for the app and the command line)', () => {
    expect(renderReport(knownInput(), 'html', loadKatexAssets()).main.content).toBe(html);
  });
});

describe('renderReport md', () => {
  const out = renderReport(knownInput(), 'md');
  const md = out.main.content;

  it('writes the node table and the chain-rule lines with their numbers', () => {
    expect(md).toContain('| x | input |  | scalar | -2.0000 | -4.0000 |');
    expect(md).toContain('| **f** (output) | operation | × (mul) | scalar | -12.0000 | 1.0000 |');
    expect(md).toContain(
      '   - $\\frac{\\partial f}{\\partial z} \\mathrel{+}= 1.0000 \\times 3.0000 = 3.0000$',
    );
    expect(md).toContain('$\\frac{\\partial f}{\\partial q} = -4.0000$');
    expect(md).toContain('| W | parameter |  | 2×2 | [[1.5000, -0.2500], [0.0000, 2.0000]] |');
  });

  it('links the pictures written beside it', () => {
    expect(out.assets.map((a) => a.name)).toEqual([
      '02-chain-rule-report-graph-1.svg',
      '02-chain-rule-report-graph-2.svg',
      '02-chain-rule-report-plot-1.svg',
    ]);
    for (const a of out.assets) {
      expect(md).toContain(`](${a.name})`);
      expect(a.content.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    }
    expect(md).toContain('Your answer: -12 — ✗ not right (3 attempts)');
    expect(md).toContain('&lt;script>');
    const withMath = knownInput();
    withMath.notes = 'relu passes nothing where $z < 0$.';
    expect(renderReport(withMath, 'md').main.content).toContain('relu passes nothing where $z < 0$.');
  });
});

describe('gradients from the trace', () => {
  it("takes each node's gradient from its backward event, not from a snapshot in the graph", () => {
    const input = knownInput();
    const g = input.graphs[0].trace.graph;
    g.nodes = g.nodes.map((n) => ({ ...n, grad: 0 }));
    const md = renderReport(input, 'md').main.content;
    // Upstream at each backward event: f 1, z 3, q −4, y −4, x −4 (the hand-worked values above).
    expect(md).toContain('| x | input |  | scalar | -2.0000 | -4.0000 |');
    expect(md).toContain('| z | parameter |  | scalar | -4.0000 | 3.0000 |');
    expect(md).toContain('| **f** (output) | operation | × (mul) | scalar | -12.0000 | 1.0000 |');
  });
});

describe('a graph that went non-finite', () => {
  it('says so above the graph, in both formats', () => {
    const input = knownInput();
    input.graphs[0].trace.nonFinite = {
      phase: 'forward',
      node: 5,
      op: 'mul',
      label: 'f',
      inputValues: [Infinity, -4],
      message: 'f = q · z is -Infinity: input q is Infinity',
    };
    expect(renderReport(input, 'html').main.content).toContain(
      '<p class="warning">Warning: f = q · z is -Infinity: input q is Infinity</p>',
    );
    expect(renderReport(input, 'md').main.content).toContain(
      '> **Warning:** f = q · z is -Infinity: input q is Infinity',
    );
  });
});

describe('a graph too large to draw', () => {
  it('gets a note instead of a picture, and its node table is cut at 500 rows', () => {
    const input = knownInput();
    const nodes = Array.from({ length: 620 }, (_, i) => ({
      ...chainRuleTrace().graph.nodes[0],
      id: 1000 + i,
      label: `a${i}`,
      name: `a${i}`,
    }));
    input.graphs = [
      { ...input.graphs[1], trace: { ...input.graphs[1].trace, graph: { nodes, edges: [], root: 1619 } } },
    ];
    const html = renderReport(input, 'html').main.content;
    expect(html).not.toContain('class="graph"');
    expect(html).toContain('The graph has 620 nodes, too many to draw legibly (up to 150)');
    expect(html).toContain('Showing the first 500 of 620 nodes.');
    expect(html.match(/<td class="label">a\d+<\/td>/g)?.length).toBe(500);
    const md = renderReport(input, 'md');
    expect(md.assets.map((a) => a.name)).toEqual(['02-chain-rule-report-plot-1.svg']);
    expect(md.main.content).toContain('*Showing the first 500 of 620 nodes.*');
  });
});

describe('graph picture', () => {
  it('lays the graph out left to right: every input left of its consumer', () => {
    const g = chainRuleTrace().graph;
    const pos = layoutGraph(g);
    for (const e of g.edges) expect(pos[e.source].x).toBeLessThan(pos[e.target].x);
  });

  it('draws one shape per node, one arrow per edge, and each node value and gradient', () => {
    const g = chainRuleTrace().graph;
    const svg = graphSvg(g, layoutGraph(g));
    expect(svg.match(/<g class="node /g)?.length).toBe(5);
    expect(svg.match(/<line [^>]*marker-end/g)?.length).toBe(4);
    expect(svg.match(/<circle /g)?.length).toBe(2); // + and ×
    expect(svg).toContain('>q = 3.0000<');
    expect(svg).toContain('>∂f/∂z = 3.0000<');
  });

  it('names the node that has no position', () => {
    const g = chainRuleTrace().graph;
    const pos = layoutGraph(g);
    delete pos[4];
    expect(() => graphSvg(g, pos)).toThrow(/no position for node 4/);
  });
});

describe('plot picture', () => {
  it('maps the first and last loss to the chart corners of the 0…0.8 axis', () => {
    const svg = plotSvg(knownInput().plots[0]);
    // Plot box x 68…584, y 16…236 for J in [0, 0.8]: J = 0.8 at (68, 16); J = 0.05 at (584, 16 + 220·0.75/0.8).
    const pts = svg.match(/points="([^"]+)"/)?.[1].split(' ');
    expect(pts?.[0]).toBe('68,16');
    expect(pts?.[4]).toBe(`584,${Math.round((16 + (220 * 0.75) / 0.8) * 10) / 10}`);
    expect(svg).toContain('>0.0<');
    expect(svg).toContain('>0.8<');
  });

  it('refuses a plot with nothing finite to draw, naming it', () => {
    expect(() =>
      plotSvg({
        title: 'J',
        xLabel: '',
        yLabel: '',
        logY: false,
        series: [{ name: 'J', points: [[0, NaN]] }],
      }),
    ).toThrow(/plot "J" has no finite points/);
  });
});

describe('KaTeX fonts and numbers', () => {
  it('keeps only the woff2 source as a data URI, and falls back when a font is missing', () => {
    const css =
      '@font-face{font-family:A;src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff")}' +
      '@font-face{font-family:B;src:url(fonts/B.woff2) format("woff2")}.x{color:red}';
    const out = inlineKatexFonts(css, (f) => (f === 'A.woff2' ? 'QUJD' : undefined));
    expect(out).toBe(
      '@font-face{font-family:A;src:url(data:font/woff2;base64,QUJD) format("woff2")}' +
        '@font-face{font-family:B;src:local("Times New Roman")}.x{color:red}',
    );
  });

  it('keeps only the font families the math uses', () => {
    const css =
      '@font-face{font-family:KaTeX_Main;font-weight:400;src:url(a)}@font-face{font-family:KaTeX_Math;src:url(b)}' +
      '@font-face{font-family:KaTeX_Fraktur;src:url(c)}@font-face{font-family:KaTeX_Size1;src:url(d)}' +
      '.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}.katex .mathfrak{font-family:KaTeX_Fraktur}' +
      '.katex .delimsizing.size1{font-family:KaTeX_Size1}';
    const out = subsetKatexCss(
      css,
      '<span class="katex"><span class="mord mathnormal">x</span><span class="size1">(</span></span>',
    );
    expect(out).toContain('font-family:KaTeX_Main;font-weight:400;src:url(a)');
    expect(out).toContain('font-family:KaTeX_Math;src:url(b)');
    expect(out).not.toContain('url(c)'); // no \mathfrak in the math
    expect(out).not.toContain('url(d)'); // size1 without delimsizing is not KaTeX_Size1
    expect(out).toContain('.katex .mathfrak{font-family:KaTeX_Fraktur}'); // rules stay, only faces go
  });

  it('prints whole-number tensors without decimals', () => {
    expect([120, -3, 0].map(entryFormatter([120, -3, 0]))).toEqual(['120', '-3', '0']);
    expect([1.5, 2].map(entryFormatter([1.5, 2]))).toEqual(['1.5000', '2.0000']);
    // One rule per tensor: 0.004259 next to 0.2142 gets 4 decimals too, so the column lines up.
    expect([0.2142, -0.004259].map(entryFormatter([0.2142, -0.004259]))).toEqual(['0.2142', '-0.0043']);
    expect([1e-7, 2e-7].map(entryFormatter([1e-7, 2e-7]))).toEqual(['1.000e-7', '2.000e-7']);
  });

  it('formats numbers with 4 decimals, and tiny or huge ones in exponent form', () => {
    expect(formatNumber(0)).toBe('0.0000');
    expect(formatNumber(-12)).toBe('-12.0000');
    expect(formatNumber(0.25307)).toBe('0.2531');
    expect(formatNumber(0.00549)).toBe('0.005490');
    expect(formatNumber(1e-7)).toBe('1.000e-7');
    expect(formatNumber(123456)).toBe('1.235e+5');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});
