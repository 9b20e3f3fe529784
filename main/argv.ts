/** Session files named on the command line: `npm start -- lesson.backstep.json`. */
import { resolve } from 'node:path';

/** Arguments ending in .json that are not flags, resolved against the folder the app was started from. */
export function sessionPathsIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.json') && !a.endsWith('package.json'))
    .map((a) => resolve(cwd, a));
}
