/**
 * Debian's Chromium as every Node-side tool here starts it (report PDFs, end-to-end tests, the UI benchmark):
 * through playwright-core, which never downloads a browser of its own, with the flags this machine needs
 * (no sandbox as root, no GPU, and no background connections that the closed network would refuse).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
