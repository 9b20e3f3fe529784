/** Reading a `.backstep.json` the user picked: size checked before reading, then the shared parser. */
import * as nodeFs from 'node:fs';
import { basename } from 'node:path';
import { MAX_SESSION_BYTES, parseSessionText, tooLarge, type SessionParse } from '../contract/session';

export function readSessionFile(
  path: string,
  fs: Pick<typeof nodeFs, 'statSync' | 'readFileSync'> = nodeFs,
): SessionParse {
  const name = basename(path);
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile()) return { ok: false, error: `Cannot open ${name}: it is not a file.` };
    if (stat.size > MAX_SESSION_BYTES)
      return { ok: false, error: `Cannot open ${name}: ${tooLarge(stat.size)}` };
    return parseSessionText(fs.readFileSync(path, 'utf8'), name);
  } catch (error) {
    return {
      ok: false,
      error: `Cannot open ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    };
  }
}

/** Only a bare file name from the renderer, never a folder: the folder is chosen in the save dialog. */
export function safeFileName(suggested: string, extension: string): string {
  const base = suggested
    .replace(/[/\\]/g, '_')
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const name = base || 'backstep';
  return name.toLowerCase().endsWith(extension) ? name : name + extension;
}
