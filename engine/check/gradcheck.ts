/**
 * gradcheck(root, nodes?): compare the analytic gradient (one backward pass, `.grad` untouched) with the
 * central difference, per node and element, with PyTorch's tolerances: pass when
 * |analytic − numeric| ≤ atol + rtol·|numeric|.
 */
import { EngineError } from '../core/errors';
import { nameOf } from '../core/plain';
import { topoOrder } from '../core/topo';
import type { GraphNode } from '../core/types';
import { elementOf, sizeOfValue } from '../graph/access';
import { gradients } from '../graph/gradients';
import { numericElement } from './numeric';

export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /**
   * Check at most this many elements per node, evenly spaced (default: all). Each element costs two forward
   * passes, so a large weight matrix is better sampled.
   */
  maxElementsPerNode?: number;
}

export interface GradcheckEntry {
  node: number;
  op: string;
  label: string;
  /** Flat (row-major) element index; 0 for a scalar. */
  index: number;
  analytic: number;
  numeric: number;
  absErr: number;
  /** absErr / |numeric| (absErr itself when numeric is 0). */
  relErr: number;
  pass: boolean;
}

export interface GradcheckNode {
  node: number;
  op: string;
  label: string;
  pass: boolean;
  entries: GradcheckEntry[];
}

export interface GradcheckResult {
  pass: boolean;
  nodes: GradcheckNode[];
  summary: { checked: number; failed: number; maxAbsErr: number; maxRelErr: number; text: string };
  /** One line per failing element, naming node, op, index and both numbers. */
  failures: string[];
}

/** By default every leaf that is not a constant: the inputs and parameters. */
function defaultNodes(root: GraphNode): GraphNode[] {
  return topoOrder(root).filter((n) => n.inputs.length === 0 && n.kind !== 'constant');
}

export function gradcheck(
  root: GraphNode,
  nodes?: readonly GraphNode[],
  opts: GradcheckOptions = {},
): GradcheckResult {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3, maxElementsPerNode = Infinity } = opts;
  const grads = gradients(root);
  const targets = nodes ?? defaultNodes(root);
  const results: GradcheckNode[] = [];
  const failures: string[] = [];
  let checked = 0;
  let maxAbsErr = 0;
  let maxRelErr = 0;
  for (const n of targets) {
    const analytic = grads.get(n.id);
    if (analytic === undefined)
      throw new EngineError(
        `gradcheck: node '${nameOf(n)}' (#${n.id}) is not in the graph of '${nameOf(root)}'`,
      );
    const entries: GradcheckEntry[] = [];
    for (const j of sampleIndices(sizeOfValue(analytic), maxElementsPerNode)) {
      const a = elementOf(analytic, j);
      const m = numericElement(root, n, j, eps);
      const absErr = Math.abs(a - m);
      const relErr = m === 0 ? absErr : absErr / Math.abs(m);
      const pass = absErr <= atol + rtol * Math.abs(m);
      entries.push({
        node: n.id,
        op: n.op,
        label: n.label,
        index: j,
        analytic: a,
        numeric: m,
        absErr,
        relErr,
        pass,
      });
      checked++;
      maxAbsErr = Math.max(maxAbsErr, absErr);
      maxRelErr = Math.max(maxRelErr, relErr);
      if (!pass) {
        failures.push(
          `gradcheck: node '${nameOf(n)}' (#${n.id}, op ${n.op}) index ${j}: analytic ${a} vs numeric ${m} ` +
            `(abs err ${absErr.toExponential(2)}, rel err ${relErr.toExponential(2)})`,
        );
      }
    }
    results.push({ node: n.id, op: n.op, label: n.label, pass: entries.every((e) => e.pass), entries });
  }
  const failed = failures.length;
  const text = `${failed === 0 ? 'pass' : 'FAIL'}: ${checked - failed}/${checked} elements within atol ${atol} + rtol ${rtol}; max abs err ${maxAbsErr.toExponential(2)}, max rel err ${maxRelErr.toExponential(2)}`;
  return {
    pass: failed === 0,
    nodes: results,
    summary: { checked, failed, maxAbsErr, maxRelErr, text },
    failures,
  };
}

/** 0..n−1, or `max` of them evenly spaced (first and last included). */
function sampleIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, j) => j);
  if (max <= 1) return [0];
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}
