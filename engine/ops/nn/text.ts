/** Inspector text for the nn ops: one plain-text formula, converted to LaTeX by the engine's `tex`. */
import { tex } from '../../core/format';
import type { Formula } from '../opdef';

// Symbols the nn formulas use beyond the engine's list, as KaTeX commands.
// Multi-character patterns first, so their parts are not replaced one by one.
const EXTRA: ReadonlyArray<readonly [string, string]> = [
  ['√(σ² + ε)', '\\sqrt{\\sigma^2 + \\epsilon}'],
  ['Σ_ŷ', '\\sum_{\\hat{y}}'],
  ['z_ŷ', 'z_{\\hat{y}}'],
  ['ln ', '\\ln '],
  ['ln(', '\\ln('],
  ['exp ', '\\exp '],
  ['e^{−|x|}', 'e^{-|x|}'],
  ['ŷ', '\\hat{y}'],
  ['ᵀ', '^{\\top}'],
  ['⊙', '\\odot '],
  ['ℓ', '\\ell '],
  ['√', '\\sqrt'],
  ['ε', '\\epsilon '],
  ['γ', '\\gamma '],
  ['β', '\\beta '],
  ['μ', '\\mu '],
  ['x̂', '\\hat{x}'],
  ['λ', '\\lambda '],
  ['‖', '\\|'],
  ['²', '^2'],
  ['∈', '\\in '],
];

export function formula(text: string): Formula {
  let latex = text;
  for (const [from, to] of EXTRA) latex = latex.split(from).join(to);
  return { text, latex: tex(latex) };
}
