/**
 * The graph's look, all by classes so a step only toggles classes (one style pass per batch).
 * Kinds follow the lecture's drawings: data (inputs), parameters (W^{[l]}, b^{[l]}), constants, functions,
 * and the output. State classes: `pending` (forward not there yet: dimmed), `current`, `has-grad`,
 * `grad-done`, `check-fail` / `check-pass`, `bp` (breakpoint), `sel`; edges `flow-fwd` / `flow-bwd`, and
 * `plain` (no arrowhead) in the collapsed display of a large graph.
 */
import type { StylesheetJson } from 'cytoscape';

export const COLORS = {
  data: '#dbeafe',
  parameter: '#fef3c7',
  constant: '#f1f5f9',
  function: '#ffffff',
  output: '#dcfce7',
  forward: '#2563eb',
  backward: '#dc2626',
  current: '#f59e0b',
  fail: '#dc2626',
  /** A node whose numerical check failed: red fill, dark text in either theme. */
  failFill: '#fecaca',
  failText: '#0f172a',
  pass: '#16a34a',
  /** The selected node's halo. */
  select: '#3b82f6',
} as const;

/** The simplified display's dots (drawn by dotOverlay.ts): one flat colour per state. */
export const SIMPLE_DOT = {
  size: 14,
  function: '#94a3b8',
  parameter: '#eab308',
  data: '#3b82f6',
  /** A node not computed yet where the pane's colour is not hex (else its colour faded over the pane). */
  pending: '#e2e8f0',
  hasGrad: '#fca5a5',
  gradDone: COLORS.backward,
  checkFail: '#7f1d1d',
  checkFailSize: 22,
  current: COLORS.current,
  currentSize: 28,
  /** Least diameters on screen (px) of the current step's dot and a failed check's, zoomed out however far. */
  currentMinPx: 12,
  checkFailMinPx: 9,
} as const;

/** The state classes a simplified dot's look depends on. */
export interface DotState {
  pending: boolean;
  current: boolean;
  'has-grad': boolean;
  'grad-done': boolean;
  'check-fail': boolean;
}

/**
 * A simplified dot's colour and diameter. The current step's dot is largest and orange; a failed check is
 * dark red; otherwise the gradient's progress (red), else the node's kind, dimmed (faded over the pane,
 * `pane`, as the full display dims) while the forward pass has not reached it.
 */
export function simpleDot(
  kind: string,
  s: DotState,
  pane: string,
): { colour: string; size: number; minPx?: number } {
  if (s.current)
    return { colour: SIMPLE_DOT.current, size: SIMPLE_DOT.currentSize, minPx: SIMPLE_DOT.currentMinPx };
  if (s['check-fail'])
    return { colour: SIMPLE_DOT.checkFail, size: SIMPLE_DOT.checkFailSize, minPx: SIMPLE_DOT.checkFailMinPx };
  if (s['grad-done']) return { colour: SIMPLE_DOT.gradDone, size: SIMPLE_DOT.size };
  if (s['has-grad']) return { colour: SIMPLE_DOT.hasGrad, size: SIMPLE_DOT.size };
  const base =
    kind === 'parameter' ? SIMPLE_DOT.parameter : kind === 'data' ? SIMPLE_DOT.data : SIMPLE_DOT.function;
  const colour = s.pending ? (fade(base, pane) ?? SIMPLE_DOT.pending) : base;
  return { colour, size: SIMPLE_DOT.size };
}

/** The theme's colours the graph draws with (from the CSS variables of styles/theme.css). */
export interface GraphTheme {
  text: string;
  border: string;
  edge: string;
  data: string;
  parameter: string;
  constant: string;
  function: string;
  output: string;
  /** The panel colour (the background of an exported picture). */
  surface: string;
  /** What shows behind the graph on screen: dimmed nodes are faded towards it. */
  pane: string;
}

/** Light theme: the look before themes (text on pale fills). */
export const LIGHT_THEME: GraphTheme = {
  text: '#0f172a',
  border: '#64748b',
  edge: '#94a3b8',
  data: COLORS.data,
  parameter: COLORS.parameter,
  constant: COLORS.constant,
  function: COLORS.function,
  output: COLORS.output,
  surface: '#ffffff',
  pane: '#f6f7f9',
};

const THEME_VARS: Record<keyof GraphTheme, string> = {
  text: '--text',
  border: '--border-strong',
  edge: '--edge',
  data: '--kind-data',
  parameter: '--kind-parameter',
  constant: '--kind-constant',
  function: '--kind-function',
  output: '--kind-output',
  surface: '--surface',
  pane: '--bg',
};

/**
 * The graph's colours from the page's theme variables (read once per theme change); in the light theme,
 * and where a variable is missing (tests, no document), the light look. With `el` (the graph's host), the
 * pane is the background actually behind it.
 */
export function themeFromCss(dark: boolean, el?: Element): GraphTheme {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return LIGHT_THEME;
  let theme = LIGHT_THEME;
  if (dark) {
    const css = getComputedStyle(el ?? document.documentElement);
    const out = { ...LIGHT_THEME };
    for (const k of Object.keys(THEME_VARS) as (keyof GraphTheme)[]) {
      const v = css.getPropertyValue(THEME_VARS[k]).trim();
      if (v) out[k] = v;
    }
    theme = out;
  }
  const pane = el ? backgroundBehind(el) : null;
  return pane && pane !== theme.pane ? { ...theme, pane } : theme;
}

/** The first opaque background colour of `el` or its ancestors, as #rrggbb (null: none found). */
function backgroundBehind(el: Element): string | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    const m = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,/\s]+([\d.]+))?\s*\)$/.exec(c ?? '');
    if (m && (m[4] === undefined || Number(m[4]) === 1)) return hex([+m[1]!, +m[2]!, +m[3]!]);
    if (/^#[0-9a-f]{6}$/i.test(c ?? '')) return c.toLowerCase();
  }
  return null;
}

const hex = (rgb: readonly number[]): string =>
  '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');

/** How much of a dimmed node's colours is left (the rest is the pane behind it). */
export const PENDING_ALPHA = 0.35;

function rgbOf(c: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * `color` seen at opacity `alpha` over `behind`, as one opaque colour (hex colours; null for others).
 * Exported for tests.
 */
export function fade(color: string, behind: string, alpha = PENDING_ALPHA): string | null {
  const a = rgbOf(color);
  const b = rgbOf(behind);
  if (!a || !b) return null;
  return hex(a.map((v, i) => Math.round(alpha * v + (1 - alpha) * b[i]!)));
}

/**
 * Nodes the forward pass has not reached are dimmed. With `opacity` that is one style rule, but Cytoscape
 * re-sorts every element by z-order whenever an element's opacity changes (about 3 ms a frame for a 700-
 * element collapsed display), and each forward step un-dims a node. So the dimmed look is given as the same
 * colours faded towards the pane: what opacity 0.35 would show, without the re-sort or the alpha blending.
 * Theme colours that are not hex fall back to opacity.
 */
function pendingStyle(theme: GraphTheme): StylesheetJson {
  const f = (c: string): string | null => fade(c, theme.pane);
  const colours = [
    theme.function,
    theme.border,
    theme.text,
    theme.data,
    theme.parameter,
    theme.constant,
    theme.output,
  ];
  if (colours.some((c) => f(c) === null))
    return [{ selector: 'node.pending', style: { opacity: PENDING_ALPHA } }];
  const rule = (selector: string, style: Record<string, string | null>): StylesheetJson[number] => ({
    selector,
    style: style as Record<string, string>,
  });
  return [
    rule('node.pending', {
      'background-color': f(theme.function),
      'border-color': f(theme.border),
      color: f(theme.text),
    }),
    rule('node.pending.kind-data', { 'background-color': f(theme.data) }),
    rule('node.pending.kind-parameter', { 'background-color': f(theme.parameter) }),
    rule('node.pending.kind-constant', { 'background-color': f(theme.constant) }),
    rule('node.pending.output', { 'background-color': f(theme.output), 'border-color': f(COLORS.pass) }),
    rule('node.pending.check-fail', {
      'background-color': f(COLORS.failFill),
      'border-color': f(COLORS.fail),
      color: f(COLORS.failText),
    }),
    rule('node.pending.bp', { 'outline-color': f(COLORS.fail) }),
  ];
}

export function graphStyle(theme: GraphTheme = LIGHT_THEME): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-family': 'ui-monospace, "DejaVu Sans Mono", monospace',
        'font-size': 12,
        'line-height': 1.25,
        color: theme.text,
        'background-color': theme.function,
        'border-width': 1.5,
        'border-color': theme.border,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node.kind-data', style: { 'background-color': theme.data, shape: 'ellipse' } },
    { selector: 'node.kind-parameter', style: { 'background-color': theme.parameter, shape: 'ellipse' } },
    {
      selector: 'node.kind-constant',
      style: { 'background-color': theme.constant, shape: 'ellipse', 'border-style': 'dashed' },
    },
    {
      selector: 'node.output',
      style: { 'background-color': theme.output, 'border-width': 3, 'border-color': COLORS.pass },
    },
    {
      selector: 'node.has-grad',
      style: { 'border-color': COLORS.backward, 'border-style': 'dotted', 'border-width': 2 },
    },
    {
      selector: 'node.grad-done',
      style: { 'border-color': COLORS.backward, 'border-style': 'solid', 'border-width': 2 },
    },
    {
      selector: 'node.check-pass',
      style: { 'underlay-color': COLORS.pass, 'underlay-opacity': 0.25, 'underlay-padding': 4 },
    },
    {
      selector: 'node.check-fail',
      style: {
        'background-color': COLORS.failFill,
        color: COLORS.failText,
        'border-color': COLORS.fail,
        'border-width': 3,
        'border-style': 'solid',
      },
    },
    { selector: 'node.bp', style: { 'outline-color': COLORS.fail, 'outline-width': 3, 'outline-offset': 2 } },
    ...pendingStyle(theme),
    {
      selector: 'node.current',
      style: { 'border-color': COLORS.current, 'border-width': 4, 'border-style': 'solid' },
    },
    {
      selector: 'node.sel',
      style: { 'overlay-color': COLORS.select, 'overlay-opacity': 0.15, 'overlay-padding': 6 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'line-color': theme.edge,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': theme.edge,
        'arrow-scale': 0.9,
      },
    },
    // The collapsed display of a large graph: its layered layout runs every edge left to right (top to
    // bottom), so an arrowhead says nothing the position does not, and drawing ~80 of them cost ~3 ms a
    // frame; the lit edges of the current step keep theirs.
    { selector: 'edge.plain', style: { 'target-arrow-shape': 'none' } },
    {
      selector: 'edge.flow-fwd',
      style: {
        width: 3,
        'line-color': COLORS.forward,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': COLORS.forward,
      },
    },
    {
      // The gradient flows against the edge: from the consumer back to its input.
      selector: 'edge.flow-bwd',
      style: {
        width: 3,
        'line-color': COLORS.backward,
        'line-style': 'dashed',
        'target-arrow-shape': 'none',
        'source-arrow-shape': 'triangle',
        'source-arrow-color': COLORS.backward,
      },
    },
    // Simplified display for very large graphs: no text, straight edges, no arrows. Its dots are drawn over
    // Cytoscape's canvas by dotOverlay.ts, in the colours of `simpleDot` (so a step restyles no element, and
    // Cytoscape, which redraws every element on any change, draws nothing); here they are clear, and still
    // take clicks.
    {
      selector: 'node.simple',
      style: {
        label: '',
        width: SIMPLE_DOT.size,
        height: SIMPLE_DOT.size,
        shape: 'ellipse',
        'border-width': 0,
        opacity: 1,
        'background-opacity': 0,
      },
    },
    { selector: 'edge.simple', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 1 } },
  ];
}
