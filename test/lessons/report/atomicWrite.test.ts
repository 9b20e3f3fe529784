import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileExistsError, existingFiles, writeFileAtomic } from '../../../lessons/io/atomicWrite';

describe('writeFileAtomic', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'backstep-atomic-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes the file (creating its folder) and leaves no temporary file', async () => {
    const d = dir();
    const p = join(d, 'sub', 'r.html');
    await writeFileAtomic(p, '<p>ok</p>', { overwrite: false });
    expect(readFileSync(p, 'utf8')).toBe('<p>ok</p>');
    expect(readdirSync(join(d, 'sub'))).toEqual(['r.html']);
  });

  it('never replaces an existing file without overwrite, and says which', async () => {
    const d = dir();
    const p = join(d, 'r.md');
    writeFileSync(p, 'the student’s old report');
    await expect(writeFileAtomic(p, 'new', { overwrite: false })).rejects.toThrow(FileExistsError);
    await expect(writeFileAtomic(p, 'new', { overwrite: false })).rejects.toThrow(`${p} already exists`);
    expect(readFileSync(p, 'utf8')).toBe('the student’s old report');
    expect(readdirSync(d)).toEqual(['r.md']);
  });

  it('replaces it with overwrite, bytes included', async () => {
    const d = dir();
    const p = join(d, 'r.pdf');
    writeFileSync(p, 'old');
    await writeFileAtomic(p, new Uint8Array([37, 80, 68, 70]), { overwrite: true });
    expect(readFileSync(p, 'latin1')).toBe('%PDF');
    expect(readdirSync(d)).toEqual(['r.pdf']);
  });

  it('lists the targets that exist already', () => {
    const d = dir();
    writeFileSync(join(d, 'a'), '');
    expect(existingFiles([join(d, 'a'), join(d, 'b')])).toEqual([join(d, 'a')]);
  });
});
