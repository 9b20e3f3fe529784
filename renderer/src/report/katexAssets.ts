/**
 * KaTeX's stylesheet with its fonts as data URIs, for reports exported from the app (Vite imports: the CSS as
 * raw text, each woff2 as an inline data URL, loaded only when a report is exported). Node reads the same
 * files in `lessons/io/katexAssets.ts`; both go through `inlineKatexFonts`.
 */
import katexCss from 'katex/dist/katex.min.css?raw';
import { inlineKatexFonts, katexFontFiles } from '../../../lessons/report/katexCss';
import type { ReportAssets } from '../../../lessons/report/types';

const FONTS: Record<string, () => Promise<{ default: string }>> = {
  'KaTeX_AMS-Regular.woff2': () => import('katex/dist/fonts/KaTeX_AMS-Regular.woff2?inline'),
  'KaTeX_Caligraphic-Bold.woff2': () => import('katex/dist/fonts/KaTeX_Caligraphic-Bold.woff2?inline'),
  'KaTeX_Caligraphic-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Caligraphic-Regular.woff2?inline'),
  'KaTeX_Fraktur-Bold.woff2': () => import('katex/dist/fonts/KaTeX_Fraktur-Bold.woff2?inline'),
  'KaTeX_Fraktur-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Fraktur-Regular.woff2?inline'),
  'KaTeX_Main-Bold.woff2': () => import('katex/dist/fonts/KaTeX_Main-Bold.woff2?inline'),
  'KaTeX_Main-BoldItalic.woff2': () => import('katex/dist/fonts/KaTeX_Main-BoldItalic.woff2?inline'),
  'KaTeX_Main-Italic.woff2': () => import('katex/dist/fonts/KaTeX_Main-Italic.woff2?inline'),
  'KaTeX_Main-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Main-Regular.woff2?inline'),
  'KaTeX_Math-BoldItalic.woff2': () => import('katex/dist/fonts/KaTeX_Math-BoldItalic.woff2?inline'),
  'KaTeX_Math-Italic.woff2': () => import('katex/dist/fonts/KaTeX_Math-Italic.woff2?inline'),
  'KaTeX_SansSerif-Bold.woff2': () => import('katex/dist/fonts/KaTeX_SansSerif-Bold.woff2?inline'),
  'KaTeX_SansSerif-Italic.woff2': () => import('katex/dist/fonts/KaTeX_SansSerif-Italic.woff2?inline'),
  'KaTeX_SansSerif-Regular.woff2': () => import('katex/dist/fonts/KaTeX_SansSerif-Regular.woff2?inline'),
  'KaTeX_Script-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Script-Regular.woff2?inline'),
  'KaTeX_Size1-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Size1-Regular.woff2?inline'),
  'KaTeX_Size2-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Size2-Regular.woff2?inline'),
  'KaTeX_Size3-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Size3-Regular.woff2?inline'),
  'KaTeX_Size4-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Size4-Regular.woff2?inline'),
  'KaTeX_Typewriter-Regular.woff2': () => import('katex/dist/fonts/KaTeX_Typewriter-Regular.woff2?inline'),
};

let cached: Promise<ReportAssets> | null = null;

export function loadKatexAssets(): Promise<ReportAssets> {
  cached ??= (async () => {
    const files = katexFontFiles(katexCss);
    const loaded = await Promise.all(
      files.map(async (f) => {
        const load = FONTS[f];
        if (!load) return [f, undefined] as const;
        const url = (await load()).default;
        // "data:font/woff2;base64,…" → the base64 part; anything else (a URL) falls back to system fonts.
        const b64 = url.startsWith('data:') ? url.slice(url.indexOf(',') + 1) : undefined;
        return [f, b64] as const;
      }),
    );
    const map = new Map(loaded);
    return { katexCss: inlineKatexFonts(katexCss, (f) => map.get(f)) };
  })();
  return cached;
}
