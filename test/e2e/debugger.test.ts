/**
 * The step debugger in Chromium, on micrograd's sanity-check expression (x = −4 → y = −20, ∂y/∂x = 46):
 * step through the forward pass, then the backward pass, step back, run the numerical check. A screenshot
 * of each phase goes to test-artifacts/debugger-*.png; the backward one is also README's docs/debugger.png
 * (with UPDATE_DOCS=1).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, toDocs, type OpenApp } from './setup/browser';

/** The page's `window.__backstep` hook (renderer/src/debugger/debugHook.ts), as far as this test uses it. */
interface Hook {
  loadExample(id: string): Promise<unknown>;
  labelOf(id: number): string;
  classesOf(id: number): string[];
  findNode(label: string): number | null;
  kernels(): 'wasm' | 'ts';
  currentInView(): boolean;
  stepTimed(): Promise<{ moved: boolean }>;
  screenPositionOf(id: number): { x: number; y: number } | null;
  cytoscapeFrames(): number;
  zoom(): number;
  overlay(): { tiles: number; drawn: number; pixels(x: number, y: number, n: number): number[] };
  overlayMatchesRedraw(): Promise<boolean>;
  store: {
    cursor: number;
    total: number;
    selected: number | null;
    backwardStart: number;
    trace: { events: { phase: string; op: string }[] } | null;
    select(id: number | null): void;
    seek(i: number): void;
    runForward(): void;
    step(): boolean;
  };
}
type Win = { __backstep?: Hook };

let app: OpenApp;
let page: Page;

// Playwright serialises these functions into the page (no closures), so each reads the hook itself.
const labelOf = (id: number): Promise<string> =>
  page.evaluate((i) => (globalThis as unknown as Win).__backstep!.labelOf(i), id);
const findNode = async (label: string): Promise<number> => {
  const id = await page.evaluate((l) => (globalThis as unknown as Win).__backstep!.findNode(l), label);
  if (id === null) throw new Error(`no node labelled ${label}`);
  return id;
};
const storeNum = (key: 'cursor' | 'total' | 'backwardStart'): Promise<number> =>
  page.evaluate((k) => (globalThis as unknown as Win).__backstep!.store[k], key);
const select = (id: number): Promise<void> =>
  page.evaluate((i) => (globalThis as unknown as Win).__backstep!.store.select(i), id);

/** The simplified display's overlay pixel (RGBA) at the centre of node `id`, as drawn on `on`. */
async function overlayPixelAt(on: Page, id: number): Promise<number[]> {
  const at = (await on.evaluate((i) => (globalThis as unknown as Win).__backstep!.screenPositionOf(i), id))!;
  return on.evaluate(
    ({ x, y }) =>
      (globalThis as unknown as Win).__backstep!.overlay().pixels(Math.round(x), Math.round(y), 1),
    at,
  );
}

async function shot(name: string): Promise<string> {
  const file = resolve(ARTIFACTS, `debugger-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await openApp({ viewport: { width: 1400, height: 860 } });
  page = app.page;
  await page.locator('[role=tab][data-view=debugger]').click();
  await page.waitForFunction(() => (globalThis as unknown as Win).__backstep !== undefined);
  await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('micrograd'));
  expect(app.errors).toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

describe('the engine in the page', () => {
  it('runs matrix products on its WebAssembly kernel: the page CSP lets it compile, and nothing complains', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as Win).__backstep!.kernels())).toBe('wasm');
    expect(app.errors).toEqual([]);
  });
});

describe('step debugger on the micrograd sanity check', () => {
  it('steps through the forward pass with → and shows y = −20.0000 on the output node', async () => {
    const y = await findNode('y');
    const forwardSteps = await storeNum('backwardStart');
    expect(await labelOf(y)).not.toContain('=');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (let i = 0; i < forwardSteps; i++) await page.keyboard.press('ArrowRight');
    expect(await storeNum('cursor')).toBe(forwardSteps - 1);
    expect(await labelOf(y)).toContain('= −20.0000');
    await expect.poll(() => page.getByTestId('step-text').textContent()).toMatch(/= −20\.0000$/);
    await shot('1-forward');
  });

  it('steps through the backward pass and shows ∂y/∂x = 46.0000 in the inspector', async () => {
    const x = await findNode('x');
    // The first backward step seeds ∂y/∂y = 1 and lights the edges into y, backwards.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('step-backward').textContent())
      .toContain('Seed: ∂y/∂y = 1.0000');
    await page.keyboard.press('End');
    await select(x);
    await expect
      .poll(() => page.getByTestId('node-grad').textContent())
      .toMatch(/∂y\/∂x = 46\.0000\s+\(complete\)/);
    expect(await labelOf(x)).toContain('∂ 46.0000');
    toDocs(await shot('2-backward'), 'debugger');
  });

  it('stepping back makes the gradients disappear again', async () => {
    const x = await findNode('x');
    const y = await findNode('y');
    const start = await storeNum('backwardStart');
    const total = await storeNum('total');
    for (let i = total - 1; i > start; i--) await page.keyboard.press('ArrowLeft');
    // At the first backward step only y has its gradient (the seed).
    expect(await labelOf(y)).toContain('∂ 1.0000');
    expect(await labelOf(x)).not.toContain('∂');
    await page.keyboard.press('ArrowLeft');
    expect(await labelOf(y)).toBe('+  y\n= −20.0000');
    await expect.poll(() => page.getByTestId('node-grad').textContent()).toContain('∂y/∂x: not reached');
    await shot('3-stepped-back');
  });

  it('runs the numerical check and every node passes', async () => {
    await page.keyboard.press('End');
    await page.getByTestId('check-all').click();
    const summary = page.getByTestId('check-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(/^\s*(\d+) \/ \1 nodes pass\s*$/);
    const rows = await page.getByTestId('check-row').count();
    expect(rows).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=check-row].bad').count()).toBe(0);
    await shot('4-check');
  });

  it('keeps a small graph still while it is all in view, and brings the current node back once zoomed in', async () => {
    await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('micrograd'));
    await page.getByTestId('btn-fit').click();
    const steps = (n: number): Promise<boolean[]> =>
      page.evaluate(async (k) => {
        const h = (globalThis as unknown as Win).__backstep!;
        const out: boolean[] = [];
        for (let i = 0; i < k; i++) out.push((await h.stepTimed()).moved);
        return out;
      }, n);
    // Fitted whole: x at the left edge and y at the right are in sight, so no step moves the view.
    expect((await steps(14)).some(Boolean)).toBe(false);
    // Zoomed in 4×, the backward pass soon reaches nodes out of sight: the view brings each one back.
    for (let i = 0; i < 6; i++) await page.getByTitle('Zoom in (+)').click();
    const moved = await steps(14);
    expect(moved.some(Boolean)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as Win).__backstep!.currentInView())).toBe(true);
    await page.getByTestId('btn-fit').click();
  });

  it('shows a tensor backward step of the MLP with heatmaps of upstream gradient and contribution', async () => {
    await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('mlp'));
    await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      const i = s.trace!.events.findIndex((e) => e.phase === 'backward' && e.op === 'matmul');
      s.select(null);
      s.seek(i);
    });
    const step = page.getByTestId('step-backward');
    await expect.poll(() => step.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await step.textContent()).toMatch(/upstream ∂L\/∂/);
    await shot('5-tensor');
    expect(app.errors).toEqual([]);
  });

  it('opens a large graph collapsed around the current step and follows it', async () => {
    await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('mlp-500'));
    await expect.poll(() => page.getByTestId('collapsed-note').isVisible()).toBe(true);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const inView = (): Promise<boolean> =>
      page.evaluate(() => (globalThis as unknown as Win).__backstep!.currentInView());
    // The view follows the current node forward and back (looking ahead in the direction of travel).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('ArrowRight');
      expect(await inView()).toBe(true);
    }
    expect(await storeNum('cursor')).toBe(39);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('ArrowLeft');
      expect(await inView()).toBe(true);
    }
    expect(await storeNum('cursor')).toBe(14);
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
    // The bench hook tells the steps that moved the view (each draws nodes not seen before) from the others.
    const moved = await page.evaluate(async () => {
      const h = (globalThis as unknown as Win).__backstep!;
      const out: boolean[] = [];
      for (let i = 0; i < 30; i++) out.push((await h.stepTimed()).moved);
      return out;
    });
    expect(moved.filter(Boolean).length).toBeGreaterThan(0);
    expect(moved.filter(Boolean).length).toBeLessThan(15);
    // Cytoscape refines changed labels' textures over the next frames; let it settle before the picture.
    await page.waitForTimeout(1500);
    await shot('6-large-collapsed');
    // What a frame draws (renderer/src/graph/cyBase.ts): the overlay canvases for dragged nodes and the
    // selection box, never used here, are not shown; at zoom 1 the node textures are copied pixel for pixel,
    // at other zooms filtered.
    const canvases = (): Promise<{ id: string | null; shown: boolean; smooth: boolean }[]> =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLCanvasElement>('.graph canvas')].map((c) => ({
          id: c.getAttribute('data-id'),
          shown: getComputedStyle(c).display !== 'none',
          smooth: c.getContext('2d')!.imageSmoothingEnabled,
        })),
      );
    const atOne = await canvases();
    expect(atOne.filter((c) => c.shown).map((c) => c.id)).toEqual(['layer2-node']);
    expect(atOne.find((c) => c.id === 'layer2-node')!.smooth).toBe(false);
    await page.getByTitle('Zoom in (+)').click();
    expect((await canvases()).find((c) => c.id === 'layer2-node')!.smooth).toBe(true);
    await page.getByTitle('Zoom out (−)').click();
    // A drag that starts on a node pans the view (nodes cannot be moved; Cytoscape alone did nothing then).
    const node = await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      return (s.trace!.events[s.cursor] as unknown as { node: number }).node;
    });
    const where = (): Promise<{ x: number; y: number } | null> =>
      page.evaluate((id) => (globalThis as unknown as Win).__backstep!.screenPositionOf(id), node);
    const from = (await where())!;
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    await page.mouse.move(box.x + from.x - 60, box.y + from.y - 30, { steps: 6 });
    await page.mouse.move(box.x + from.x - 120, box.y + from.y - 60, { steps: 6 });
    await page.mouse.up();
    const to = (await where())!;
    expect(to.x - from.x).toBeCloseTo(-120, 0);
    expect(to.y - from.y).toBeCloseTo(-60, 0);
    expect(app.errors).toEqual([]);
  });

  it('shows a large graph simplified as dots: the overlay draws each step, Cytoscape redraws nothing, a click selects', async () => {
    await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('mlp-500'));
    await page.getByTestId('btn-simple').click();
    await expect.poll(() => page.getByTestId('btn-simple').textContent()).toContain('full labels');
    // The legend tells the dots' colours.
    expect(await page.getByTestId('simple-legend').textContent()).toMatch(
      /gradient complete.*check failed.*this step/s,
    );
    // Step into the forward pass; the current node is a large orange dot on the overlay, at its place.
    const moves = await page.evaluate(async () => {
      const h = (globalThis as unknown as Win).__backstep!;
      h.store.seek(0);
      const out: boolean[] = [];
      for (let i = 0; i < 40; i++) out.push((await h.stepTimed()).moved);
      return out;
    });
    expect(await storeNum('cursor')).toBe(40);
    // The overview stays put while the current dot is in sight (it does not follow like the collapsed display).
    expect(moves.some(Boolean)).toBe(false);
    const current = await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      return (s.trace!.events[s.cursor] as unknown as { node: number }).node;
    });
    expect(
      await page.evaluate((id) => (globalThis as unknown as Win).__backstep!.classesOf(id), current),
    ).toContain('current');
    // The pixel at the node's centre on the overlay is the current step's orange (#f59e0b).
    expect(await overlayPixelAt(page, current)).toEqual([0xf5, 0x9e, 0x0b, 255]);
    // A step changes no element's style: Cytoscape draws no frame, only the overlay does. (Counted once
    // Cytoscape has settled: after a change it may still redraw from its layer cache as that fills.)
    const quiet = await page.evaluate(async () => {
      const h = (globalThis as unknown as Win).__backstep!;
      for (let quiet = 0, last = -1, tries = 0; quiet < 5 && tries < 50; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        const now = h.cytoscapeFrames();
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
      const before = h.cytoscapeFrames();
      const tiles = h.overlay().drawn;
      for (let i = 0; i < 5; i++) await h.stepTimed();
      return {
        frames: h.cytoscapeFrames() - before,
        tiles: h.overlay().drawn - tiles,
        of: h.overlay().tiles,
      };
    });
    expect(quiet.frames).toBe(0);
    // The overlay is a grid of tiles over the graph pane, and a step redraws only those where its two or
    // three dots and lit edges changed…
    expect(quiet.of).toBeGreaterThan(20);
    expect(quiet.tiles).toBeGreaterThan(0);
    expect(quiet.tiles).toBeLessThan((5 * quiet.of) / 2);
    // …and what the steps left equals the whole overlay drawn anew, pixel for pixel.
    expect(await page.evaluate(() => (globalThis as unknown as Win).__backstep!.overlayMatchesRedraw())).toBe(
      true,
    );
    // Dots still take clicks: a click on one selects its node in the inspector.
    const other = await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      return (s.trace!.events[3] as unknown as { node: number }).node;
    });
    const p = (await page.evaluate(
      (id) => (globalThis as unknown as Win).__backstep!.screenPositionOf(id),
      other,
    ))!;
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as Win).__backstep!.store.selected))
      .toBe(other);
    // …and the overlay draws the selected node's blue halo around its dot: along a line out from the dot's
    // centre, past the dot's edge, some pixel is the halo's colour alone (nothing is drawn there before).
    const halo = (): Promise<boolean> =>
      page.evaluate(({ x, y }) => {
        const row = (globalThis as unknown as Win)
          .__backstep!.overlay()
          .pixels(Math.round(x), Math.round(y), 40);
        for (let i = 0; i < 40; i++)
          // rgba(59, 130, 246, 0.35), up to the rounding of a canvas's premultiplied alpha
          if ([59, 130, 246, 89].every((v, k) => Math.abs(row[4 * i + k]! - v) <= 3)) return true;
        return false;
      }, p);
    await expect.poll(halo).toBe(true);
    // A click just beside a small dot, beyond what Cytoscape's hit test takes, still picks it (nearest dot).
    const near = await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      return (s.trace!.events[5] as unknown as { node: number }).node;
    });
    expect(near).not.toBe(other);
    const q = (await page.evaluate(
      (id) => (globalThis as unknown as Win).__backstep!.screenPositionOf(id),
      near,
    ))!;
    const z = await page.evaluate(() => (globalThis as unknown as Win).__backstep!.zoom());
    // A 14-unit dot: Cytoscape's own hit test takes it and 2 px around it; ours reaches 2 units further,
    // and at least 10 px. Click between the two.
    const cytoscapeReach = 7 * z + 2;
    const reach = Math.max(9 * z, 10);
    expect(reach - cytoscapeReach).toBeGreaterThan(1);
    await page.mouse.click(box.x + q.x + (cytoscapeReach + reach) / 2, box.y + q.y);
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as Win).__backstep!.store.selected))
      .toBe(near);
    await shot('7-simplified');
    // Away on another tab and back, the same graph is still simplified, its dots drawn.
    await page.locator('[role=tab][data-view=lessons]').click();
    await page.locator('[role=tab][data-view=debugger]').click();
    await expect.poll(() => page.getByTestId('btn-simple').textContent()).toContain('full labels');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const c = document.querySelector<HTMLElement>('.graph [data-id="state-dots"]');
          return c ? getComputedStyle(c).display : 'missing';
        }),
      )
      .toBe('block');
    await page.getByTestId('btn-simple').click();
    await expect.poll(() => page.getByTestId('btn-simple').textContent()).toContain('simplified');
    // Back in the full display, the elements carry the state again.
    const now = await page.evaluate(() => {
      const s = (globalThis as unknown as Win).__backstep!.store;
      return (s.trace!.events[s.cursor] as unknown as { node: number }).node;
    });
    expect(now).not.toBe(current);
    await expect
      .poll(() => page.evaluate((id) => (globalThis as unknown as Win).__backstep!.classesOf(id), now))
      .toContain('current');
    expect(app.errors).toEqual([]);
  });

  it('draws the simplified display at the screen’s pixel density (two device pixels per CSS pixel)', async () => {
    const hi = await openApp({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    try {
      const p = hi.page;
      await p.locator('[role=tab][data-view=debugger]').click();
      await p.waitForFunction(() => (globalThis as unknown as Win).__backstep !== undefined);
      await p.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('mlp-500'));
      await p.getByTestId('btn-simple').click();
      await expect.poll(() => p.getByTestId('btn-simple').textContent()).toContain('full labels');
      const current = await p.evaluate(async () => {
        const h = (globalThis as unknown as Win).__backstep!;
        h.store.seek(0);
        for (let i = 0; i < 10; i++) await h.stepTimed();
        return (h.store.trace!.events[h.store.cursor] as unknown as { node: number }).node;
      });
      // Each tile has twice as many pixels across as it takes on the page.
      const sizes = await p.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.graph [data-id="state-dots"] canvas')!;
        return { device: c.width, css: c.getBoundingClientRect().width };
      });
      expect(sizes.css).toBe(128);
      expect(sizes.device).toBe(256);
      // The current dot is where Cytoscape puts its node, in the current step's orange…
      expect(await overlayPixelAt(p, current)).toEqual([0xf5, 0x9e, 0x0b, 255]);
      // …and the tiles the steps left equal a full redraw.
      expect(await p.evaluate(() => (globalThis as unknown as Win).__backstep!.overlayMatchesRedraw())).toBe(
        true,
      );
      expect(hi.errors).toEqual([]);
    } finally {
      await hi.close();
    }
  });

  it('draws the graph in the dark theme with readable labels (colours from the theme variables)', async () => {
    await page.evaluate(() => (globalThis as unknown as Win).__backstep!.loadExample('micrograd'));
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark');
      await page.evaluate(() => (globalThis as unknown as Win).__backstep!.store.runForward());
      await page.evaluate(() => (globalThis as unknown as Win).__backstep!.store.step());
      await page.waitForTimeout(500);
      await shot('7-dark');
      // The legend under the graph and the side panel's muted text were fixed light-theme greys (≈2:1 on
      // the dark background); they come from the theme's variables now.
      const contrast = await page.evaluate(() => {
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string): number => {
          const [r, g, b] = rgb(c).map((v) => {
            const x = v / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const bg = lum(getComputedStyle(document.body).backgroundColor);
        return ['.graph-legend', '[data-testid=inspector] .muted'].map((sel) => {
          const el = document.querySelector(sel);
          if (!el) return `${sel}: missing`;
          const fg = lum(getComputedStyle(el).color);
          return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        });
      });
      for (const c of contrast) expect(c).toBeGreaterThanOrEqual(4.5);
      expect(app.errors).toEqual([]);
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});
