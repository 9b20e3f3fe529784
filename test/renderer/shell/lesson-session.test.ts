import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSession } from '../../../main/contract/session';
import type { AppState } from '../../../main/contract/state';
import { installLessonSession, type LessonStoreLike } from '../../../renderer/src/shell/lesson-session';
import { sessionHandler } from '../../../renderer/src/shell/sessions';

/** A lesson store with two lessons, holding progress as plain data. */
function fakeStore(): LessonStoreLike & { saved: AppState['lessons'] } {
  const known = ['01-linear-to-deep', '02-chain-rule'];
  return {
    currentId: '02-chain-rule',
    saved: { '01-linear-to-deep': { done: true, answers: { q: 1 }, notes: 'old' } },
    snapshot() {
      return structuredClone(this.saved);
    },
    restore(v) {
      this.saved = structuredClone(v);
    },
    restoreLast(id) {
      if (id && known.includes(id)) (this as { currentId: string | null }).currentId = id;
    },
  };
}

beforeEach(() => setActivePinia(createPinia()));

describe('lesson session files', () => {
  it('saves the current lesson and opens it again, keeping the other lessons', () => {
    const store = fakeStore();
    store.saved['02-chain-rule'] = { done: false, answers: { dLdw: 0.25 }, notes: '∂L/∂w = x·δ' };
    const stop = installLessonSession(store);
    const content = sessionHandler('lesson')!.save()!;
    expect(content).toEqual({
      title: '02-chain-rule',
      data: {
        lesson: '02-chain-rule',
        progress: { done: false, answers: { dLdw: 0.25 }, notes: '∂L/∂w = x·δ' },
      },
    });
    // Another machine: a fresh store on lesson 1 opens the file.
    const other = fakeStore();
    (other as { currentId: string | null }).currentId = '01-linear-to-deep';
    stop();
    const stop2 = installLessonSession(other);
    sessionHandler('lesson')!.load(makeSession('lesson', content.title, content.data));
    expect(other.currentId).toBe('02-chain-rule');
    expect(other.saved).toEqual({
      '01-linear-to-deep': { done: true, answers: { q: 1 }, notes: 'old' },
      '02-chain-rule': { done: false, answers: { dLdw: 0.25 }, notes: '∂L/∂w = x·δ' },
    });
    stop2();
  });

  it('refuses a lesson this version does not have, and data that is not a lesson, saying which', () => {
    const store = fakeStore();
    const stop = installLessonSession(store);
    const load = (data: unknown) => () =>
      sessionHandler('lesson')!.load(makeSession('lesson', 't', data as never));
    expect(load({ lesson: '99-quantum', progress: { done: false, answers: {}, notes: '' } })).toThrow(
      'there is no lesson "99-quantum" in this version of Backstep.',
    );
    expect(load({ nodes: [] })).toThrow("it does not hold a lesson's progress (lesson: ");
    expect(store.saved).toEqual({ '01-linear-to-deep': { done: true, answers: { q: 1 }, notes: 'old' } });
    stop();
  });
});
