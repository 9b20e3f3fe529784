/** Debian's Chromium, driven by playwright-core (which never downloads a browser of its own here). */
import { ChromiumMissingError, findChromium } from '../../../lessons/io/pdf';
export { CHROMIUM_ARGS } from '../../../lessons/io/chromium';

/**
 * The Chromium the end-to-end tests drive: the project's own lookup (CHROMIUM_PATH, else the usual install
 * paths), with the way to install it when there is none.
 */
export function chromiumPath(): string {
  try {
    return findChromium();
  } catch (e) {
    if (!(e instanceof ChromiumMissingError)) throw e;
    throw new Error(
      `End-to-end tests need Chromium. ${e.message}\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(or, outside CI only, set SKIP_E2E=1 to skip the end-to-end tests).',
    );
  }
}
