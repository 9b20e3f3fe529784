/**
 * Every lesson validates and runs, and every checkpoint's answer agrees with a number worked out here,
 * by hand or from the formula, without the engine. Where a checkpoint is read off a graph, the engine's
 * gradient at that node is compared with the same hand-worked number.
 */
import { describe, expect, it } from 'vitest';
import { topoOrder, trace, Tensor, Value, type GraphNode } from '../../engine/index';
import type { Checkpoint } from '../../lessons/format/types';
import { loadLessonsFromDisk } from '../../lessons/node/index';
import { lessonModules } from '../../lessons/runner/catalog';
import { checkAnswer } from '../../lessons/runner/check';
import { runLessonHeadless } from '../../lessons/runner/headless';

const IMAGE = [
  [120, 190, 140, 150, 200],
  [17, 21, 30, 8, 27],
  [89, 123, 150, 73, 56],
  [10, 178, 140, 150, 18],
  [190, 14, 76, 69, 87],
];
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** Lesson 2 by hand: x = 3, w₃ = 0.5, w₂ = 0.4, w₁ = 2, y = 1. */
const l2 = (() => {
  const z2 = 0.5 * 3;
  const z1 = Math.tanh(0.4 * z2);
  const top = 2 * (2 * z1 - 1) * 2; // ∂f₁/∂z₁
  return { dw3: top * (1 - z1 * z1) * 0.4 * 3, dw2: top * (1 - z1 * z1) * z2 };
})();

/** Lesson 5 from λW + Σᵢ (p(j|xᵢ) − δ(j = yᵢ)) xᵢₖ at (j, k) = (3, 1). */
const l5 = (() => {
  const W = [
    [0.2, -0.5],
    [0.1, 0.3],
    [-0.3, 0.4],
  ];
  const X = [
    [1, 2],
    [0.5, -1],
  ];
  const Y = [2, 0];
  let g = 0.1 * W[2][0];
  X.forEach((x, i) => {
    const f = W.map((r) => r[0] * x[0] + r[1] * x[1]);
    const Z = f.reduce((s, v) => s + Math.exp(v), 0);
    g += (Math.exp(f[2]) / Z - (Y[i] === 2 ? 1 : 0)) * x[0];
  });
  return g;
})();

/** Lesson 13: x = (1, 2, 3, 4), ε = 1e−5, L = y₁. */
const l13 = (() => {
  const sd = Math.sqrt(1.25 + 1e-5);
  const xh = [-1.5, -0.5, 0.5, 1.5].map((d) => d / sd);
  return { xhat4: 1.5 / sd, dx1: (4 * 1 - 1 - xh[0] * xh[0]) / (4 * sd) };
})();

/** The expected answer of every checkpoint: a number (numeric) or the index of the right choice. */
const EXPECTED: Record<string, Record<string, number>> = {
  '01-linear-to-deep': { collapse: 1 * 1 + -1 * 3, 'single-layer': 0 },
  '02-chain-rule': { 'dF-dw3': l2.dw3, 'dF-dw2': l2.dw2, 'shared-factor': 0 },
  '03-computation-graphs': {
    'neuron-dx1': (1 - Math.SQRT1_2 ** 2) * -3,
    'reuse-da': 1 * 3 + -6 * 1,
    'why-sum': 0,
  },
  '04-multiclass': {
    'which-rows': 1,
    p3: 20.085536923187668 / (2.718281828459045 + 7.38905609893065 + 20.085536923187668),
  },
  '05-regularized-cross-entropy': { 'grad-entry': l5, lambda: 1 },
  '06-log-sum-exp': { 'first-bad-node': 0, 'lse-value': 1002.4076059644443 },
  '07-mlp': {
    'mlp-output': sigma(1) - sigma(0.5) + 0.2,
    dW1: sigma(1) * (1 - sigma(1)),
    'param-count': 4 + 2 + 2 + 1,
  },
  '08-relu-vs-sigmoid': { 'five-layers': 1 / 1024, 'relu-local': 2 },
  '09-convolution': {
    'out-11': 880 / 9,
    'dw-11': 120 + 190 + 140 + 17 + 21 + 30 + 89 + 123 + 150,
    trainable: 1,
  },
  '10-pooling': { 'max-grad': 1, 'avg-grad': 0.25, 'pool-params': 0 },
  '11-dropout': { 'kept-value': 6, 'eval-mode': 2, 'dropout-params': 0 },
  '12-initialization': { 'fan-in-bound': 0.1, 'glorot-bound': 0.2 },
  '13-batch-norm': { 'xhat-4': l13.xhat4, dx1: l13.dx1, 'sum-zero': 0 },
  // crossEntropy([[1,2,3]], [2]) = 0.40760596444438 (issue 4, to 14 digits).
  '14-loss-functions': {
    'ce-value': 0.40760596444438,
    'why-nll': 0,
    'bce-value': (0.2231435513142097 * 2 + 0.5108256237659907) / 3,
  },
  '15-training-sgd': { 'sgd-step': 1.948, 'lambda-effect': 0 },
  '16-architectures': { 'flatten-size': 8, 'residual-grad': 0.85, skip: 1 },
};

function expectAnswer(cp: Checkpoint, expected: number) {
  if (cp.kind === 'numeric') {
    expect(Math.abs(cp.answer - expected)).toBeLessThanOrEqual(Math.min(cp.tolerance / 10, 1e-4));
    expect(checkAnswer(cp, expected).correct).toBe(true);
    expect(checkAnswer(cp, expected + 2 * cp.tolerance).correct).toBe(false);
    for (const m of cp.mistakes ?? []) {
      expect(Math.abs(m.answer - expected)).toBeGreaterThan(cp.tolerance);
      expect(checkAnswer(cp, m.answer).message).toBe(`Not quite: ${m.hint}`);
    }
  } else {
    expect(cp.correct).toBe(expected);
    expect(checkAnswer(cp, expected).correct).toBe(true);
    expect(checkAnswer(cp, (expected + 1) % cp.choices.length).correct).toBe(false);
  }
}

/** Builds a lesson graph, runs backward, and returns ∂root/∂(node labelled `label`). */
function gradOf(lesson: string, graph: string, label: string): number[] {
  const root = lessonModules[lesson].graphs[graph].build();
  const node = topoOrder(root).find((n: GraphNode) => n.label === label);
  if (!node) throw new Error(`${lesson}/${graph}: no node labelled ${label}`);
  if (root instanceof Value) {
    root.backward();
    return [(node as Value).grad];
  }
  (root as Tensor).backward();
  return Array.from((node as Tensor).grad?.data ?? []);
}

describe('the lessons on disk', () => {
  const loaded = loadLessonsFromDisk();

  it('are sixteen, in the lecture order, all valid, with text and code for each', () => {
    const errors = loaded.flatMap((l) => (l.ok ? [] : [l.broken.error]));
    expect(errors).toEqual([]);
    const ids = loaded.map((l) => (l.ok ? l.lesson.doc.meta.id : ''));
    expect(ids).toEqual(Object.keys(lessonModules).sort());
    expect(ids).toHaveLength(16);
    expect(ids[1]).toBe('02-chain-rule');
  });

  it('declare an expected answer in this test for every checkpoint', () => {
    for (const [id, mod] of Object.entries(lessonModules)) {
      expect(Object.keys(mod.checkpoints).sort(), id).toEqual(Object.keys(EXPECTED[id] ?? {}).sort());
    }
  });

  for (const id of Object.keys(EXPECTED)) {
    it(`${id}: runs headless (every graph traced, gradients agree with central differences) and its answers are right`, () => {
      const run = runLessonHeadless(id);
      for (const g of run.graphs) {
        if (id === '06-log-sum-exp' && g.id === 'naive') continue;
        expect(g.trace.nonFinite, `${id}/${g.id}`).toBeNull();
        expect(g.gradcheck.passed, `${id}/${g.id}: ${g.gradcheck.firstFailure}`).toBe(true);
        expect(g.gradcheck.checked).toBeGreaterThan(0);
      }
      for (const [cid, cp] of Object.entries(lessonModules[id].checkpoints))
        expectAnswer(cp, EXPECTED[id][cid]);
    });
  }
});

describe('the graphs match the text', () => {
  it('lesson 2: the engine’s ∂F/∂w₃ and ∂F/∂w₂ equal the chain-rule products', () => {
    expect(gradOf('02-chain-rule', 'chain', 'w₃')[0]).toBeCloseTo(l2.dw3, 12);
    expect(gradOf('02-chain-rule', 'chain', 'w₂')[0]).toBeCloseTo(l2.dw2, 12);
  });

  it('lessons 1 and 3: hand-worked gradients through reused and collapsed nodes', () => {
    expect(gradOf('01-linear-to-deep', 'two-linear', 'x₁')[0]).toBeCloseTo(-2, 12);
    expect(gradOf('03-computation-graphs', 'reuse', 'a')[0]).toBeCloseTo(-3, 12);
    expect(gradOf('03-computation-graphs', 'neuron', 'x₁')[0]).toBeCloseTo(-1.5, 6);
  });

  it('lesson 5: ∂L/∂W₃₁ from the engine is the lecture’s formula', () => {
    expect(gradOf('05-regularized-cross-entropy', 'objective', 'W')[4]).toBeCloseTo(l5, 10);
  });

  it('lesson 6: the naive graph goes non-finite at exp, and the debugger’s trace names it', () => {
    const t = trace(lessonModules['06-log-sum-exp'].graphs.naive.build());
    expect(t.nonFinite?.op).toBe('exp');
    expect(t.nonFinite?.label).toBe('exp(x)');
  });

  it('lesson 9: the convolution gives the lecture’s 98 98 93 / 84 97 72 / 108 108 91, and ∂L/∂w is the block sums', () => {
    const root = lessonModules['09-convolution'].graphs.conv.build() as Tensor;
    const y = topoOrder(root).find((n) => n.label === 'y') as Tensor;
    expect(Array.from(y.data, Math.round)).toEqual([98, 98, 93, 84, 97, 72, 108, 108, 91]);
    const blockSums = [0, 1, 2].flatMap((i) =>
      [0, 1, 2].map((j) =>
        [0, 1, 2].reduce((s, m) => s + [0, 1, 2].reduce((t, n) => t + IMAGE[m + i][n + j], 0), 0),
      ),
    );
    const dw = gradOf('09-convolution', 'conv', 'filter w');
    dw.forEach((g, k) => expect(g).toBeCloseTo(blockSums[k], 9));
  });

  it('lesson 10: max pooling routes the gradient to the arg-max only; average spreads ¼', () => {
    // Arg-max of each 2×2 window of the block: 123 (1,1), 150 (1,2), 190 (3,0), 150 (2,3).
    const expectedMax = new Array(16).fill(0);
    for (const k of [5, 6, 12, 11]) expectedMax[k] = 1;
    expect(gradOf('10-pooling', 'max', 'x')).toEqual(expectedMax);
    expect(gradOf('10-pooling', 'avg', 'x')).toEqual(new Array(16).fill(0.25));
  });

  it('lesson 11: kept units are doubled, dropped ones zero, and the gradient is the same mask × 2', () => {
    const root = lessonModules['11-dropout'].graphs.train.build() as Tensor;
    const d = topoOrder(root).find((n) => n.label === 'h̃') as Tensor;
    const h = [1, 2, 3, 4, 5, 6, 7, 8];
    const kept = Array.from(d.data, (v, i) => (v === 0 ? 0 : v / h[i]));
    expect(kept.every((k) => k === 0 || k === 2)).toBe(true);
    expect(kept.some((k) => k === 0) && kept.some((k) => k === 2)).toBe(true);
    root.backward();
    const hNode = topoOrder(root).find((n) => n.label === 'h') as Tensor;
    expect(Array.from(hNode.grad?.data ?? [])).toEqual(kept);
  });

  it('lesson 13: x̂ and ∂L/∂x₁ by the formula, in both the composed and the one-node graph', () => {
    for (const g of ['composed', 'op']) {
      const dx = gradOf('13-batch-norm', g, 'x');
      expect(dx[0]).toBeCloseTo(l13.dx1, 6);
      expect(dx.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 9);
    }
  });

  it('lesson 16: the skip adds 1 to ∂y/∂x', () => {
    expect(gradOf('16-architectures', 'residual', 'x')[0]).toBeCloseTo(1 + -0.3 * 0.5, 12);
  });

  it('lesson 8: the sigmoid chain’s gradient at a₀ is the product of σ′ along the chain, ≤ 0.25⁶', () => {
    let a = 0.5;
    let prod = 1;
    for (let l = 0; l < 6; l++) {
      const s = sigma(a);
      prod *= s * (1 - s);
      a = s;
    }
    expect(gradOf('08-relu-vs-sigmoid', 'sigmoid-chain', 'a₀')[0]).toBeCloseTo(prod, 12);
    expect(prod).toBeLessThan(0.25 ** 6);
    expect(gradOf('08-relu-vs-sigmoid', 'relu-chain', 'a₀')[0]).toBe(1);
  });
});

describe('lessons 7, 14 and 16 against their formulas', () => {
  const valueOf = (lesson: string, graph: string) => {
    const root = lessonModules[lesson].graphs[graph].build();
    return root instanceof Value ? root.data : (root as Tensor).data[0];
  };

  it('lesson 7: scalar and tensor modes give the same f and the same ∂f/∂W⁽¹⁾', () => {
    const f = sigma(1) - sigma(0.5) + 0.2;
    expect(valueOf('07-mlp', 'mlp-scalar')).toBeCloseTo(f, 14);
    expect(valueOf('07-mlp', 'mlp-tensor')).toBeCloseTo(f, 14);
    const scalar = ['W⁽¹⁾₁₁', 'W⁽¹⁾₁₂', 'W⁽¹⁾₂₁', 'W⁽¹⁾₂₂'].map((l) => gradOf('07-mlp', 'mlp-scalar', l)[0]);
    const tensorGrad = gradOf('07-mlp', 'mlp-tensor', 'W⁽¹⁾');
    // ∂f/∂W⁽¹⁾_jk = W⁽²⁾_j σ′(h_j) x_k with h = (1, 0.5), x = (1, −1), W⁽²⁾ = (1, −1).
    const hand = [1, -1].flatMap((w2, j) =>
      [1, -1].map((xk) => w2 * sigma([1, 0.5][j]) * (1 - sigma([1, 0.5][j])) * xk),
    );
    scalar.forEach((g, k) => expect(g).toBeCloseTo(hand[k], 12));
    tensorGrad.forEach((g, k) => expect(g).toBeCloseTo(hand[k], 12));
  });

  it('lesson 14: every loss equals its formula on the shared inputs', () => {
    const L = '14-loss-functions';
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    const o = [0.8, 0.2, 0.6];
    const t = [1, 0, 1];
    const bce = -o.reduce((s, oi, i) => s + t[i] * Math.log(oi) + (1 - t[i]) * Math.log(1 - oi), 0) / 3;
    const p = [0.2, 0.3, 0.5];
    const logq = [1, 2, 3].map((x) => x - lse);
    expect(valueOf(L, 'ce')).toBeCloseTo(0.40760596444438, 13);
    expect(valueOf(L, 'nll')).toBeCloseTo(lse - 3, 13);
    expect(valueOf(L, 'mse')).toBeCloseTo((0.04 + 0.04 + 0.16) / 3, 14);
    expect(valueOf(L, 'l1')).toBeCloseTo(0.8 / 3, 14);
    expect(valueOf(L, 'bce')).toBeCloseTo(bce, 12);
    expect(valueOf(L, 'bce-logits')).toBeCloseTo(bce, 12);
    expect(valueOf(L, 'kl')).toBeCloseTo(
      p.reduce((s, pi, i) => s + pi * (Math.log(pi) - logq[i]), 0),
      12,
    );
  });

  it('lesson 16: the tiny LeNet’s shapes are those of the table in the text', () => {
    const root = lessonModules['16-architectures'].graphs.lenet.build() as Tensor;
    const shapes = Object.fromEntries(topoOrder(root).map((n) => [n.label, (n as Tensor).shape]));
    expect(shapes).toMatchObject({
      image: [1, 1, 6, 6],
      conv: [1, 2, 4, 4],
      relu: [1, 2, 4, 4],
      'max pool': [1, 2, 2, 2],
      flatten: [1, 8],
      logits: [1, 3],
      loss: [],
    });
  });
});

describe('what the plots show', () => {
  it('lesson 8: sigmoid loses more than four orders of magnitude of gradient over 10 layers, ReLU stays near 1', () => {
    const plot = lessonModules['08-relu-vs-sigmoid'].plots!['grad-by-layer'].build();
    const first = (name: string) => plot.series.find((s) => s.name === name)!.points[0][1];
    expect(first('sigmoid')).toBeLessThan(1e-4);
    expect(first('ReLU')).toBeGreaterThan(0.5);
    expect(first('ReLU')).toBeLessThan(2);
    expect(first('ReLU, small init')).toBeLessThan(1e-3);
  });

  it('lesson 12: activation spread falls more than 100× with fan-in scaling, less than 3× with Glorot', () => {
    const plot = lessonModules['12-initialization'].plots!['act-std'].build();
    const ratio = (i: number) => {
      const pts = plot.series[i].points;
      return pts[0][1] / pts[pts.length - 1][1];
    };
    expect(plot.series.map((s) => s.name)).toEqual(['Uniform(±1/√fan_in)', 'Glorot']);
    expect(ratio(0)).toBeGreaterThan(100);
    expect(ratio(1)).toBeLessThan(3);
  });
});
