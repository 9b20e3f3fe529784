// Every formula a trace records is valid KaTeX (rendered with throwOnError), in both modes.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { tensor, trace, value, type Trace } from '../../engine/index';

function allLatex(t: Trace): string[] {
  return t.events.flatMap((e) => (e.phase === 'forward' ? [e.latex] : e.contributions.map((c) => c.latex)));
}

function renders(latex: string): boolean {
  katex.renderToString(latex, { throwOnError: true });
  return true;
}

describe('trace LaTeX renders in KaTeX', () => {
  it('scalar graph with every scalar op, negative numbers and unlabelled nodes', () => {
    const x = value(-1.5, 'x');
    const w = value(2, 'w_1');
    const y = x
      .mul(w)
      .add(1)
      .pow(2)
      .neg()
      .exp()
      .add(x.tanh())
      .add(x.sigmoid())
      .add(x.relu())
      .add(w.log())
      .div(3)
      .sub(x);
    const latex = allLatex(trace(y));
    expect(latex.length).toBeGreaterThan(20);
    for (const l of latex) expect(renders(l), l).toBe(true);
  });

  it('tensor graph with every tensor op', () => {
    const X = tensor(
      [
        [1, -2, 3],
        [4, 5, -6],
      ],
      { label: 'X' },
    );
    const W = tensor([[0.1], [0.2], [-0.3]], { label: 'W' });
    const z = X.matmul(W).transpose().reshape([2]).softmax().add(X.max(1)).logSoftmax().mul(X.sum(1)).mean();
    const latex = allLatex(trace(z));
    for (const l of latex) expect(renders(l), l).toBe(true);
  });
});
