/**
 * Numbers as the inspector writes them: four decimals, the real minus sign (−), and negative operands in
 * parentheses, e.g. `2.0000 × (−3.0000) = −6.0000`. `tex` turns such text into LaTeX.
 */
import type { TensorData } from './types';

/** 4 decimals with a real minus sign; NaN and ±∞ spelled out. */
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const abs = Math.abs(x);
  // Tiny or huge numbers would print as 0.0000 or a long string; show 4 significant digits instead.
  if (x !== 0 && (abs < 5e-5 || abs >= 1e9)) {
    const [m, e] = x.toExponential(3).split('e');
    return `${(m as string).replace('-', '−')}e${(e as string).replace('+', '').replace('-', '−')}`;
  }
  const s = x.toFixed(4);
  // -0.0000 would read as a negative number.
  if (s === '-0.0000') return '0.0000';
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** An operand: negative numbers wrapped in parentheses so `×` and `+` read unambiguously. */
export function fmtOperand(x: number): string {
  const s = fmt(x);
  return s.startsWith('−') ? `(${s})` : s;
}

/** Small tensors inline (`[1.0000, −2.0000]`), larger ones by shape (`⟨2×3⟩`). */
export function fmtTensor(t: TensorData, maxElements = 6): string {
  if (t.shape.length === 0) return fmtOperand(t.data[0] ?? NaN);
  if (t.data.length > maxElements) return `⟨${t.shape.join('×')}⟩`;
  return nest(t.data, t.shape, 0, 0);
}

function nest(data: Float64Array, shape: readonly number[], dim: number, offset: number): string {
  const n = shape[dim] ?? 1;
  if (dim === shape.length - 1) {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(fmt(data[offset + i] ?? NaN));
    return `[${parts.join(', ')}]`;
  }
  let stride = 1;
  for (let d = dim + 1; d < shape.length; d++) stride *= shape[d] ?? 1;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(nest(data, shape, dim + 1, offset + i * stride));
  return `[${parts.join(', ')}]`;
}

const TEX: ReadonlyArray<readonly [string, string]> = [
  ['−∞', '-\\infty'],
  ['∞', '\\infty'],
  ['−', '-'],
  ['×', '\\times '],
  ['·', '\\cdot '],
  ['∂', '\\partial '],
  ['σ', '\\sigma'],
  ['⟨', '\\langle '],
  ['⟩', '\\rangle '],
  ['Σ', '\\sum '],
];

/**
 * Plain inspector text → KaTeX-ready LaTeX. A function's name before its parentheses (tanh(…), matmul(…),
 * crossEntropy(…)) is set upright as an operator, not as a product of italic letters t·a·n·h; LaTeX
 * commands already there (such as \ln) are left alone.
 */
export function tex(text: string): string {
  let s = text;
  for (const [from, to] of TEX) s = s.split(from).join(to);
  return s.replace(/(?<![\\A-Za-z])([A-Za-z]{2,})\(/g, '\\operatorname{$1}(');
}
