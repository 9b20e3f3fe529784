import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { freshAppState, type LessonProgress } from '../../../main/contract/state';
import {
  registerStateSection,
  resetPersistence,
  startAutosave,
} from '../../../renderer/src/shell/persistence';

const hooks = () => ({ onPending: vi.fn(), onSaving: vi.fn(), onSaved: vi.fn(), onError: vi.fn() });
const saved = () => JSON.parse(localStorage.getItem('backstep.state.v1') ?? 'null');

beforeEach(() => {
  localStorage.clear();
  resetPersistence();
  delete window.backstep;
  vi.useRealTimers();
});

describe('autosave sections', () => {
  it('restores a section registered before or after loading, and saves changes after a quiet time', async () => {
    localStorage.setItem(
      'backstep.state.v1',
      JSON.stringify({ ...freshAppState(), lastLesson: 'chain-rule' }),
    );
    const last = ref<string | null>(null);
    registerStateSection('lastLesson', { snapshot: () => last.value, restore: (v) => (last.value = v) });
    vi.useFakeTimers();
    const h = hooks();
    const autosave = await startAutosave(h, 100);
    expect(last.value).toBe('chain-rule');

    const lessons = ref<Record<string, LessonProgress>>({});
    registerStateSection('lessons', { snapshot: () => lessons.value, restore: (v) => (lessons.value = v) });
    lessons.value = { 'chain-rule': { done: true, answers: { q1: 3 }, notes: '' } };
    last.value = 'mlp';
    await nextTick();
    expect(h.onPending).toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(saved().lastLesson).toBe('chain-rule'); // not yet: still inside the quiet time
    vi.advanceTimersByTime(60);
    await flushPromises();
    expect(saved()).toMatchObject({
      lastLesson: 'mlp',
      lessons: { 'chain-rule': { done: true, answers: { q1: 3 } } },
    });
    expect(h.onSaved).toHaveBeenCalled();
    autosave.stop();
  });

  it('keeps the last value of a section whose view unmounts before the save fires', async () => {
    vi.useFakeTimers();
    const autosave = await startAutosave(hooks(), 100);
    const notes = ref<Record<string, LessonProgress>>({});
    const stop = registerStateSection('lessons', {
      snapshot: () => notes.value,
      restore: (v) => (notes.value = v),
    });
    notes.value = { mlp: { done: false, answers: {}, notes: 'W[2] is 3×4' } };
    await nextTick();
    stop(); // the lessons view is closed at once
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(saved().lessons).toEqual({ mlp: { done: false, answers: {}, notes: 'W[2] is 3×4' } });

    // Shown again: it gets its value back.
    const again = ref<Record<string, LessonProgress>>({});
    registerStateSection('lessons', { snapshot: () => again.value, restore: (v) => (again.value = v) });
    expect(again.value).toEqual({ mlp: { done: false, answers: {}, notes: 'W[2] is 3×4' } });
    autosave.stop();
  });

  it('reports a failed save', async () => {
    const h = hooks();
    const autosave = await startAutosave(h, 10);
    const theme = ref<'system' | 'light' | 'dark'>('system');
    registerStateSection('theme', { snapshot: () => theme.value, restore: (v) => (theme.value = v) });
    const spy = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    theme.value = 'dark';
    await vi.waitFor(() => expect(h.onError).toHaveBeenCalledWith('QuotaExceededError'));
    spy.mockRestore();
    autosave.stop();
  });
});
