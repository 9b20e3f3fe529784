/** Debian's Chromium, driven by playwright-core (which never downloads a browser of its own here). */
export { CHROMIUM_ARGS } from '../../../lessons/io/chromium';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
