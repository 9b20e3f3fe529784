/**
 * Write a file so that a crash at any moment leaves either the old file or the new one, never half of
 * either: write a temporary file beside it, fsync it, then rename over the target (atomic on one volume).
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The few fs calls used, so tests can simulate a crash between any two of them. */
export type AtomicFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'
>;

export function writeFileAtomicSync(path: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): void {
  fs.mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(temp, fs);
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp, fs);
    throw error;
  }
}

function removeQuietly(path: string, fs: AtomicFs): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Already gone, or the disk is failing; the target is untouched either way.
  }
}
