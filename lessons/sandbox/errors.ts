import type { Pos } from './ast';

/** A sandbox syntax or name error, at a line:column, saying what was expected. */
export class ParseError extends Error {
  constructor(
    readonly detail: string,
    readonly pos: Pos,
    readonly expected: string,
  ) {
    super(`line ${pos.line}, column ${pos.column}: ${detail}${expected ? `; expected ${expected}` : ''}`);
    this.name = 'ParseError';
  }
}
