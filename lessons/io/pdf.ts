/**
 * HTML → PDF for the command line (Node only), by printing the report's own HTML in Debian's Chromium through
 * playwright-core (never a downloaded browser). The desktop app prints the same HTML with
 * `webContents.printToPDF`, and a browser with its print dialog.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export class ChromiumMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(
      `PDF needs Chromium, and none was found (looked at ${tried.join(', ')}). ` +
        'Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable. ' +
        'HTML and Markdown reports do not need it: --format html,md.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium to print with: $CHROMIUM_PATH if set, else the first usual install path that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new ChromiumMissingError(tried);
  return found;
}

export async function htmlToPdf(html: string, executablePath: string = findChromium()): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // The KaTeX fonts are data URIs; wait until they are decoded so the math prints in them.
    await page.evaluate('document.fonts.ready.then(() => true)');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
