import { describe, expect, it } from 'vitest';
import { makeSession, maxNesting, MAX_SESSION_BYTES, parseSessionText } from '../../main/contract/session';
import { readSessionFile } from '../../main/files/session-io';

const good = makeSession('lesson', 'Chain rule', { lesson: 'chain-rule', answers: { q1: 0.25 } });

describe('parseSessionText', () => {
  it('reads a valid session', () => {
    const result = parseSessionText(JSON.stringify(good), 'a.backstep.json');
    expect(result).toEqual({ ok: true, session: good });
  });

  it.each([
    ['not JSON', '{"format": ', 'Cannot open f.json: it is not JSON'],
    [
      'another JSON file',
      '{"name": "backstep", "version": "0.1.0"}',
      'it is not a Backstep session (expected "format": "backstep-session")',
    ],
    ['a top-level array', '[1, 2, 3]', 'it is not a Backstep session'],
    [
      'the wrong kind',
      JSON.stringify({ ...good, kind: 'virus' }),
      'the file does not match the session format: kind: Invalid option: expected one of "sandbox"|"lesson"',
    ],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), 'version'],
    [
      'an infinite number',
      '{"format":"backstep-session","version":1,"kind":"sandbox","data":{"w":[1,1e999]}}',
      'a number that is not finite at data.w[1]',
    ],
    ['deep nesting', '{"a":' + '['.repeat(65) + ']'.repeat(65) + '}', 'nested more than 64 levels deep'],
  ])('refuses %s with a clear message', (_what, text, message) => {
    const result = parseSessionText(text, 'f.json');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
  });

  it('refuses text over the size limit before parsing it', () => {
    const huge = '{"format":"backstep-session","pad":"' + 'x'.repeat(MAX_SESSION_BYTES) + '"}';
    const result = parseSessionText(huge, 'big.json');
    expect(result).toEqual({ ok: false, error: 'Cannot open big.json: it is 5.0 MB; the limit is 5.0 MB.' });
  });

  it('counts nesting outside strings only', () => {
    expect(maxNesting('{"a":[[1]]}')).toBe(3);
    expect(maxNesting('{"a":"[[[[[[\\"[["}')).toBe(1);
  });
});

describe('readSessionFile', () => {
  it('checks the size on disk before reading a byte', () => {
    let read = false;
    const fs = {
      statSync: () => ({ isFile: () => true, size: 200 * 1024 * 1024 }),
      readFileSync: () => {
        read = true;
        return '';
      },
    };
    const result = readSessionFile('/x/huge.backstep.json', fs as never);
    expect(result).toEqual({
      ok: false,
      error: 'Cannot open huge.backstep.json: it is 200.0 MB; the limit is 5.0 MB.',
    });
    expect(read).toBe(false);
  });

  it('names the file and the system error when it cannot be read', () => {
    const result = readSessionFile('/no/such/dir/x.backstep.json');
    expect(result).toEqual({ ok: false, error: 'Cannot open x.backstep.json: ENOENT.' });
  });
});
