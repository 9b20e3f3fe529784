import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../main/contract/commands';

/** 'CmdOrCtrl+Shift+I' → 'Ctrl+Shift+I', 'Right' → '→': how README writes keys. */
function readmeKeys(shortcut: string): string {
  const arrows: Record<string, string> = { Right: '→', Left: '←' };
  return shortcut
    .split('+')
    .map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : (arrows[p] ?? p)))
    .join('+');
}

describe('README', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

  it('lists every keyboard shortcut of the command list, in order, with its menu', () => {
    const section = readme.split('## Keyboard shortcuts')[1]!.split('\n## ')[0]!;
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Command') && !l.startsWith('| ---'))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    const expected = (COMMANDS as readonly CommandSpec[])
      .filter((c) => c.shortcut)
      .map((c) => [c.label, readmeKeys(c.shortcut!), c.menu]);
    expect(rows).toEqual(expected);
  });

  it('gives the set-up and test commands', () => {
    for (const command of ['npm install', 'npm start', 'npm run web', 'npm test', 'npm run lint:security']) {
      expect(readme).toContain(command);
    }
  });
});
