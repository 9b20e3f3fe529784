/**
 * Every op the engine knows, by name: the core primitives here, the neural-network ops from `./nn/index`
 * (kept in their own list so they are added without touching this file). backward, trace, evaluate,
 * lowering, the debugger and the lessons all read op definitions from here.
 */
import { EngineError } from '../core/errors';
import { addOp } from './add';
import { leafOp } from './leaf';
import { matmulOp } from './matmul';
import { mulOp } from './mul';
import { nnOps } from './nn/index';
import type { OpDef } from './opdef';
import { maxOp, sumOp } from './reduce';
import { reshapeOp, transposeOp } from './shape';
import { logSoftmaxOp, softmaxOp } from './softmax';
import { expOp, logOp, negOp, powOp, reluOp, sigmoidOp, tanhOp } from './unary';

export const coreOps: readonly OpDef[] = [
  leafOp,
  addOp,
  mulOp,
  powOp,
  negOp,
  expOp,
  logOp,
  tanhOp,
  sigmoidOp,
  reluOp,
  matmulOp,
  sumOp,
  maxOp,
  reshapeOp,
  transposeOp,
  softmaxOp,
  logSoftmaxOp,
];

let table: Map<string, OpDef> | null = null;

/** Built on first use, so op files that import the engine (nn ops) never see a half-initialised registry. */
function ops(): Map<string, OpDef> {
  if (table) return table;
  table = new Map();
  for (const op of [...coreOps, ...nnOps]) {
    if (table.has(op.name)) throw new EngineError(`op registry: '${op.name}' is defined twice`);
    table.set(op.name, op);
  }
  return table;
}

/** The op named `name`, or an error listing the known ones. */
export function getOp(name: string): OpDef {
  const op = ops().get(name);
  if (!op) throw new EngineError(`unknown op '${name}'; known ops: ${[...ops().keys()].join(', ')}`);
  return op;
}

export function hasOp(name: string): boolean {
  return ops().has(name);
}

export function allOps(): OpDef[] {
  return [...ops().values()];
}
