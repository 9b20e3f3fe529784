/**
 * A known lesson state, written by hand (no engine involved): the lecture's chain-rule example
 * f = (x + y) · z at x = −2, y = 5, z = −4. Worked out on paper:
 *   q = x + y = 3,  f = q · z = −12,
 *   ∂f/∂f = 1,  ∂f/∂q = z = −4,  ∂f/∂z = q = 3,  ∂f/∂x = ∂f/∂q · 1 = −4,  ∂f/∂y = −4.
 * Plus a small tensor graph (W 2×2, a 10×10 activation for the heatmap) and a loss curve.
 */
import type { GraphNodeJSON, Trace } from '../../../engine/core/types';
import type { ReportInput } from '../../../lessons/report/types';

function leaf(
  id: number,
  label: string,
  value: number,
  grad: number,
  kind: GraphNodeJSON['kind'],
): GraphNodeJSON {
  return {
    id,
    kind,
    op: 'leaf',
    symbol: '',
    label,
    name: label,
    mode: 'scalar',
    shape: [],
    value,
    grad,
    inputs: [],
    attrs: {},
    isOutput: false,
  };
}

export function chainRuleTrace(): Trace {
  const nodes: GraphNodeJSON[] = [
    leaf(1, 'x', -2, -4, 'data'),
    leaf(2, 'y', 5, -4, 'data'),
    {
      id: 3,
      kind: 'function',
      op: 'add',
      symbol: '+',
      label: 'q',
      name: 'q',
      mode: 'scalar',
      shape: [],
      value: 3,
      grad: -4,
      inputs: [1, 2],
      attrs: {},
      isOutput: false,
    },
    leaf(4, 'z', -4, 3, 'parameter'),
    {
      id: 5,
      kind: 'function',
      op: 'mul',
      symbol: '×',
      label: 'f',
      name: 'f',
      mode: 'scalar',
      shape: [],
      value: -12,
      grad: 1,
      inputs: [3, 4],
      attrs: {},
      isOutput: true,
    },
  ];
  const graph = {
    nodes,
    edges: [
      { id: '1-3', source: 1, target: 3, index: 0 },
      { id: '2-3', source: 2, target: 3, index: 1 },
      { id: '3-5', source: 3, target: 5, index: 0 },
      { id: '4-5', source: 4, target: 5, index: 1 },
    ],
    root: 5,
  };
  const fwdLeaf = (step: number, node: number, v: number, name: string) => ({
    phase: 'forward' as const,
    step,
    node,
    op: 'leaf',
    inputs: [],
    inputValues: [],
    value: v,
    latex: `${name} = ${v.toFixed(4)}`,
    text: `${name} = ${v.toFixed(4)}`,
  });
  return {
    graph,
    backwardStart: 5,
    nonFinite: null,
    events: [
      fwdLeaf(0, 1, -2, 'x'),
      fwdLeaf(1, 2, 5, 'y'),
      {
        phase: 'forward',
        step: 2,
        node: 3,
        op: 'add',
        inputs: [1, 2],
        inputValues: [-2, 5],
        value: 3,
        latex: 'q = x + y = -2.0000 + 5.0000 = 3.0000',
        text: 'q = x + y = -2.0000 + 5.0000 = 3.0000',
      },
      fwdLeaf(3, 4, -4, 'z'),
      {
        phase: 'forward',
        step: 4,
        node: 5,
        op: 'mul',
        inputs: [3, 4],
        inputValues: [3, -4],
        value: -12,
        latex: 'f = q \\cdot z = 3.0000 \\times (-4.0000) = -12.0000',
        text: 'f = q · z = 3.0000 × (-4.0000) = -12.0000',
      },
      {
        phase: 'backward',
        step: 5,
        node: 5,
        op: 'mul',
        upstream: 1,
        seed: 1,
        forwardStep: 4,
        contributions: [
          {
            input: 3,
            index: 0,
            local: -4,
            contribution: -4,
            accumulated: -4,
            latex: '\\frac{\\partial f}{\\partial q} \\mathrel{+}= 1.0000 \\times (-4.0000) = -4.0000',
            text: '∂f/∂q += 1.0000 × (-4.0000) = -4.0000',
          },
          {
            input: 4,
            index: 1,
            local: 3,
            contribution: 3,
            accumulated: 3,
            latex: '\\frac{\\partial f}{\\partial z} \\mathrel{+}= 1.0000 \\times 3.0000 = 3.0000',
            text: '∂f/∂z += 1.0000 × 3.0000 = 3.0000',
          },
        ],
      },
      { phase: 'backward', step: 6, node: 4, op: 'leaf', upstream: 3, forwardStep: 3, contributions: [] },
      {
        phase: 'backward',
        step: 7,
        node: 3,
        op: 'add',
        upstream: -4,
        forwardStep: 2,
        contributions: [
          {
            input: 1,
            index: 0,
            local: 1,
            contribution: -4,
            accumulated: -4,
            latex: '\\frac{\\partial f}{\\partial x} \\mathrel{+}= -4.0000 \\times 1.0000 = -4.0000',
            text: '∂f/∂x += -4.0000 × 1.0000 = -4.0000',
          },
          {
            input: 2,
            index: 1,
            local: 1,
            contribution: -4,
            accumulated: -4,
            latex: '\\frac{\\partial f}{\\partial y} \\mathrel{+}= -4.0000 \\times 1.0000 = -4.0000',
            text: '∂f/∂y += -4.0000 × 1.0000 = -4.0000',
          },
        ],
      },
      { phase: 'backward', step: 8, node: 2, op: 'leaf', upstream: -4, forwardStep: 1, contributions: [] },
      { phase: 'backward', step: 9, node: 1, op: 'leaf', upstream: -4, forwardStep: 0, contributions: [] },
    ],
  };
}

/** A tensor graph: h = relu(W) with W 2×2, and A a 10×10 activation (entries (r − c)/10) summed to s. */
export function tensorTrace(): Trace {
  const A = Array.from({ length: 100 }, (_, k) => (Math.floor(k / 10) - (k % 10)) / 10);
  const nodes: GraphNodeJSON[] = [
    {
      id: 10,
      kind: 'parameter',
      op: 'leaf',
      symbol: '',
      label: 'W',
      name: 'W',
      mode: 'tensor',
      shape: [2, 2],
      value: { shape: [2, 2], data: [1.5, -0.25, 0, 2] },
      grad: { shape: [2, 2], data: [1, 0, 0, 1] },
      inputs: [],
      attrs: {},
      isOutput: false,
    },
    {
      id: 11,
      kind: 'data',
      op: 'leaf',
      symbol: '',
      label: 'A',
      name: 'A',
      mode: 'tensor',
      shape: [10, 10],
      value: { shape: [10, 10], data: A },
      grad: { shape: [10, 10], data: A.map(() => 1) },
      inputs: [],
      attrs: {},
      isOutput: false,
    },
    {
      id: 12,
      kind: 'function',
      op: 'sum',
      symbol: 'Σ',
      label: 's',
      name: 's',
      mode: 'tensor',
      shape: [],
      value: { shape: [], data: [0] },
      grad: { shape: [], data: [1] },
      inputs: [11],
      attrs: {},
      isOutput: true,
    },
  ];
  return {
    graph: { nodes, edges: [{ id: '11-12', source: 11, target: 12, index: 0 }], root: 12 },
    events: [],
    backwardStart: 0,
    nonFinite: null,
  };
}

export function knownInput(): ReportInput {
  return {
    lesson: {
      id: '02-chain-rule',
      title: 'The chain rule on a graph',
      topic: 'Backpropagation: local derivatives multiplied along the path',
    },
    graphs: [
      {
        id: 'chain',
        title: 'f = (x + y) · z',
        caption: 'The lecture example with $x = -2$, $y = 5$, $z = -4$.',
        trace: chainRuleTrace(),
        check: {
          rows: [
            {
              node: 1,
              label: 'x',
              analytic: -4,
              numeric: -4.000000000026,
              absError: 2.6e-11,
              relError: 6.5e-12,
              ok: true,
            },
            {
              node: 4,
              label: 'z',
              analytic: 3,
              numeric: 2.99999999998,
              absError: 2e-11,
              relError: 6.7e-12,
              ok: true,
            },
          ],
          passed: true,
          summary: '',
        },
      },
      {
        id: 'tensor',
        title: 'A sum over a matrix',
        caption: '',
        trace: tensorTrace(),
        check: { rows: [], passed: null, summary: '' },
      },
    ],
    plots: [
      {
        title: 'Training loss',
        xLabel: 'step',
        yLabel: 'loss J',
        logY: false,
        // J halves every step from 0.8: 0.8, 0.4, 0.2, 0.1, 0.05.
        series: [
          {
            name: 'J',
            points: [
              [0, 0.8],
              [1, 0.4],
              [2, 0.2],
              [3, 0.1],
              [4, 0.05],
            ],
          },
        ],
      },
    ],
    checkpoints: [
      {
        id: 'dfdx',
        prompt: 'What is $\\partial f / \\partial x$?',
        answer: '-4',
        expected: '-4',
        explanation: 'It is $z \\cdot 1$.',
        correct: true,
      },
      {
        id: 'dfdz',
        prompt: 'What is $\\partial f / \\partial z$?',
        answer: '-12',
        attempts: 3,
        expected: '3',
        explanation: 'It is $q = x + y$.',
        correct: false,
      },
      {
        id: 'fan',
        prompt: 'Why do gradients add at a fork?',
        answer: null,
        expected: 'b',
        explanation: '',
        correct: null,
      },
    ],
    notes:
      'The add gate **distributes** the gradient; the mul gate swaps its inputs: $\\partial f/\\partial z = q$.\n\n<script>alert(1)</script>',
    appVersion: '0.1.0-test',
    date: '2026-11-27T13:42:00.000Z',
  };
}
