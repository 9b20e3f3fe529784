/**
 * KaTeX's stylesheet made self-contained: each @font-face keeps only its woff2 source, as a data URI, so the
 * report needs no files and no network. The caller supplies the font bytes (the renderer does no I/O):
 * `lessons/io/katexAssets.ts` reads them in Node, `renderer/src/report/katexAssets.ts` in the app.
 * A font the caller cannot supply loses its `src` and falls back to the system's serif fonts.
 */

/** font file name (e.g. "KaTeX_Main-Regular.woff2") → its base64 bytes, or undefined if unavailable. */
export type FontLookup = (fileName: string) => string | undefined;

const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
const SRC = /src:[^;}]*/;
const WOFF2 = /url\(\s*["']?(?:[^"')]*\/)?([^/"')]+\.woff2)["']?\s*\)/;

export function inlineKatexFonts(css: string, fonts: FontLookup): string {
  return css.replace(FONT_FACE, (face) => {
    const m = WOFF2.exec(face);
    const b64 = m ? fonts(m[1]) : undefined;
    if (!b64) return face.replace(SRC, 'src:local("Times New Roman")');
    return face.replace(SRC, `src:url(data:font/woff2;base64,${b64}) format("woff2")`);
  });
}

/** The font files KaTeX's CSS asks for, in order. */
export function katexFontFiles(css: string): string[] {
  const out: string[] = [];
  for (const face of css.match(FONT_FACE) ?? []) {
    const m = WOFF2.exec(face);
    if (m) out.push(m[1]);
  }
  return out;
}

/** Used when no KaTeX stylesheet is supplied: readable math with system fonts (MathML is shown instead). */
export const FALLBACK_MATH_CSS =
  '.katex-html{display:none}.katex-mathml math{font-family:"STIX Two Math","Cambria Math","Latin Modern Math",serif}';

const RULE = /([^{}]+)\{([^{}]*)\}/g;
const FAMILY = /font-family:\s*(KaTeX_[A-Za-z0-9]+)/;

/**
 * KaTeX's stylesheet keeping only the @font-face blocks of the font families the math in `html` uses
 * (worked out from KaTeX's own class → font-family rules), so a report carries ~130 KB of fonts, not ~400 KB.
 * Whole families are kept (all weights and styles), so nested \textbf{\textit{…}} still finds its face.
 */
export function subsetKatexCss(css: string, html: string): string {
  const used = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) used.add(c);
  if (!used.has('katex')) return css.replace(FONT_FACE, '');
  const families = new Set<string>(['KaTeX_Main']); // .katex itself is set in KaTeX_Main
  for (const m of css.replace(FONT_FACE, '').matchAll(RULE)) {
    const family = FAMILY.exec(m[2])?.[1];
    if (!family) continue;
    const applies = m[1].split(',').some((sel) => {
      const classes = [...sel.matchAll(/\.([\w-]+)/g)].map((c) => c[1]).filter((c) => c !== 'katex');
      return classes.length > 0 && classes.every((c) => used.has(c));
    });
    if (applies) families.add(family);
  }
  return css.replace(FONT_FACE, (face) => {
    const family = /font-family:\s*(KaTeX_[A-Za-z0-9]+)/.exec(face)?.[1];
    return family && families.has(family) ? face : '';
  });
}
