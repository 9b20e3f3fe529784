import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonMarkdown } from '../../lessons/format/parse';
import type { LessonModule } from '../../lessons/format/types';
import { loadLesson } from '../../lessons/runner/load';

const FIX = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => {
  const path = `test/lessons/fixtures/${name}/lesson.md`;
  return { path, text: readFileSync(join(FIX, name, 'lesson.md'), 'utf8') };
};

const stubModule: LessonModule = {
  graphs: {
    chain: {
      title: 'stub',
      build: () => {
        throw new Error('not built in this test');
      },
    },
  },
  checkpoints: {},
};

describe('lesson.md parsing', () => {
  it('splits a valid lesson into front matter, text blocks and directives with their lines', () => {
    const text = [
      '---',
      'id: 02-chain-rule',
      'title: The chain rule',
      'topic: Backprop',
      'objectives:',
      '  - one',
      '---',
      '',
      '# Title',
      '',
      '::graph{id="chain"}',
      'after',
      '```',
      '::not-a-directive inside a fence',
      '```',
    ].join('\n');
    const doc = parseLessonMarkdown('lessons/02-chain-rule/lesson.md', text);
    expect(doc.meta).toEqual({
      id: '02-chain-rule',
      title: 'The chain rule',
      topic: 'Backprop',
      objectives: ['one'],
    });
    expect(doc.order).toBe(2);
    expect(
      doc.blocks.map((b) => (b.type === 'directive' ? `${b.name}:${b.id}@${b.line}` : `md@${b.line}`)),
    ).toEqual(['md@8', 'graph:chain@11', 'md@12']);
  });

  it.each([
    ['99-bad-yaml', /99-bad-yaml\/lesson\.md:3: front matter is not valid YAML/],
    [
      '98-bad-directive',
      /98-bad-directive\/lesson\.md:11: directive "::graph": cannot read attributes at "id=chain"/,
    ],
    [
      '96-missing-field',
      /96-missing-field\/lesson\.md:5: front matter "objectives" needs at least one objective/,
    ],
    [
      '95-wrong-folder',
      /95-wrong-folder\/lesson\.md:2: id "01-other-name" must equal the folder name "95-wrong-folder"/,
    ],
  ])('a broken lesson %s names its file and line', (name, message) => {
    const { path, text } = fixture(name);
    expect(() => parseLessonMarkdown(path, text)).toThrow(message);
  });

  it('names the line of a directive whose id lesson.ts does not declare, and does not throw from loadLesson', () => {
    const loaded = loadLesson(fixture('97-unknown-id'), { '97-unknown-id': stubModule });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.broken.error).toBe(
        'test/lessons/fixtures/97-unknown-id/lesson.md:11: ::checkpoint{id="nope"} is not declared in lesson.ts (declared: none)',
      );
    }
  });

  it('rejects an unknown directive and a missing front matter with their lines', () => {
    const head = '---\nid: 01-a\ntitle: abc\ntopic: abc\nobjectives: [abc]\n---\n';
    expect(() => parseLessonMarkdown('lessons/01-a/lesson.md', `${head}\n::video{id="x"}`)).toThrow(
      'lessons/01-a/lesson.md:8: unknown directive "::video"',
    );
    expect(() => parseLessonMarkdown('x/lesson.md', '# no front matter')).toThrow(
      'x/lesson.md:1: missing front matter',
    );
    expect(() => parseLessonMarkdown('lessons/01-a/lesson.md', `${head}::graph{id="x"} trailing`)).toThrow(
      'lessons/01-a/lesson.md:7: malformed directive',
    );
  });
});
