import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import LessonArticle from '../../../renderer/src/lessons/LessonArticle.vue';
import { bundledLessons } from '../../../renderer/src/lessons/catalog';
import { fromSaved, toSaved, useLessonStore } from '../../../renderer/src/stores/lesson';
import { loadLessons } from '../../../lessons/runner/load';
import { lessonModules } from '../../../lessons/runner/catalog';

// ∂F/∂w₃ of lesson 2, by hand (x = 3, w₃ = 0.5, w₂ = 0.4, w₁ = 2, y = 1).
const z1 = Math.tanh(0.6);
const DF_DW3 = 2 * (2 * z1 - 1) * 2 * (1 - z1 * z1) * 0.4 * 3;

describe('lesson store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('bundles all sixteen lessons through Vite, valid, lesson 1 first', () => {
    expect(bundledLessons).toHaveLength(16);
    expect(bundledLessons.every((l) => l.ok)).toBe(true);
    const store = useLessonStore();
    store.setLessons(bundledLessons);
    expect(store.currentId).toBe('01-linear-to-deep');
  });

  it('checks answers, records attempts and progress, and ignores input that is not a number', () => {
    const store = useLessonStore();
    store.setLessons(bundledLessons);
    store.open('02-chain-rule');
    expect(store.answer('dF-dw3', 'abc')?.correct).toBe(false);
    expect(store.recordFor('02-chain-rule').answers['dF-dw3']).toBeUndefined();
    expect(store.answer('dF-dw3', '0.5')?.correct).toBe(false);
    expect(store.answer('dF-dw3', DF_DW3.toFixed(4))?.correct).toBe(true);
    expect(store.answer('shared-factor', 0)?.correct).toBe(true);
    const rec = store.recordFor('02-chain-rule');
    expect(rec.answers['dF-dw3']).toMatchObject({ attempts: 2, correct: true });
    expect(rec.progress).toMatchObject({ checkpointsTotal: 3, checkpointsCorrect: 2, done: false });
    expect(store.feedbackFor('dF-dw3')?.message).toBe('Correct.');
  });

  it('survives the save format round trip: answers, notes, graphs viewed, cursor', () => {
    const store = useLessonStore();
    store.setLessons(bundledLessons);
    store.open('02-chain-rule');
    store.answer('dF-dw2', '0.3164');
    store.setNotes('shared prefix');
    store.graphLoaded('chain');
    store.setCursor(16);
    const saved = JSON.parse(JSON.stringify(store.snapshot()));
    expect(saved['02-chain-rule'].done).toBe(false);

    setActivePinia(createPinia());
    const again = useLessonStore();
    again.setLessons(bundledLessons);
    again.restore(saved);
    const rec = again.recordFor('02-chain-rule');
    expect(rec.notes).toBe('shared prefix');
    expect(rec.answers['dF-dw2']).toMatchObject({ answer: 0.3164, correct: true, attempts: 1 });
    expect(rec.cursor).toEqual({ graph: 'chain', step: 16 });
    expect(rec.progress.graphsViewed).toEqual(['chain']);
    expect(rec.progress.checkpointsCorrect).toBe(1);
  });

  it('starts a lesson over, forgetting only that lesson', () => {
    const store = useLessonStore();
    store.setLessons(bundledLessons);
    store.open('01-linear-to-deep');
    store.answer('collapse', '-2');
    store.open('02-chain-rule');
    store.answer('shared-factor', 0);
    store.setNotes('x');
    store.resetLesson('02-chain-rule');
    expect(store.recordFor('02-chain-rule').answers).toEqual({});
    expect(store.recordFor('02-chain-rule').notes).toBe('');
    expect(store.feedbackFor('shared-factor')).toBeNull();
    expect(store.recordFor('01-linear-to-deep').answers.collapse.correct).toBe(true);
  });

  it('drops a malformed saved answer instead of trusting it, keeping the notes', () => {
    const rec = fromSaved('02-chain-rule', 3, {
      done: true,
      answers: { 'dF-dw3': { answer: 'x' } },
      notes: 'n',
    });
    expect(rec.answers).toEqual({});
    expect(rec.progress.done).toBe(false);
    expect(rec.notes).toBe('n');
    const back = fromSaved('02-chain-rule', 3, toSaved(rec));
    expect(back.notes).toBe('n');
  });
});

describe('lesson text', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('renders the lesson with KaTeX math, graph cards and checkpoints in place', () => {
    const store = useLessonStore();
    store.setLessons(bundledLessons);
    store.open('02-chain-rule');
    const w = mount(LessonArticle);
    expect(w.find('h1').text()).toBe('The chain rule on a composite function');
    expect(w.findAll('.katex').length).toBeGreaterThan(10);
    expect(w.find('[data-graph="chain"] [data-testid="load-graph"]').exists()).toBe(true);
    expect(w.findAll('[data-checkpoint]').map((c) => c.attributes('data-checkpoint'))).toEqual([
      'dF-dw3',
      'dF-dw2',
      'shared-factor',
    ]);
  });

  it('shows a broken lesson’s file:line error in place of the lesson', () => {
    const broken = loadLessons(
      [{ path: 'lessons/02-chain-rule/lesson.md', text: '---\nid: 02-chain-rule\ntitle: x\n---\n' }],
      lessonModules,
    );
    const store = useLessonStore();
    store.setLessons(broken);
    const w = mount(LessonArticle);
    expect(w.find('[data-testid="lesson-error"]').text()).toContain(
      'lessons/02-chain-rule/lesson.md:3: front matter',
    );
  });
});
