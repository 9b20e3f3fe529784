/**
 * Writing report files safely (Node only): each file goes to a temporary file in the same folder first and is
 * then renamed into place, so a reader never sees half a file and a crash leaves no truncated report.
 * Without `overwrite`, an existing file is never replaced: the final step is a hard link, which fails
 * if the name exists (no check-then-write race).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists (use --force to overwrite it)`);
    this.name = 'FileExistsError';
  }
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: { overwrite: boolean },
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(tmp, data);
  try {
    if (opts.overwrite) {
      await rename(tmp, path);
      return;
    }
    try {
      await link(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw e;
    }
    await unlink(tmp);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** The paths among `paths` that exist already (checked before writing any, so a refusal writes nothing). */
export function existingFiles(paths: readonly string[]): string[] {
  return paths.filter((p) => existsSync(p));
}
