/**
 * lesson.md → LessonDoc. A pure function of (path, text), shared by Node (fs) and the browser (Vite raw
 * imports). Every error names the file and the line at fault.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { LessonFormatError } from './errors';
import { directiveSchema, frontMatterSchema } from './schema';
import type { DirectiveName, LessonBlock, LessonDoc, LessonMeta } from './types';

const DIRECTIVE = /^::([A-Za-z]+)\{(.*)\}\s*$/;
const ATTR = /\s*([A-Za-z][\w-]*)="([^"]*)"\s*/y;

/** The lesson folder name in a path like `lessons/02-chain-rule/lesson.md`. */
export function folderOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length >= 2 ? parts[parts.length - 2] : '';
}

export function parseLessonMarkdown(path: string, text: string): LessonDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new LessonFormatError(path, 1, 'missing front matter: the file must start with a line "---"');
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new LessonFormatError(path, 1, 'front matter is not closed by a line "---"');
  const meta = parseFrontMatter(path, lines.slice(1, end));
  const folder = folderOf(path);
  if (folder && folder !== 'lessons' && folder !== meta.id) {
    throw new LessonFormatError(
      path,
      2 + lineOfKey(lines.slice(1, end), 'id'),
      `id "${meta.id}" must equal the folder name "${folder}"`,
    );
  }
  const blocks = parseBody(path, lines.slice(end + 1), end + 2);
  return { meta, path, order: Number(meta.id.slice(0, 2)), blocks };
}

function parseFrontMatter(path: string, fm: string[]): LessonMeta {
  const doc = parseDocument(fm.join('\n'), { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // The offset where the parser noticed the problem, as a line of the file (the front matter starts on line 2).
    const src = fm.join('\n');
    const line = 2 + src.slice(0, Math.min(e.pos[0], src.length)).split('\n').length - 1;
    throw new LessonFormatError(path, line, `front matter is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const result = frontMatterSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    throw new LessonFormatError(path, 2 + lineOfKey(fm, key), `front matter ${describeIssue(issue)}`);
  }
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : '';
  if (issue.code === 'unrecognized_keys')
    return `has unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where} ${issue.message}`.trim();
}

/** 0-based line of `key:` inside the front matter (0 when not found, i.e. the first line). */
function lineOfKey(fm: string[], key: string): number {
  if (!key) return 0;
  const i = fm.findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? 0 : i;
}

function parseBody(path: string, body: string[], firstLine: number): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  let text: string[] = [];
  let textLine = firstLine;
  let inFence = false;
  const flush = () => {
    const joined = text.join('\n');
    if (joined.trim()) blocks.push({ type: 'markdown', text: joined, line: textLine });
    text = [];
  };
  body.forEach((raw, i) => {
    const line = firstLine + i;
    if (raw.trimStart().startsWith('```')) inFence = !inFence;
    if (inFence || !raw.startsWith('::')) {
      if (text.length === 0) textLine = line;
      text.push(raw);
      return;
    }
    flush();
    blocks.push(parseDirective(path, raw, line));
  });
  if (inFence) throw new LessonFormatError(path, firstLine + body.length - 1, 'code fence ``` is not closed');
  flush();
  return blocks;
}

function parseDirective(path: string, raw: string, line: number): LessonBlock {
  const m = DIRECTIVE.exec(raw);
  if (!m) {
    throw new LessonFormatError(path, line, `malformed directive "${raw.trim()}": expected ::name{id="…"}`);
  }
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  const src = m[2];
  while (ATTR.lastIndex < src.length) {
    const start = ATTR.lastIndex;
    const a = ATTR.exec(src);
    if (!a) {
      throw new LessonFormatError(
        path,
        line,
        `directive "::${m[1]}": cannot read attributes at "${src.slice(start)}": expected key="value"`,
      );
    }
    attrs[a[1]] = a[2];
  }
  const result = directiveSchema.safeParse({ name: m[1], attrs });
  if (!result.success) {
    const issue = result.error.issues[0];
    const what =
      issue.path[0] === 'name'
        ? `unknown directive "::${m[1]}" (known: graph, checkpoint, plot, training)`
        : `directive "::${m[1]}": ${describeIssue({ ...issue, path: issue.path.slice(1) })}`;
    throw new LessonFormatError(path, line, what);
  }
  return { type: 'directive', name: result.data.name as DirectiveName, id: result.data.attrs.id, line };
}
