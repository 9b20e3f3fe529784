/**
 * Scalar vs tensor in Chromium, on the MLP of lesson 7: open the comparison, step to the first matmul and
 * see its block of scalar nodes lit, collapse everything and open one block again by double-clicking it,
 * click a heatmap cell for the chain rule of W⁽¹⁾[0,0], and read the summary table. Screenshots go to
 * test-artifacts/compare-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, paintedPixels, screenshot, type OpenApp } from './setup/browser';

interface Hook {
  store: {
    cursor: number;
    expanded: number[];
    index: { ids: number[] } | null;
    state: { current: number | null; phase: string };
    model: { blocks: Map<number, { size: number }> } | null;
  };
  blockByLabel(label: string): number | null;
  classesOfBlock(block: number): string[];
  childCount(block: number): number;
  currentElements(): number[];
  elementsOf(node: number): number[];
  nodeCount(): number;
  blockPosition(block: number): { x: number; y: number } | null;
}
type Win = { __backstepCompare?: Hook };

describe('compare view in Chromium', () => {
  let app: OpenApp;
  const hook = <T>(fn: (h: Hook) => T): Promise<T> =>
    app.page.evaluate(
      // Serialised into the page: the function body is sent as text.
      (src) => new Function('h', `return (${src})(h)`)((globalThis as unknown as Win).__backstepCompare) as T,
      fn.toString(),
    );

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the MLP comparison with both graphs drawn and the summary table filled', async () => {
    const { page } = app;
    await page.click('[data-view="compare"]');
    await page.selectOption('[data-testid="compare-picker"]', 'mlp');
    await page.waitForSelector('[data-testid="compare-summary"]');
    await page.waitForSelector('[data-testid="scalar-graph"] canvas[data-id$="-node"]');
    const cell = (row: string, col: 't' | 's') => page.locator(`[data-row="${row}"] td.${col}`).textContent();
    // Lesson 7's MLP: 2 inputs, 2 hidden units, 1 output; 9 parameters, each its own scalar node.
    const counts = await hook((h) => {
      const c = (
        h.store as unknown as { comparison: { tensor: { nodes: number }; scalar: { nodes: number } } }
      ).comparison;
      return [c.tensor.nodes, c.scalar.nodes];
    });
    expect(await cell('nodes', 't')).toBe(String(counts[0]));
    expect(await cell('nodes', 's')).toBe(String(counts[1]));
    expect(counts[1]).toBeGreaterThan(2 * counts[0]!);
    expect(await page.locator('[data-row="graddiff"]').textContent()).toMatch(/0\.00e\+0 absolute/);
    expect(await cell('memory', 's')).toMatch(/KiB|B/);
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, '[data-testid="scalar-graph"]')).toBeGreaterThan(2000);
    expect(await hook((h) => h.nodeCount())).toBeGreaterThan(25);
  });

  it('steps the tensor graph and lights the matching block of scalar nodes', async () => {
    const { page } = app;
    const ids = await hook((h) => h.store.index!.ids);
    // The first layer: a matmul or a linear op, the first node with a block of products and sums.
    const matmulAt = await page.evaluate(() => {
      const w = globalThis as unknown as Win & { __backstep?: unknown };
      const idx = w.__backstepCompare!.store.index as unknown as {
        ids: number[];
        nodes: Map<number, { op: string }>;
      };
      return idx.ids.findIndex((id) => ['matmul', 'linear'].includes(idx.nodes.get(id)!.op));
    });
    expect(matmulAt).toBeGreaterThan(0);
    for (let k = 0; k <= matmulAt; k++) await page.click('[data-testid="cmp-step"]');
    const current = await hook((h) => h.store.state.current);
    expect(current).toBe(ids[matmulAt]);
    const blockSize = await page.evaluate(
      (b) => (globalThis as unknown as Win).__backstepCompare!.store.model!.blocks.get(b)!.size,
      current!,
    );
    // Two hidden units, each x₁W₁ + x₂W₂: at least two products and a sum per unit.
    expect(blockSize).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="cmp-step-text"]').textContent()).toMatch(
      new RegExp(`forward ${matmulAt + 1}/${ids.length}: .*(matmul|linear).*${blockSize} scalar nodes`),
    );
    const lit = await page.evaluate((b) => {
      const h = (globalThis as unknown as Win).__backstepCompare!;
      return { classes: h.classesOfBlock(b), lit: h.currentElements().sort(), want: h.elementsOf(b).sort() };
    }, current!);
    expect(lit.classes).toContain('current');
    expect(lit.lit).toEqual(lit.want);
    expect(lit.lit).toHaveLength(2);
    await screenshot(page, 'compare-step');
  });

  it('collapses all blocks, then opens one by double-clicking it', async () => {
    const { page } = app;
    const block = (await hook((h) => h.store.state.current))!;
    const blockSize = await page.evaluate(
      (b) => (globalThis as unknown as Win).__backstepCompare!.store.model!.blocks.get(b)!.size,
      block,
    );
    await page.click('[data-testid="cmp-collapse-all"]');
    await expect
      .poll(() =>
        page.evaluate((b) => (globalThis as unknown as Win).__backstepCompare!.childCount(b), block),
      )
      .toBe(0);
    await page.waitForTimeout(200);
    const pos = await page.evaluate(
      (b) => (globalThis as unknown as Win).__backstepCompare!.blockPosition(b),
      block,
    );
    const box = await page.locator('[data-testid="scalar-graph"]').boundingBox();
    expect(pos && box).toBeTruthy();
    await page.mouse.dblclick(box!.x + pos!.x, box!.y + pos!.y);
    await expect
      .poll(() =>
        page.evaluate((b) => (globalThis as unknown as Win).__backstepCompare!.childCount(b), block),
      )
      .toBe(blockSize);
    expect(await hook((h) => h.store.expanded.length)).toBe(1);
    await page.waitForTimeout(300);
    await screenshot(page, 'compare-expanded');
  });

  it('clicking a heatmap cell shows the scalar node and its chain rule', async () => {
    const { page } = app;
    await page.click('[data-testid="cmp-expand-all"]');
    await page.selectOption('[data-testid="heatmap-node"]', { label: 'W⁽¹⁾ [2,2]' });
    await page.click('[data-testid="cell-0"]');
    const chain = page.locator('[data-testid="chain-rule"]');
    await expect.poll(() => chain.textContent()).toContain('W⁽¹⁾[0,0]');
    // ∂f/∂W⁽¹⁾₁₁ = W⁽²⁾₁ σ(1)(1 − σ(1)) x₁ = 0.1966 (lesson 7's checkpoint)
    expect(await chain.textContent()).toMatch(/0\.1966/);
    expect(await page.locator('[data-testid="grad-match"]').textContent()).toMatch(/difference 0\.0e\+0/);
    await page.waitForTimeout(300);
    await screenshot(page, 'compare');
    expect(app.errors).toEqual([]);
  });

  it('opens the convolution lesson: 9 windows of 9 products each', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="compare-picker"]', 'conv');
    await expect.poll(() => hook((h) => h.store.index?.ids.length ?? 0)).toBeGreaterThan(2);
    const scalarNodes = await page.locator('[data-row="nodes"] td.s').textContent();
    // 25 pixels + 9 weights; 9 outputs × (9 products + 8 sums); Σ over 9 outputs: 8 additions.
    expect(Number(scalarNodes)).toBe(25 + 9 + 9 * 17 + 8);
    expect(await page.locator('[data-row="graddiff"]').textContent()).toMatch(/relative/);
    await page.click('[data-testid="cmp-end"]');
    await page.waitForTimeout(300);
    await screenshot(page, 'compare-conv');
  });

  it('opens a lowering over 5,000 nodes collapsed, and says so', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="compare-picker"]', 'mlp-large');
    await expect
      .poll(() => page.locator('[data-testid="cmp-notice"]').textContent())
      .toMatch(/opened collapsed/);
    expect(await hook((h) => h.store.expanded.length)).toBe(0);
    const blocks = await hook((h) => h.nodeCount());
    expect(blocks).toBeLessThan(20);
    expect(
      Number((await page.locator('[data-row="nodes"] td.s').textContent())!.replace(/,/g, '')),
    ).toBeGreaterThan(5000);
    await page.waitForTimeout(300);
    await screenshot(page, 'compare-large');
    // Step to the first layer: its block (7,680 products and sums) is too big to draw, and the view says so;
    // the sigmoid's block (512 nodes) opens.
    const at = (op: string) =>
      page.evaluate((o) => {
        const w = globalThis as unknown as Win;
        const idx = w.__backstepCompare!.store.index as unknown as {
          ids: number[];
          nodes: Map<number, { op: string }>;
        };
        return idx.ids.findIndex((id) => idx.nodes.get(id)!.op === o);
      }, op);
    const first = await at('matmul');
    for (let k = 0; k <= first; k++) await page.click('[data-testid="cmp-step"]');
    await page.click('[data-testid="cmp-expand-current"]');
    await expect
      .poll(() => page.locator('[data-testid="cmp-notice"]').textContent())
      .toMatch(/would draw 7,680/);
    const sig = await at('sigmoid');
    while ((await hook((h) => h.store.cursor)) < sig) await page.click('[data-testid="cmp-step"]');
    const block = (await hook((h) => h.store.state.current))!;
    const t0 = Date.now();
    await page.click('[data-testid="cmp-expand-current"]');
    await expect
      .poll(() =>
        page.evaluate((b) => (globalThis as unknown as Win).__backstepCompare!.childCount(b), block),
      )
      .toBe(512);
    console.log(`[e2e] opened a block of 512 scalar nodes in ${Date.now() - t0} ms`);
    await page.waitForTimeout(500);
    await screenshot(page, 'compare-large-expanded');
    expect(app.errors).toEqual([]);
  });
});
