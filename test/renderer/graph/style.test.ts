import { afterEach, describe, expect, it } from 'vitest';
import { GraphController } from '../../../renderer/src/graph/GraphController';
import {
  fade,
  graphStyle,
  LIGHT_THEME,
  SIMPLE_DOT,
  simpleDot,
  themeFromCss,
  type DotState,
} from '../../../renderer/src/graph/style';
import { indexTrace } from '../../../renderer/src/debugger/traceIndex';
import { fanOutTrace, X, Z } from '../debugger/fixtures';

describe('fade: a colour seen at an opacity over the pane, as one opaque colour', () => {
  it('mixes channel by channel and rounds', () => {
    // 0.5·0 + 0.5·255 = 127.5 → 128 = 0x80
    expect(fade('#000000', '#ffffff', 0.5)).toBe('#808080');
    // #dbeafe = (219, 234, 254) at 0.35 over white: 242.4, 247.65, 254.65
    expect(fade('#dbeafe', '#ffffff')).toBe('#f2f8ff');
    // Short hex, over a dark pane: #f00 at 0.35 over #202228 = (32, 34, 40): 110.05, 22.1, 26
    expect(fade('#f00', '#202228')).toBe('#6e161a');
  });

  it('gives null for colours it cannot read', () => {
    expect(fade('rgb(1, 2, 3)', '#ffffff')).toBeNull();
    expect(fade('#ffffff', 'white')).toBeNull();
  });
});

describe('dimming of nodes the forward pass has not reached', () => {
  let g: GraphController | null = null;
  afterEach(() => g?.destroy());

  it('is done with faded colours, not opacity (an opacity change re-sorts every element)', async () => {
    g = new GraphController(document.createElement('div'));
    await g.setTrace(indexTrace(fanOutTrace()), -1);
    expect(g.classesOf(X)).toContain('pending');
    expect(g.styleOf(X, 'opacity')).toBe('1');
    // Faded towards the light pane #f6f7f9 = (246, 247, 249): x is data, #dbeafe = (219, 234, 254) →
    // (236.55, 242.45, 250.75); its text #0f172a = (15, 23, 42) → (165.15, 168.6, 176.55).
    expect(g.styleOf(X, 'background-color')).toBe('rgb(237,242,251)');
    expect(g.styleOf(X, 'color')).toBe('rgb(165,169,177)');
    g.showCursor(0);
    expect(g.classesOf(X)).not.toContain('pending');
    expect(g.styleOf(X, 'background-color')).toBe('rgb(219,234,254)');
    // The current node is not dimmed either.
    g.showCursor(2);
    expect(g.classesOf(Z)).toContain('current');
    expect(g.styleOf(Z, 'opacity')).toBe('1');
    expect(g.styleOf(Z, 'color')).toBe('rgb(15,23,42)');
  });

  it('falls back to opacity for a theme whose colours are not hex', () => {
    const style = graphStyle({ ...LIGHT_THEME, pane: 'rgb(32, 34, 40)' });
    const pending = style.filter((r) => 'selector' in r && r.selector.startsWith('node.pending'));
    expect(pending).toEqual([{ selector: 'node.pending', style: { opacity: 0.35 } }]);
  });
});

describe('themeFromCss: the pane is what is actually behind the graph', () => {
  it('takes the first opaque background of the host or its ancestors', () => {
    const outer = document.createElement('div');
    outer.style.backgroundColor = 'rgb(10, 20, 30)';
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    try {
      expect(themeFromCss(false, host).pane).toBe('#0a141e');
      host.style.backgroundColor = 'rgba(0, 0, 0, 0)';
      expect(themeFromCss(false, host).pane).toBe('#0a141e');
      host.style.backgroundColor = 'rgb(255, 255, 255)';
      expect(themeFromCss(false, host).pane).toBe('#ffffff');
    } finally {
      outer.remove();
    }
  });
});

describe('simpleDot: a node of the simplified display, one flat colour per state', () => {
  const none: DotState = {
    pending: false,
    current: false,
    'has-grad': false,
    'grad-done': false,
    'check-fail': false,
  };
  const pane = LIGHT_THEME.pane; // #f6f7f9 = (246, 247, 249)
  it('colours a computed node by its kind, and gradients red', () => {
    expect(simpleDot('parameter', none, pane)).toEqual({ colour: '#eab308', size: 14 });
    expect(simpleDot('data', none, pane).colour).toBe('#3b82f6');
    expect(simpleDot('function', none, pane).colour).toBe('#94a3b8');
    expect(simpleDot('constant', none, pane).colour).toBe('#94a3b8');
    expect(simpleDot('function', { ...none, 'has-grad': true }, pane).colour).toBe('#fca5a5');
    expect(simpleDot('function', { ...none, 'grad-done': true }, pane).colour).toBe('#dc2626');
  });
  it('dims a node not computed yet as the full display does: its colour at 0.35 over the pane', () => {
    // #eab308 = (234, 179, 8): 0.35·234 + 0.65·246 = 241.8, 0.35·179 + 0.65·247 = 223.2, 0.35·8 + 0.65·249 = 164.65
    expect(simpleDot('parameter', { ...none, pending: true }, pane).colour).toBe('#f2dfa5');
    // Over a dark pane it stays dark (it was a fixed pale grey, brighter than the computed nodes there).
    // #94a3b8 = (148, 163, 184) over #101010: 0.35·148 + 0.65·16 = 62.2, 67.45, 74.8
    expect(simpleDot('function', { ...none, pending: true }, '#101010').colour).toBe('#3e434b');
  });
  it('draws the current step larger and orange, over a failed check, which is larger and dark red', () => {
    const failed = { ...none, 'grad-done': true, 'check-fail': true };
    // …each kept at least 9 and 12 px across on screen, however far the view zooms out.
    expect(simpleDot('function', failed, pane)).toEqual({ colour: '#7f1d1d', size: 22, minPx: 9 });
    expect(simpleDot('function', { ...failed, current: true }, pane)).toEqual({
      colour: '#f59e0b',
      size: 28,
      minPx: 12,
    });
    expect(SIMPLE_DOT.currentSize).toBeGreaterThan(SIMPLE_DOT.checkFailSize);
  });
});
