import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicSync, type AtomicFs } from '../../main/state/atomic-write';

let dir: string;
let target: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstep-atomic-'));
  target = join(dir, 'state.json');
  writeFileSync(target, '{"old":true}');
});

/** The real fs, except that one call "crashes" (throws as a power cut would stop the process there). */
function crashingAt(call: keyof AtomicFs, afterBytes?: number): AtomicFs {
  const real: AtomicFs = fs;
  return {
    ...real,
    [call]: (...args: unknown[]) => {
      if (call === 'writeSync' && afterBytes !== undefined) {
        // Write part of the data for real, then die: a torn write in the temporary file.
        const [fd, buf] = args as [number, Uint8Array];
        fs.writeSync(fd, buf, 0, afterBytes);
      }
      throw Object.assign(new Error(`simulated crash in ${call}`), { code: 'EIO' });
    },
  } as AtomicFs;
}

describe('writeFileAtomicSync', () => {
  it('replaces the file with the new content and leaves no temporary file', () => {
    writeFileAtomicSync(target, '{"new":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"new":1}');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it.each(['writeSync', 'fsyncSync', 'renameSync'] as const)(
    'keeps the old file intact when the write dies in %s',
    (call) => {
      expect(() => writeFileAtomicSync(target, '{"new":"x".repeat(1000)}', crashingAt(call, 5))).toThrow(
        `simulated crash in ${call}`,
      );
      expect(readFileSync(target, 'utf8')).toBe('{"old":true}');
      expect(readdirSync(dir)).toEqual(['state.json']);
    },
  );

  it('writes into a folder that does not exist yet', () => {
    const nested = join(dir, 'a', 'b', 'c.json');
    writeFileAtomicSync(nested, 'hello');
    expect(readFileSync(nested, 'utf8')).toBe('hello');
  });
});
