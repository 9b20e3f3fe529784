import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INFO_MS, useUiStore } from '../../../renderer/src/stores/ui';

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('ui store notices', () => {
  it('lets information fade after a few seconds but keeps errors until dismissed', () => {
    const ui = useUiStore();
    ui.notify('Opened a.backstep.json.');
    const error = ui.notify('Cannot open b.json: it is not JSON.', 'error');
    vi.advanceTimersByTime(INFO_MS - 1);
    expect(ui.notices).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(ui.notices.map((n) => n.kind)).toEqual(['error']);
    vi.advanceTimersByTime(60_000);
    expect(ui.notices).toHaveLength(1);
    ui.dismiss(error);
    expect(ui.notices).toEqual([]);
  });
});
