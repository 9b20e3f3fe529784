/**
 * `window.__backstepCompare`: a small handle for the end-to-end test to read what the compare view draws
 * (block classes, the lit scalar nodes) and to find blocks by label. Installed in dev builds and in the web
 * build, never in the packaged desktop app (the same rule as the debugger's hook).
 */
import type { ScalarGraphController } from './ScalarGraphController';
import type { useCompareStore } from './store';

type CompareStore = ReturnType<typeof useCompareStore>;

export interface CompareHook {
  store: CompareStore;
  open(presetId: string): void;
  /** The tensor node id of the block labelled `label` (null if none). */
  blockByLabel(label: string): number | null;
  classesOfBlock(block: number): string[];
  childCount(block: number): number;
  /** Value ids drawn as the current step's elements. */
  currentElements(): number[];
  /** Value ids of a tensor node's elements, row-major. */
  elementsOf(node: number): number[];
  nodeCount(): number;
  /** Where a block is drawn, relative to the scalar graph's container. */
  blockPosition(block: number): { x: number; y: number } | null;
}

export function installCompareHook(
  store: CompareStore,
  controller: () => ScalarGraphController | null,
  open: (presetId: string) => void,
): () => void {
  if (typeof window === 'undefined') return () => {};
  const desktop = (window as { backstep?: unknown }).backstep !== undefined;
  if (desktop && !import.meta.env.DEV) return () => {};
  const ctl = (): ScalarGraphController => {
    const c = controller();
    if (!c) throw new Error('__backstepCompare: the scalar graph is not mounted');
    return c;
  };
  const hook: CompareHook = {
    store,
    open,
    blockByLabel: (label) => {
      for (const b of store.model?.blocks.values() ?? []) if (b.label === label) return b.id;
      return null;
    },
    classesOfBlock: (b) => ctl().classesOfBlock(b),
    childCount: (b) => ctl().childCount(b),
    currentElements: () => ctl().currentElements(),
    elementsOf: (node) => (store.comparison?.lowering.scalarOf.get(node) ?? []).map((v) => v.id),
    nodeCount: () => ctl().nodeCount(),
    blockPosition: (b) => ctl().renderedPositionOfBlock(b),
  };
  (window as { __backstepCompare?: CompareHook }).__backstepCompare = hook;
  return () => {
    delete (window as { __backstepCompare?: CompareHook }).__backstepCompare;
  };
}
