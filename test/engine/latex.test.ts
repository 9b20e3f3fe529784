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

  it('sets function names upright as operators, not as italic products of letters', () => {
    const x = value(0.5, 'x');
    const t = trace(x.tanh().exp());
    const fwd = t.events
      .filter((e) => e.phase === 'forward')
      .map((e) => (e.phase === 'forward' ? e.latex : ''));
    // Worked by hand: tanh(0.5) = 0.4621, exp(0.4621) = 1.5874.
    expect(fwd[1]).toBe('\\#2 = \\operatorname{tanh}(x) = \\operatorname{tanh}(0.5000) = 0.4621');
    expect(fwd[2]).toContain('\\operatorname{exp}(\\#2)');
    const X = tensor([[1, 2]], { label: 'X' });
    const mm = trace(X.matmul(tensor([[1], [1]], { label: 'W' })).sum());
    const line = mm.events.find((e) => e.phase === 'forward' && e.op === 'matmul');
    expect(line && line.phase === 'forward' ? line.latex : '').toContain('\\operatorname{matmul}(X, W)');
    for (const l of [...fwd, ...allLatex(mm)]) expect(renders(l), l).toBe(true);
  });
});
