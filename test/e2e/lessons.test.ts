/**
 * Lesson 2 in Chromium, as a student works it: open it, load its graph, step the forward and backward
 * passes, answer the ∂F/∂w₃ checkpoint wrong and then right, write a note, reload, and find the progress
 * (answer, ✓ in the browser, note, graph at the same step) still there. Screenshots: test-artifacts/lessons-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, paintedPixels, screenshot, type OpenApp } from './setup/browser';

// ∂F/∂w₃ worked by hand: x = 3, w₃ = 0.5, w₂ = 0.4, w₁ = 2, y = 1 (see lessons/02-chain-rule/lesson.md).
const z1 = Math.tanh(0.4 * 1.5);
const DF_DW3 = 2 * (2 * z1 - 1) * 2 * (1 - z1 * z1) * 0.4 * 3;

let app: OpenApp;

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1400, height: 860 } });
});
afterAll(async () => {
  await app?.close();
});

const stepCount = () => app.page.textContent('[data-testid="lesson-graph-pane"] [data-testid="step-count"]');
const card = '[data-checkpoint="dF-dw3"]';

describe('lesson 2 end to end', () => {
  it('opens the lesson, loads its graph and steps it forward and backward', async () => {
    const { page } = app;
    await page.click('[data-lesson="02-chain-rule"]');
    await expect
      .poll(() => page.textContent('[data-testid="lesson-article"] h1'))
      .toContain('The chain rule');
    await page.click('[data-graph="chain"] [data-testid="load-graph"]');
    await expect.poll(() => page.textContent('[data-testid="lesson-graph-title"]')).toContain('F(w, x, y)');
    expect(await paintedPixels(page, '[data-testid="lesson-graph-pane"]')).toBeGreaterThan(1000);
    // 12 nodes: 12 forward steps, then backward steps.
    const total = Number((await stepCount())?.split('/')[1]);
    expect(total).toBe(24);
    for (let i = 0; i < 12; i++)
      await page.click('[data-testid="lesson-graph-pane"] [data-testid="btn-step"]');
    expect(await stepCount()).toMatch(/^12 \/ 24$/);
    await page.click('[data-testid="lesson-graph-pane"] [data-testid="btn-step"]');
    await expect.poll(() => page.textContent('[data-testid="lesson-graph-pane"]')).toContain('backward step');
    for (let i = 0; i < 4; i++)
      await page.click('[data-testid="lesson-graph-pane"] [data-testid="btn-step"]');
    expect(await stepCount()).toMatch(/^17 \/ 24$/);
    await screenshot(page, 'lessons-graph');
    expect(app.errors).toEqual([]);
  });

  it('answers the checkpoint wrong, then right, with feedback in place', async () => {
    const { page } = app;
    await page.locator(card).scrollIntoViewIfNeeded();
    await page.fill(`${card} [data-testid="answer-input"]`, '0.5');
    await page.click(`${card} [data-testid="answer-submit"]`);
    await expect.poll(() => page.textContent(`${card} [data-testid="feedback"]`)).toContain('Not quite');
    // A wrong answer gives a hint, not the worked answer.
    expect(await page.textContent(`${card} [data-testid="feedback"]`)).not.toContain('0.2531');
    await screenshot(page, 'lessons-wrong', card);
    await page.fill(`${card} [data-testid="answer-input"]`, DF_DW3.toFixed(3));
    await page.click(`${card} [data-testid="answer-submit"]`);
    await expect.poll(() => page.textContent(`${card} [data-testid="feedback"]`)).toContain('Correct');
    expect(await page.textContent(`${card} [data-testid="feedback"]`)).toContain('2(w₁z₁ − y)w₁');
    expect(await page.textContent('[data-lesson="02-chain-rule"]')).toContain('1/3');
    await page.fill('[data-testid="notes"]', 'The factor ∂f₁/∂z₁ is shared.');
    await screenshot(page, 'lessons-answered');
  });

  it('keeps the answer, the note and the graph position after a reload', async () => {
    const { page } = app;
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('backstep.state.v1') ?? ''), { timeout: 5000 })
      .toContain('is shared');
    await app.reload();
    await expect
      .poll(() => page.textContent('[data-testid="lesson-article"] h1'))
      .toContain('The chain rule');
    expect(await page.textContent('[data-lesson="02-chain-rule"]')).toContain('1/3');
    expect(await page.textContent(`${card} [data-testid="feedback"]`)).toContain('Answered correctly');
    expect(await page.inputValue('[data-testid="notes"]')).toBe('The factor ∂f₁/∂z₁ is shared.');
    await expect.poll(() => stepCount()).toMatch(/^17 \/ 24$/);
    await screenshot(page, 'lessons-reloaded');
    expect(app.errors).toEqual([]);
  });

  it('shows a lesson’s non-finite node and the training view without errors', async () => {
    const { page } = app;
    await page.click('[data-lesson="06-log-sum-exp"]');
    await page.click('[data-graph="naive"] [data-testid="load-graph"]');
    await expect.poll(() => page.textContent('[data-testid="nonfinite"]')).toContain('exp');
    await page.click('[data-lesson="15-training-sgd"]');
    await page.click('[data-testid="open-training"]');
    await page.click('[data-testid="train-play"]');
    await page.waitForTimeout(1500);
    await page.click('[data-testid="train-pause"]');
    const status = (await page.textContent('[data-testid="train-status"]')) ?? '';
    expect(Number(/step (\d+)/.exec(status)?.[1])).toBeGreaterThan(20);
    await screenshot(page, 'lessons-training');
    expect(app.errors).toEqual([]);
  });

  it('sandbox: a syntax error names its position; a valid program opens in the debugger', async () => {
    const { page } = app;
    await page.click('.view-tab[data-view="sandbox"]');
    await page.fill('[data-testid="sandbox-input"]', 'x = 2\ny = tanh(x * ');
    await expect
      .poll(() => page.textContent('[data-testid="sandbox-error"]'))
      .toContain('line 2, column 14: unexpected end of input');
    await screenshot(page, 'lessons-sandbox-error');
    await page.fill('[data-testid="sandbox-input"]', 'x = 2; w = -3; b = 6.88\ny = tanh(x*w + b)');
    await page.click('[data-testid="sandbox-load"]');
    await expect.poll(() => page.getAttribute('.app', 'data-view')).toBe('debugger');
    expect(await page.textContent('[data-testid="step-count"]')).toMatch(/^0 \/ 12$/);
    expect(app.errors).toEqual([]);
  });
});
