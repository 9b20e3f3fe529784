/**
 * KaTeX's stylesheet with its woff2 fonts inlined, read from node_modules (Node only: the command line and the
 * tests). The app has its own loader (renderer/src/report/katexAssets.ts) over the same `inlineKatexFonts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inlineKatexFonts } from '../report/katexCss';
import type { ReportAssets } from '../report/types';

let cached: ReportAssets | null = null;

export function loadKatexAssets(): ReportAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const fontsDir = join(dirname(cssPath), 'fonts');
  const css = readFileSync(cssPath, 'utf8');
  cached = {
    katexCss: inlineKatexFonts(css, (file) => {
      try {
        return readFileSync(join(fontsDir, file)).toString('base64');
      } catch {
        return undefined; // that font falls back to the system's (see inlineKatexFonts)
      }
    }),
  };
  return cached;
}
