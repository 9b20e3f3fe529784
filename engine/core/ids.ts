/** Node ids: unique per process and increasing in creation order, shared by scalar and tensor nodes. */
import type { Attrs } from './types';

let next = 0;

export function newId(): number {
  return next++;
}

/** The attrs of ops that take none; shared so a node costs no extra object. */
export const NO_ATTRS: Attrs = Object.freeze({});
