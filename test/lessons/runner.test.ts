import { describe, expect, it } from 'vitest';
import { checkAnswer, readNumber } from '../../lessons/runner/check';
import { buildGraph, listLessons } from '../../lessons/runner/list';
import { loadLessonsFromDisk } from '../../lessons/node/index';
import {
  emptyRecord,
  parseProgressFile,
  recordAnswer,
  recordGraphViewed,
  recordNotes,
} from '../../lessons/runner/record';
import { buildSandbox } from '../../lessons/sandbox/build';
import { ParseError } from '../../lessons/sandbox/errors';
import { Trainer } from '../../lessons/training/trainer';
import { makeDataset } from '../../lessons/training/dataset';
import lesson15 from '../../lessons/15-training-sgd/lesson';
import lesson8 from '../../lessons/08-relu-vs-sigmoid/lesson';
import lesson12 from '../../lessons/12-initialization/lesson';
import type { TrainingSetup } from '../../lessons/format/types';

const T0 = new Date('2026-11-27T12:00:00Z');

describe('checking answers', () => {
  const numeric = {
    kind: 'numeric' as const,
    prompt: 'p',
    answer: 0.253,
    tolerance: 0.001,
    explanation: 'e',
  };
  const choice = { kind: 'choice' as const, prompt: 'p', choices: ['a', 'b'], correct: 1, explanation: 'e' };

  it('accepts a number within the tolerance, typed with spaces or a typographic minus', () => {
    expect(checkAnswer(numeric, ' 0.2535 ').correct).toBe(true);
    expect(checkAnswer(numeric, '0.2541').correct).toBe(false);
    expect(checkAnswer({ ...numeric, answer: -2 }, '\u22122').correct).toBe(true);
    expect(checkAnswer(numeric, '0.2541').explanation).toBe('e');
  });

  it('names a typical slip without giving the answer away', () => {
    const cp = { ...numeric, answer: -3, mistakes: [{ answer: 3, hint: 'only one path.' }] };
    expect(checkAnswer(cp, '3.0005')).toMatchObject({ correct: false, message: 'Not quite: only one path.' });
    expect(checkAnswer(cp, '4').message).toBe('Not quite: 4 is off by more than 0.001.');
    expect(checkAnswer(cp, '-3').correct).toBe(true);
  });

  it('says plainly when the input is not a number or not a choice, without revealing the explanation', () => {
    expect(checkAnswer(numeric, 'abc')).toEqual({
      correct: false,
      message: '"abc" is not a number.',
      explanation: '',
    });
    expect(readNumber('1e-3')).toBe(0.001);
    expect(readNumber('2,5')).toBeNull();
    expect(checkAnswer(choice, 5).message).toBe('Pick one of the choices.');
    expect(checkAnswer(choice, 1).correct).toBe(true);
  });
});

describe('the lesson record', () => {
  it('counts correct answers, marks the lesson done when all are right, and counts attempts', () => {
    let r = emptyRecord('02-chain-rule', 2, T0);
    r = recordAnswer(r, 'a', 1, false, T0);
    r = recordAnswer(r, 'a', 2, true, T0);
    expect(r.answers.a).toEqual({
      checkpoint: 'a',
      answer: 2,
      correct: true,
      attempts: 2,
      at: T0.toISOString(),
    });
    expect(r.progress).toMatchObject({ checkpointsCorrect: 1, done: false });
    r = recordAnswer(r, 'b', 0, true, T0);
    expect(r.progress).toMatchObject({ checkpointsCorrect: 2, done: true });
    r = recordGraphViewed(recordGraphViewed(r, 'chain'), 'chain');
    expect(r.progress.graphsViewed).toEqual(['chain']);
    expect(recordNotes(r, 'hello').notes).toBe('hello');
  });

  it('reads a saved file, dropping records that do not match the schema', () => {
    const good = emptyRecord('01-linear-to-deep', 2, T0);
    const parsed = parseProgressFile({
      '01-linear-to-deep': good,
      '02-chain-rule': { version: 1, lessonId: 'x' },
      junk: 3,
    });
    expect(Object.keys(parsed)).toEqual(['01-linear-to-deep']);
    expect(parseProgressFile('nonsense')).toEqual({});
  });
});

describe('the sandbox graph', () => {
  it('builds micrograd’s neuron: variables are named leaves, the last statement is the output', () => {
    const { root, variables } = buildSandbox('x = 2; w = -3; b = 6.88; y = tanh(x*w + b)');
    expect(root.label).toBe('y');
    expect(root.data).toBeCloseTo(Math.tanh(2 * -3 + 6.88), 14);
    expect([...variables.keys()]).toEqual(['x', 'w', 'b', 'y']);
    expect(variables.get('w')?.op).toBe('leaf');
    root.backward();
    const dn = 1 - Math.tanh(0.88) ** 2;
    expect(variables.get('x')?.grad).toBeCloseTo(dn * -3, 12);
    expect(variables.get('w')?.grad).toBeCloseTo(dn * 2, 12);
  });

  it('shares a variable used twice, so its gradients add up', () => {
    const { root, variables } = buildSandbox('a = 3\nf = a*a + a^2 + a');
    root.backward();
    expect(root.data).toBe(21);
    expect(variables.get('a')?.grad).toBe(2 * 3 + 2 * 3 + 1);
  });

  it('names an undefined variable and a non-constant exponent with their positions', () => {
    expect(() => buildSandbox('x = 1\ny = x + z')).toThrow(
      new ParseError('"z" is not defined', { line: 2, column: 9 }, 'one of x, or define it first (z = …)'),
    );
    expect(() => buildSandbox('x = 2; y = x ^ x')).toThrow(
      'line 1, column 16: the exponent must be a number',
    );
    expect(
      () => buildSandbox('y = 2 ^ (1/2) + relu(-1) + sigmoid(0) + exp(0) + log(1)').root.data,
    ).not.toThrow();
  });
});

describe('the training loop', { timeout: 30_000 }, () => {
  it('makes the same data set for the same seed, balanced between the classes', () => {
    const a = makeDataset('circles', 40, 3);
    expect(makeDataset('circles', 40, 3)).toEqual(a);
    expect(a.y.filter((y) => y === 1)).toHaveLength(20);
    const r = a.x.map(([u, v]) => Math.hypot(u, v));
    a.y.forEach((y, i) => expect(y === 1 ? r[i] <= 0.35 : r[i] >= 0.6).toBe(true));
  });

  it('learns lesson 15’s rings: the loss falls and the accuracy passes 90% within 600 steps', () => {
    const t = new Trainer(lesson15.trainings!.rings);
    const start = t.evaluate();
    for (let i = 0; i < 600; i++) t.train();
    const end = t.history[t.history.length - 1];
    expect(end.loss).toBeLessThan(start.loss * 0.5);
    expect(end.accuracy).toBeGreaterThan(0.9);
    const g = t.grid(8);
    expect(g).toHaveLength(64);
    // The centre is the inner class (1), a corner the outer ring's side (0).
    expect(g[3 * 8 + 3]).toBeGreaterThan(0.5);
    expect(g[0]).toBeLessThan(0.5);
  });
});

describe('what the lesson texts claim about training', { timeout: 30_000 }, () => {
  const run = (setup: TrainingSetup, steps: number) => {
    const t = new Trainer(setup);
    for (let i = 0; i < steps; i++) t.train();
    return t.history[t.history.length - 1];
  };

  it('lesson 8: four sigmoid layers sit at ln 2 for 600 steps; the same network with ReLU separates the rings', () => {
    const setup = lesson8.trainings!['deep-sigmoid'];
    const sig = run(setup, 600);
    expect(sig.loss).toBeCloseTo(Math.LN2, 2);
    expect(sig.accuracy).toBe(0.5);
    const relu = run({ ...setup, activation: 'relu' }, 600);
    expect(relu.loss).toBeLessThan(0.3);
    expect(relu.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('lesson 12: from Glorot initialization the tanh network learns faster than from U(±1/√fan_in)', () => {
    const setup = lesson12.trainings!['init-compare'];
    const fanIn = run(setup, 300);
    const glorot = run({ ...setup, init: 'glorot' }, 300);
    expect(glorot.loss).toBeLessThan(fanIn.loss / 2);
  });
});

describe('listing lessons and building a graph', () => {
  it('lists sixteen lessons with their checkpoint counts, and builds a fresh graph on each call', () => {
    const loaded = loadLessonsFromDisk();
    const rows = listLessons(loaded);
    expect(rows).toHaveLength(16);
    expect(rows[1]).toEqual({
      id: '02-chain-rule',
      title: 'The chain rule on a composite function',
      topic: 'Backpropagation as repeated use of the chain rule',
      checkpoints: 3,
      error: null,
    });
    const lesson = loaded[1].ok ? loaded[1].lesson : null;
    const a = buildGraph(lesson!, 'chain');
    const b = buildGraph(lesson!, 'chain');
    expect(a).not.toBe(b);
    expect((a as unknown as { data: number }).data).toBe((b as unknown as { data: number }).data);
    expect(() => buildGraph(lesson!, 'nope')).toThrow(
      'lessons/02-chain-rule/lesson.md: no graph "nope" (declared: chain)',
    );
  });
});
