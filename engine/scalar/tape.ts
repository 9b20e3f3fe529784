/**
 * The creation tape: every Value is written here, in the order it was made, until the next backward pass
 * (or until the tape is full). Since a node is always made after its inputs, creation order is already a
 * topological order, so `backward()` on a node of the current tape needs no depth-first walk: it sweeps the
 * tape backwards from the root (a Wengert list, as reverse-mode AD was first written). The walk over the heap
 * was the largest cost of a training step on scalar graphs of 10⁵ nodes (A2: ~⅓ of the step), the sweep
 * reads an array in order.
 *
 * A node knows it is on the current tape by its mark: `_mark === tape.mark`, and then `_pos` is its index.
 * The same two fields serve the depth-first walk (which sets a fresh mark), so a node that was walked since
 * it was made is simply no longer on the tape, and the next backward through it takes the walk.
 */
import type { Value } from './value';

let marks = 0;

/** A number no node carries yet: a fresh pass or tape mark. */
export function nextMark(): number {
  return ++marks;
}

/**
 * The most nodes the tape holds. It keeps its nodes alive until the next backward pass, so a program that
 * builds graphs and never calls backward keeps at most this many extra nodes (~30 MB); larger graphs than
 * this still work, through the walk.
 */
export const TAPE_CAP = 1 << 18;

export const tape = {
  nodes: [] as (Value | null)[],
  len: 0,
  mark: nextMark(),
};

/** Write a new node on the tape (its constructor calls this). */
export function record(v: Value): void {
  if (tape.len === TAPE_CAP) restartTape();
  v._mark = tape.mark;
  v._pos = tape.len;
  tape.nodes[tape.len++] = v;
}

/** Forget the tape's nodes (after a backward pass): later nodes start a new one. */
export function restartTape(): void {
  tape.nodes.fill(null, 0, tape.len);
  tape.len = 0;
  tape.mark = nextMark();
}
