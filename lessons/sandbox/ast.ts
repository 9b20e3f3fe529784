/** The sandbox language's syntax tree: statements `name = expr`, the last one being the output. */

/** Elementwise functions (scalar and tensor mode). */
export const ELEMENTWISE = ['exp', 'log', 'tanh', 'sigmoid', 'relu'] as const;
/** Functions of a whole tensor; a program using one is built in tensor mode. */
export const TENSOR_FUNCTIONS = ['sum', 'mean', 'softmax', 'logSoftmax'] as const;
export const FUNCTIONS = [...ELEMENTWISE, ...TENSOR_FUNCTIONS] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
/** `@` is the matrix product (as in Python); the others are elementwise, broadcasting in tensor mode. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '@';

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
  | { kind: 'call'; fn: FunctionName; arg: Expr; pos: Pos }
  /**
   * A literal vector or matrix, `[1, -2]` or `[[1, 2], [3, 4]]`: its items are numbers (a leading minus
   * belongs to the number) or nested arrays, never expressions.
   */
  | { kind: 'array'; items: ArrayItem[]; pos: Pos };

export type ArrayItem = Extract<Expr, { kind: 'num' } | { kind: 'array' }>;

export interface Statement {
  /** null for a bare expression (allowed as the last statement). */
  name: string | null;
  expr: Expr;
  pos: Pos;
}

export interface Program {
  statements: Statement[];
}
