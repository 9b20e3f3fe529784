/** A lesson file that does not validate. The message always starts with `file:line`. */
export class LessonFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'LessonFormatError';
  }
}
