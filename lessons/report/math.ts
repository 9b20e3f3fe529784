/**
 * Math and Markdown for the HTML report, rendered at export time (KaTeX to HTML + MathML, markdown-it with raw
 * HTML off), so the report carries no scripts.
 */
import katex from 'katex';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
/** For the student's notes, typed in a plain text box: each line break they typed stays a line break. */
const notesMd = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });

export function renderMath(latex: string, display = false): string {
  // A malformed formula shows as red source text rather than failing the whole export.
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    // Lesson labels use Unicode subscripts (w₃); KaTeX renders them, so its strict-mode warnings are noise here.
    strict: 'ignore',
    output: 'htmlAndMathml',
  });
}

/** `$…$` and `$$…$$` spans in Markdown text (lesson text: every `$` pair is math). */
const MATH = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;
/**
 * The same in a student's own text, where `$` is also a dollar sign ("costs $5 and $10"): as in Pandoc, inline
 * math starts with `$` followed by a non-space and ends with a non-space followed by `$` and no digit.
 */
const STRICT_MATH = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?=[^\s$])([^$\n]*?[^\s$\\])\$(?![\d$])/g;

/** `$…$` and `$$…$$` spans, swapped for placeholders markdown-it leaves alone. */
function protectMath(text: string, pattern: RegExp = MATH): { text: string; math: string[] } {
  const math: string[] = [];
  const out = text.replace(pattern, (_m, display?: string, inline?: string) => {
    math.push(display !== undefined ? renderMath(display.trim(), true) : renderMath(inline ?? '', false));
    return `KTXMATH${math.length - 1}END`;
  });
  return { text: out, math };
}

function restoreMath(html: string, math: string[]): string {
  return html.replace(/KTXMATH(\d+)END/g, (_m, i: string) => math[Number(i)]);
}

/** One line of Markdown with math (a checkpoint's prompt or answer), as inline HTML. */
export function renderInlineMarkdown(text: string): string {
  const p = protectMath(text);
  return restoreMath(md.renderInline(p.text), p.math);
}

/** Blocks of Markdown with math (the student's notes), as HTML. */
export function renderMarkdown(text: string): string {
  const p = protectMath(text);
  return restoreMath(md.render(p.text), p.math);
}

/**
 * The student's notes as HTML: Markdown with math, but written in a plain text box, so a line break stays a line
 * break and a lone `$` (a price) stays a dollar sign.
 */
export function renderNotes(text: string): string {
  const p = protectMath(text, STRICT_MATH);
  return restoreMath(notesMd.render(p.text), p.math);
}
