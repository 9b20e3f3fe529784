import { describe, expect, it } from 'vitest';
import type { GradcheckResult } from '../../../engine/index';
import type { Lesson } from '../../../lessons/format/types';
import { checkFromSummary, checkpointRows, rowsFromGradcheck } from '../../../lessons/report/fromLesson';
import { layoutGraph } from '../../../lessons/report/layout';
import { trainingPlots } from '../../../lessons/report/training';
import { emptyRecord, recordAnswer } from '../../../lessons/runner/record';
import type { GraphJSON, GraphNodeJSON } from '../../../engine/core/types';

const lesson = {
  doc: {
    meta: { id: '99-test', title: 'T', topic: 'topic', objectives: [] },
    path: 'lessons/99-test/lesson.md',
    order: 99,
    blocks: [
      { type: 'markdown', text: 'x', line: 5 },
      // The text places "pick" before "num".
      { type: 'directive', name: 'checkpoint', id: 'pick', line: 6 },
      { type: 'directive', name: 'checkpoint', id: 'num', line: 9 },
    ],
  },
  module: {
    graphs: {},
    checkpoints: {
      num: { kind: 'numeric', prompt: 'What is $z$?', answer: 3, tolerance: 0.01, explanation: 'z = q.' },
      pick: {
        kind: 'choice',
        prompt: 'Which?',
        choices: ['one', 'two', 'three'],
        correct: 1,
        explanation: '',
      },
      extra: { kind: 'numeric', prompt: 'Unplaced', answer: -0.5, tolerance: 0.1, explanation: '' },
    },
  },
} as unknown as Lesson;

describe('checkpointRows', () => {
  it('lists checkpoints in text order with the answers as the student gave them', () => {
    let rec = emptyRecord('99-test', 3);
    rec = recordAnswer(rec, 'num', 2, false);
    rec = recordAnswer(rec, 'num', 2.5, false);
    rec = recordAnswer(rec, 'pick', 1, true);
    const rows = checkpointRows(lesson, rec);
    expect(rows.map((r) => r.id)).toEqual(['pick', 'num', 'extra']);
    expect(rows[0]).toMatchObject({ answer: '(b) two', expected: '(b) two', correct: true });
    expect(rows[1]).toMatchObject({
      answer: '2.5',
      expected: '3 (± 0.01)',
      correct: false,
      attempts: 2,
      explanation: 'z = q.',
    });
    expect(rows[2]).toMatchObject({ answer: null, expected: '-0.5000 (± 0.1)', correct: null });
  });
});

describe('numerical check rows', () => {
  it('folds a tensor node’s entries into one row and keeps its worst error', () => {
    const result = {
      pass: false,
      nodes: [
        {
          node: 7,
          op: 'leaf',
          label: 'W',
          pass: false,
          entries: [
            {
              node: 7,
              op: 'leaf',
              label: 'W',
              index: 0,
              analytic: 1,
              numeric: 1,
              absErr: 0,
              relErr: 0,
              pass: true,
            },
            {
              node: 7,
              op: 'leaf',
              label: 'W',
              index: 1,
              analytic: 2,
              numeric: 2.5,
              absErr: 0.5,
              relErr: 0.2,
              pass: false,
            },
          ],
        },
        {
          node: 8,
          op: 'leaf',
          label: '',
          pass: true,
          entries: [
            {
              node: 8,
              op: 'leaf',
              label: '',
              index: 0,
              analytic: 4,
              numeric: 4,
              absErr: 0,
              relErr: 0,
              pass: true,
            },
          ],
        },
      ],
      summary: { checked: 3, failed: 1, maxAbsErr: 0.5, maxRelErr: 0.2, text: '' },
      failures: [],
    } as GradcheckResult;
    // The graph the check ran on: W (id 7) is labelled; the unlabelled leaf (id 8) is its second node.
    const graph = new Map([
      [7, { shape: [1, 2], name: 'W' }],
      [8, { shape: [], name: '#2' }],
    ]);
    const rows = rowsFromGradcheck(result, (n) => graph.get(n));
    // Worst element: |2 − 2.5| = 0.5, relative to max(2, 2.5) = 0.2.
    expect(rows[0]).toEqual({
      node: 7,
      label: 'W',
      analytic: { shape: [1, 2], data: [1, 2] },
      numeric: { shape: [1, 2], data: [1, 2.5] },
      absError: 0.5,
      relError: 0.2,
      ok: false,
    });
    expect(rows[1]).toMatchObject({ label: '#2', analytic: 4, numeric: 4, relError: 0, ok: true });
    // A node the graph does not know keeps its label, or says its id.
    expect(rowsFromGradcheck(result, () => undefined).map((r) => r.label)).toEqual(['W', 'id 8']);
  });

  it('words the runner’s summary', () => {
    expect(
      checkFromSummary({ passed: true, checked: 4, failed: 0, maxAbsError: 2e-10, firstFailure: '' }).summary,
    ).toBe('4 of 4 elements agree (largest error 2.0e-10)');
    expect(checkFromSummary(null)).toEqual({ rows: [], passed: null, summary: '' });
  });
});

describe('layout direction', () => {
  function chain(n: number): GraphJSON {
    const nodes: GraphNodeJSON[] = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      kind: i === 0 ? 'data' : 'function',
      op: i === 0 ? 'leaf' : 'tanh',
      symbol: i === 0 ? '' : 'tanh',
      label: `a${i}`,
      name: `a${i}`,
      mode: 'scalar',
      shape: [],
      value: 0.5,
      grad: 0.25,
      inputs: i === 0 ? [] : [i],
      attrs: {},
      isOutput: i === n - 1,
    }));
    const edges = nodes
      .slice(1)
      .map((nd) => ({ id: `${nd.id - 1}-${nd.id}`, source: nd.id - 1, target: nd.id, index: 0 }));
    return { nodes, edges, root: n };
  }

  it('keeps a short chain left to right', () => {
    const g = chain(4);
    const p = layoutGraph(g);
    for (const e of g.edges) expect(p[e.target].x).toBeGreaterThan(p[e.source].x);
  });

  it('turns a long chain top to bottom so it stays readable on a page', () => {
    const g = chain(14);
    const p = layoutGraph(g);
    for (const e of g.edges) expect(p[e.target].y).toBeGreaterThan(p[e.source].y);
  });
});

describe('training loss curve', () => {
  it('runs each training setup for the given steps; an untrained net starts near ln 2', () => {
    const plots = trainingPlots(
      {
        graphs: {},
        checkpoints: {},
        trainings: {
          t: {
            title: 'rings',
            hidden: [4],
            activation: 'tanh',
            init: 'glorot',
            lr: 0.1,
            lambda: 0,
            seed: 3,
            dataset: 'circles',
            points: 64,
          },
        },
      },
      5,
    );
    expect(plots).toHaveLength(1);
    expect(plots[0].series[0].points.map((p) => p[0])).toEqual([1, 2, 3, 4, 5]);
    // Small initial weights give logits near 0, so binary cross-entropy near ln 2 ≈ 0.693.
    expect(Math.abs(plots[0].series[0].points[0][1] - Math.LN2)).toBeLessThan(0.15);
    expect(plots[0].title).toContain('5 SGD steps');
  });
});
