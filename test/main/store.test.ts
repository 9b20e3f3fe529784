import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshAppState } from '../../main/contract/state';
import { StateStore } from '../../main/state/store';
import * as fs from 'node:fs';

let dir: string;
let file: string;
const at = new Date('2026-11-27T14:05:06.789Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstep-store-'));
  file = join(dir, 'state.json');
});

afterEach(() => vi.useRealTimers());

const newStore = () => new StateStore(file, fs, () => at, 50);

describe('StateStore', () => {
  it('starts fresh and silent when there is no file', () => {
    const store = newStore();
    expect(store.load().app).toEqual(freshAppState());
    expect(store.takeNotice()).toBeNull();
  });

  it('reads back what it saved', () => {
    const store = newStore();
    store.load();
    store.setApp({
      ...freshAppState(),
      theme: 'dark',
      lastLesson: 'chain-rule',
      lessons: { 'chain-rule': { done: true, answers: { q1: 0.25 }, notes: 'dz/dx = 3' } },
      debugger: { graphId: 'neuron', cursor: 7 },
    });
    store.updateDesktop((d) => ({
      ...d,
      windowBounds: { x: 1, y: 2, width: 800, height: 600, maximized: false },
    }));
    store.flush();
    const again = newStore();
    const state = again.load();
    expect(state.app.theme).toBe('dark');
    expect(state.app.lessons['chain-rule']).toEqual({
      done: true,
      answers: { q1: 0.25 },
      notes: 'dz/dx = 3',
    });
    expect(state.app.debugger).toEqual({ graphId: 'neuron', cursor: 7 });
    expect(state.desktop.windowBounds).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(again.takeNotice()).toBeNull();
  });

  it('saves after a quiet time, once, however many changes came before', () => {
    vi.useFakeTimers();
    const store = newStore();
    store.load();
    for (const cursor of [1, 2, 3]) store.setApp({ ...freshAppState(), debugger: { graphId: 'g', cursor } });
    expect(store.pending).toBe(true);
    expect(() => readFileSync(file)).toThrow();
    vi.advanceTimersByTime(60);
    expect(store.pending).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).app.debugger.cursor).toBe(3);
  });

  it.each([
    ['not JSON', '{"version": 1, "app": {', 'is not valid JSON'],
    ['the wrong shape', '{"version": 1, "app": {"theme": "purple"}}', 'app.theme'],
    ['a future version', '{"version": 7}', 'version'],
  ])('puts a file that is %s aside, starts fresh, and says so once', (_what, text, reason) => {
    writeFileSync(file, text);
    const store = newStore();
    expect(store.load().app).toEqual(freshAppState());
    const notice = store.takeNotice();
    expect(notice).toContain(reason);
    expect(notice).toContain('state.corrupt-2026-11-27T14-05-06-789Z.json');
    expect(store.takeNotice()).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['state.corrupt-2026-11-27T14-05-06-789Z.json']);
    expect(readFileSync(join(dir, 'state.corrupt-2026-11-27T14-05-06-789Z.json'), 'utf8')).toBe(text);
  });

  it('fills in sections missing from an older file instead of discarding it', () => {
    writeFileSync(file, JSON.stringify({ version: 1, app: { theme: 'light' } }));
    const store = newStore();
    const state = store.load();
    expect(state.app.theme).toBe('light');
    expect(state.app.lessons).toEqual({});
    expect(state.desktop.recentFiles).toEqual([]);
    expect(store.takeNotice()).toBeNull();
  });
});
