/** The sandbox language's syntax tree: statements `name = expr`, the last one being the output. */

export const FUNCTIONS = ['exp', 'log', 'tanh', 'sigmoid', 'relu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Source position, 1-based. */
export interface Pos {
  line: number;
  column: number;
}

export type Expr =
  | { kind: 'num'; value: number; pos: Pos }
  | { kind: 'var'; name: string; pos: Pos }
  | { kind: 'neg'; arg: Expr; pos: Pos }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr; pos: Pos }
  | { kind: 'call'; fn: FunctionName; arg: Expr; pos: Pos };

export interface Statement {
  /** null for a bare expression (allowed as the last statement). */
  name: string | null;
  expr: Expr;
  pos: Pos;
}

export interface Program {
  statements: Statement[];
}
