/**
 * Sandbox program → engine graph. Variables assigned a plain number (or a literal array) become leaves
 * labelled by name; a variable used twice is the same node (so its gradients add up). The last statement
 * is the output.
 *
 * Two modes, chosen from the program's text:
 * - scalar mode (micrograd's `Value`s) for programs of numbers only, as before;
 * - tensor mode when the program has a literal array (`[1, 2]`), the matrix product `@`, or a function of
 *   a whole tensor (sum, mean, softmax, logSoftmax). Every number is then a one-element tensor of shape []
 *   that broadcasts, and `@` follows NumPy for vectors: `[m,k] @ [k]` → `[m]`, `[k] @ [k,n]` → `[n]`,
 *   `[k] @ [k]` → `[]` (a vector is reshaped to a one-column or one-row matrix around the engine's 2-d matmul).
 *
 * An engine error while building (a `ShapeError` such as `add: cannot broadcast …`) becomes a `ParseError`
 * at the operator or function that raised it, keeping the engine's message. Every node remembers where in
 * the text it was made (`origins`), so a NaN or ±∞ found later (`nonFiniteError`) is shown there too.
 */
import {
  EngineError,
  ShapeError,
  Tensor,
  shapeStr,
  tensor,
  trace,
  value,
  type GraphNode,
  type Nested,
  type Value,
} from '../../engine/index';
import {
  TENSOR_FUNCTIONS,
  type ArrayItem,
  type BinaryOp,
  type Expr,
  type FunctionName,
  type Pos,
  type Program,
  type Statement,
} from './ast';
import { ParseError } from './errors';
import { parseProgram } from './parser';

/** A built program in one mode: its output, its variables and where each node was written. */
interface Built<M extends 'scalar' | 'tensor', N extends Value | Tensor> {
  mode: M;
  root: N;
  /** Variables in order of definition. */
  variables: Map<string, N>;
  program: Program;
  /** Node id → where in the text it was made (the number, operator or function). */
  origins: ReadonlyMap<number, Pos>;
}

export type SandboxGraph = Built<'scalar', Value> | Built<'tensor', Tensor>;

/** The value of an expression made of numbers only (for exponents), or null if it has anything else. */
function constantValue(e: Expr): number | null {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
    case 'call':
    case 'array':
      return null;
    case 'neg': {
      const v = constantValue(e.arg);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = constantValue(e.left);
      const r = constantValue(e.right);
      if (l === null || r === null) return null;
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
        case '^':
          return l ** r;
        case '@':
          return null;
      }
    }
  }
}

/** Whether an expression needs tensor mode: an array literal, `@`, or a whole-tensor function. */
function needsTensors(e: Expr): boolean {
  switch (e.kind) {
    case 'array':
      return true;
    case 'num':
    case 'var':
      return false;
    case 'neg':
      return needsTensors(e.arg);
    case 'call':
      return (TENSOR_FUNCTIONS as readonly string[]).includes(e.fn) || needsTensors(e.arg);
    case 'bin':
      return e.op === '@' || needsTensors(e.left) || needsTensors(e.right);
  }
}

export function isTensorProgram(program: Program): boolean {
  return program.statements.some((s) => needsTensors(s.expr));
}

/** What building needs from a mode: leaves and the ops of the language. */
interface ModeOps<N extends Value | Tensor> {
  leaf(v: number, label: string): N;
  array(items: ArrayItem[], pos: Pos, label: string): N;
  binary(op: Exclude<BinaryOp, '^'>, l: N, r: N): N;
  pow(l: N, k: number): N;
  neg(a: N): N;
  call(fn: FunctionName, a: N): N;
}

const scalarOps: ModeOps<Value> = {
  leaf: (v, label) => value(v, label),
  array: (_items, pos) => {
    throw new ParseError('an array in a scalar program', pos, 'numbers'); // unreachable: arrays mean tensor mode
  },
  binary: (op, l, r) =>
    op === '+' ? l.add(r) : op === '-' ? l.sub(r) : op === '*' ? l.mul(r) : op === '/' ? l.div(r) : l,
  pow: (l, k) => l.pow(k),
  neg: (a) => a.neg(),
  call: (fn, a) =>
    fn === 'exp'
      ? a.exp()
      : fn === 'log'
        ? a.log()
        : fn === 'tanh'
          ? a.tanh()
          : fn === 'sigmoid'
            ? a.sigmoid()
            : a.relu(),
};

/** A literal array as nested numbers, checking that it is rectangular (the error points at the odd row). */
function nested(items: ArrayItem[]): Nested {
  const first = items[0] as ArrayItem;
  const shapeOf = (it: ArrayItem): number[] =>
    it.kind === 'num' ? [] : [it.items.length, ...shapeOf(it.items[0] as ArrayItem)];
  const want = shapeStr(shapeOf(first));
  for (const it of items) {
    const got = shapeStr(shapeOf(it));
    if (got !== want) {
      const what = (s: string) => (s === '[]' ? 'a number' : `an array of shape ${s}`);
      throw new ParseError(
        `the items of an array must all have the same shape: this one is ${what(got)}, the first is ${what(want)}`,
        it.pos,
        what(want),
      );
    }
  }
  return items.map((it) => (it.kind === 'num' ? it.value : nested(it.items))) as Nested;
}

/** NumPy's `@` for vectors, around the engine's 2-d matmul. */
function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 2 && b.ndim === 2) return a.matmul(b);
  if (a.ndim < 1 || a.ndim > 2 || b.ndim < 1 || b.ndim > 2) {
    throw new ShapeError(
      `matmul: expects vectors or matrices: a is ${shapeStr(a.shape)}, b is ${shapeStr(b.shape)}`,
    );
  }
  const k = a.shape[a.ndim - 1] as number;
  if (k !== b.shape[0]) {
    throw new ShapeError(
      `matmul: inner dimensions differ: a is ${shapeStr(a.shape)}, b is ${shapeStr(b.shape)}`,
    );
  }
  const A = a.ndim === 1 ? a.reshape([1, k]) : a;
  const B = b.ndim === 1 ? b.reshape([k, 1]) : b;
  const out = A.matmul(B);
  const shape = [
    ...(a.ndim === 2 ? [a.shape[0] as number] : []),
    ...(b.ndim === 2 ? [b.shape[1] as number] : []),
  ];
  return out.reshape(shape);
}

const tensorOps: ModeOps<Tensor> = {
  leaf: (v, label) => tensor(v, { label }),
  array: (items, _pos, label) => tensor(nested(items), { label }),
  binary: (op, l, r) =>
    op === '+'
      ? l.add(r)
      : op === '-'
        ? l.sub(r)
        : op === '*'
          ? l.mul(r)
          : op === '/'
            ? l.div(r)
            : matmul(l, r),
  pow: (l, k) => l.pow(k),
  neg: (a) => a.neg(),
  call: (fn, a) => {
    switch (fn) {
      case 'sum':
        return a.sum();
      case 'mean':
        return a.mean();
      case 'softmax':
        return a.softmax();
      case 'logSoftmax':
        return a.logSoftmax();
      default:
        return scalarCall(fn, a);
    }
  },
};

function scalarCall(fn: FunctionName, a: Tensor): Tensor {
  return fn === 'exp'
    ? a.exp()
    : fn === 'log'
      ? a.log()
      : fn === 'tanh'
        ? a.tanh()
        : fn === 'sigmoid'
          ? a.sigmoid()
          : a.relu();
}

/** Runs an engine call, turning its error into a ParseError at `pos` with the engine's message. */
function at<T>(pos: Pos, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) throw new ParseError(e.message, pos, '');
    throw e;
  }
}

function build<N extends Value | Tensor>(
  program: Program,
  ops: ModeOps<N>,
): { root: N; variables: Map<string, N>; origins: Map<number, Pos> } {
  const vars = new Map<string, N>();
  const origins = new Map<number, Pos>();
  // A node and the helper nodes an op made for it (x / y is x · y^{−1}: the power, a constant) were written
  // at `pos`; nodes already placed (variables, earlier subexpressions) stop the walk.
  const made = (n: N, pos: Pos): N => {
    const stack: GraphNode[] = [n];
    while (stack.length > 0) {
      const m = stack.pop()!;
      if (origins.has(m.id)) continue;
      origins.set(m.id, pos);
      stack.push(...m.inputs);
    }
    return n;
  };
  const toNode = (e: Expr): N => made(node(e), e.pos);
  const node = (e: Expr): N => {
    switch (e.kind) {
      case 'num':
        return ops.leaf(e.value, String(e.value));
      case 'array':
        return ops.array(e.items, e.pos, '');
      case 'var': {
        const v = vars.get(e.name);
        if (!v) {
          const known = [...vars.keys()];
          throw new ParseError(
            `"${e.name}" is not defined`,
            e.pos,
            known.length
              ? `one of ${known.join(', ')}, or define it first (${e.name} = …)`
              : `a definition first (${e.name} = …)`,
          );
        }
        return v;
      }
      case 'neg': {
        const a = toNode(e.arg);
        return at(e.pos, () => ops.neg(a));
      }
      case 'call': {
        const a = toNode(e.arg);
        return at(e.pos, () => ops.call(e.fn, a));
      }
      case 'bin': {
        const l = toNode(e.left);
        if (e.op === '^') {
          const k = constantValue(e.right);
          if (k === null || !Number.isFinite(k)) {
            throw new ParseError(
              'the exponent must be a number',
              e.right.pos,
              'a constant exponent such as 2 or 0.5',
            );
          }
          return at(e.pos, () => ops.pow(l, k));
        }
        const r = toNode(e.right);
        const op = e.op;
        return at(e.pos, () => ops.binary(op, l, r));
      }
    }
  };
  let root: N | null = null;
  for (const s of program.statements) {
    // Any engine error not caught at an operator (a leaf's) is shown at its statement.
    const v = made(
      at(s.pos, () => statement(s)),
      s.expr.pos,
    );
    if (s.name) vars.set(s.name, v);
    root = v;
  }
  return { root: root as N, variables: vars, origins };

  function statement(s: Statement): N {
    let v: N;
    if (s.name && s.expr.kind === 'num') {
      v = ops.leaf(s.expr.value, s.name);
    } else if (s.name && s.expr.kind === 'neg' && s.expr.arg.kind === 'num') {
      v = ops.leaf(-s.expr.arg.value, s.name); // "w = -3" is a leaf, not neg(3)
    } else if (s.name && s.expr.kind === 'array') {
      v = ops.array(s.expr.items, s.expr.pos, s.name);
    } else {
      v = toNode(s.expr);
      if (s.name && s.expr.kind !== 'var') v.label = s.name;
    }
    return v;
  }
}

export function buildProgram(program: Program): SandboxGraph {
  return isTensorProgram(program)
    ? { mode: 'tensor', ...build(program, tensorOps), program }
    : { mode: 'scalar', ...build(program, scalarOps), program };
}

/**
 * The first NaN or ±∞ of the graph's forward or backward pass as a `ParseError` where the node that produced
 * it was written, naming nodes as the debugger does (`y`, `#3`); null when every value and gradient is finite.
 */
export function nonFiniteError(g: SandboxGraph): ParseError | null {
  const bad = trace(g.root).nonFinite;
  if (!bad) return null;
  return new ParseError(bad.message, g.origins.get(bad.node) ?? g.program.statements.at(-1)!.pos, '');
}

/** Parses and builds in one go. Throws `ParseError` for syntax, name and shape errors. */
export function buildSandbox(src: string): SandboxGraph {
  return buildProgram(parseProgram(src));
}
