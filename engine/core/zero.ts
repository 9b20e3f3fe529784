/** zeroGrad: reset the gradient of every node under `root` (0 for Values, null for Tensors). */
import { topoOrder } from './topo';
import type { GraphNode } from './types';

interface HasScalarGrad {
  grad: number;
}
interface HasTensorGrad {
  grad: unknown;
}

export function zeroGrad(root: GraphNode): void {
  for (const n of topoOrder(root)) {
    if (n.mode === 'scalar') (n as unknown as HasScalarGrad).grad = 0;
    else (n as unknown as HasTensorGrad).grad = null;
  }
}
