/** Splits sandbox source into tokens, tracking line:column for error messages. */
import type { Pos } from './ast';
import { ParseError } from './errors';

export type TokenType =
  'num' | 'ident' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'assign' | 'sep' | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  pos: Pos;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const push = (type: TokenType, text: string) => tokens.push({ type, text, pos: { line, column: col } });
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      push('sep', '\\n');
      i++;
      line++;
      col = 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      col++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    let text: string | null = null;
    let type: TokenType = 'op';
    NUMBER.lastIndex = i;
    IDENT.lastIndex = i;
    const num = NUMBER.exec(src);
    const id = num ? null : IDENT.exec(src);
    if (num) {
      text = num[0];
      type = 'num';
    } else if (id) {
      text = id[0];
      type = 'ident';
    } else if ('+-*/^@'.includes(c) || c === '\u2212') {
      text = c === '\u2212' ? '-' : c;
    } else if (c === '(') [text, type] = ['(', 'lparen'];
    else if (c === ')') [text, type] = [')', 'rparen'];
    else if (c === '[') [text, type] = ['[', 'lbracket'];
    else if (c === ']') [text, type] = [']', 'rbracket'];
    else if (c === ',') [text, type] = [',', 'comma'];
    else if (c === '=') [text, type] = ['=', 'assign'];
    else if (c === ';') [text, type] = [';', 'sep'];
    if (text === null) {
      const shown = c.trim() ? c : JSON.stringify(c);
      throw new ParseError(
        `unexpected character "${shown}"`,
        { line, column: col },
        'a number, a name, an operator, a parenthesis or a bracket',
      );
    }
    push(type, text);
    i += type === 'num' || type === 'ident' ? text.length : 1;
    col += type === 'num' || type === 'ident' ? text.length : 1;
  }
  tokens.push({ type: 'eof', text: 'end of input', pos: { line, column: col } });
  return tokens;
}
