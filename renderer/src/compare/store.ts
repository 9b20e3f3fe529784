/**
 * The scalar-vs-tensor comparison: one tensor graph, its scalar lowering, and a cursor stepping both in
 * lockstep (the cursor moves over the tensor graph's recorded trace; each tensor step lights its block of
 * scalar nodes).
 *
 * API for other views (lessons, sandbox):
 *
 *   import { useCompareStore } from '../compare/store';
 *   const compare = useCompareStore();
 *   compare.open(() => graph.build(), 'MLP, lesson 7');   // → true, and the app shows the compare view
 *
 * or, as one button with its own error message: `<CompareButton :build="graph.build" title="MLP, lesson 7" />`
 * (renderer/src/compare/CompareButton.vue).
 *
 * `open(buildRoot, title)` calls `buildRoot()` once; the root must be a one-element tensor (a loss). It lowers
 * the graph, runs backward in both modes, measures both (`compareModes` in engine/lower/measure.ts) and
 * switches the shell to the compare view. On a bad graph (scalar mode, a non-scalar root, an op that cannot
 * lower) it returns false and `error` says why; the compare view shows that message.
 *
 * A lowered graph of more than COLLAPSE_ABOVE scalar nodes opens with every block collapsed (and `notice`
 * says so); smaller ones open expanded.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { Tensor, compareModes, trace, type GraphNode, type ModeComparison } from '../../../engine';
import { eventAt, indexTrace, type TraceIndex } from '../debugger/traceIndex';
import { useTraceCursor } from '../stores/traceCursor';
import { useUiStore } from '../stores/ui';
import { scalarModel, type ScalarModel } from './scalarGraph';

export const COLLAPSE_ABOVE = 5000;
/** At most this many scalar nodes are drawn at once (open blocks): Cytoscape takes seconds to add tens of
 *  thousands of elements, and the screen shows no more. Opening a block past it is refused with a notice. */
export const MAX_DRAWN = COLLAPSE_ABOVE;

export interface ElementRef {
  node: number;
  index: number;
}

/** What each block shows at the cursor, derived from the tensor trace. */
export interface LockstepState {
  phase: 'idle' | 'forward' | 'backward';
  /** The tensor node of this step. */
  current: number | null;
  /** Tensor nodes whose value is computed. */
  reached: ReadonlySet<number>;
  /** Tensor nodes whose gradient is complete. */
  gradDone: ReadonlySet<number>;
  /** Scalar nodes holding the current tensor node's elements. */
  elementValues: readonly number[];
}

export const useCompareStore = defineStore('compare', () => {
  const title = ref('');
  const error = ref<string | null>(null);
  const notice = ref<string | null>(null);
  /** Large and engine-owned: held raw, never deeply reactive. */
  const comparison = shallowRef<ModeComparison | null>(null);
  const model = shallowRef<ScalarModel | null>(null);
  const index = shallowRef<TraceIndex | null>(null);
  const { cursor, total, atEnd, seek, step, stepBack } = useTraceCursor(index);
  const expanded = ref<number[]>([]);
  const selected = ref<ElementRef | null>(null);
  /** Bumped on every open, so views rebuild their graphs. */
  const revision = ref(0);

  const state = computed<LockstepState>(() => {
    const idx = index.value;
    const cmp = comparison.value;
    const reached = new Set<number>();
    const gradDone = new Set<number>();
    const ev = idx ? eventAt(idx, cursor.value) : null;
    if (!idx || !cmp || !ev) return { phase: 'idle', current: null, reached, gradDone, elementValues: [] };
    for (const [id, step] of idx.forwardStep) if (step <= cursor.value) reached.add(id);
    for (const [id, step] of idx.backwardStep) if (step <= cursor.value) gradDone.add(id);
    const values = cmp.lowering.scalarOf.get(ev.node) ?? [];
    return { phase: ev.phase, current: ev.node, reached, gradDone, elementValues: values.map((v) => v.id) };
  });

  /** The selected scalar node: the one holding the selected element, or any node picked in the graph. */
  const selectedValue = ref<number | null>(null);

  function open(buildRoot: () => GraphNode, name: string): boolean {
    error.value = null;
    try {
      const root = buildRoot();
      if (!(root instanceof Tensor)) {
        throw new Error(`'${name}' is a scalar-mode graph already; the comparison lowers a tensor graph`);
      }
      const cmp = markRaw(compareModes(root));
      const m = markRaw(scalarModel(cmp.lowering));
      index.value = markRaw(indexTrace(trace(root)));
      comparison.value = cmp;
      model.value = m;
      title.value = name;
      cursor.value = -1;
      selected.value = null;
      selectedValue.value = null;
      const big = m.nodes.size > COLLAPSE_ABOVE;
      expanded.value = big ? [] : [...m.blockOrder];
      notice.value = big
        ? `The scalar graph has ${m.nodes.size.toLocaleString('en-US')} nodes (over ${COLLAPSE_ABOVE.toLocaleString('en-US')}), so it opened collapsed: one box per tensor node. Double-click a box, or use "expand current", to open it.`
        : null;
      revision.value++;
      useUiStore().showView('compare');
      return true;
    } catch (e) {
      error.value = `Cannot compare '${name}': ${(e as Error).message}`;
      return false;
    }
  }

  function reset(): void {
    seek(-1);
  }
  function runToEnd(): void {
    seek(total.value - 1);
  }

  function isExpanded(block: number): boolean {
    return expanded.value.includes(block);
  }
  /** Scalar nodes drawn with the given blocks open. */
  function drawnWith(blocks: readonly number[]): number {
    let n = 0;
    for (const b of blocks) n += model.value?.blocks.get(b)?.size ?? 0;
    return n;
  }
  function setExpanded(block: number, open: boolean): boolean {
    const has = expanded.value.includes(block);
    const info = model.value?.blocks.get(block);
    if (open && !has && info) {
      const total = drawnWith(expanded.value) + info.size;
      if (total > MAX_DRAWN) {
        notice.value = `Opening ${info.label} would draw ${total.toLocaleString('en-US')} scalar nodes; the view draws at most ${MAX_DRAWN.toLocaleString('en-US')}. Close other blocks first; its elements are in the heatmap below.`;
        return false;
      }
      expanded.value = [...expanded.value, block];
    }
    if (!open && has) expanded.value = expanded.value.filter((b) => b !== block);
    return true;
  }
  function toggleBlock(block: number): void {
    setExpanded(block, !isExpanded(block));
  }
  /** Open every block, or as many as fit in MAX_DRAWN (in graph order), saying so. */
  function expandAll(): void {
    const open: number[] = [];
    let n = 0;
    for (const b of model.value?.blockOrder ?? []) {
      const size = model.value?.blocks.get(b)?.size ?? 0;
      if (n + size > MAX_DRAWN) continue;
      open.push(b);
      n += size;
    }
    if (open.length < (model.value?.blockOrder.length ?? 0)) {
      notice.value = `Opened ${open.length} of ${model.value?.blockOrder.length} blocks: the view draws at most ${MAX_DRAWN.toLocaleString('en-US')} scalar nodes.`;
    }
    expanded.value = open;
  }
  function collapseAll(): void {
    expanded.value = [];
  }

  /** Select one element of a tensor node (from its heatmap); its scalar node's block is opened. */
  function selectElement(node: number, elementIndex: number): void {
    const v = comparison.value?.lowering.scalarOf.get(node)?.[elementIndex];
    if (!v) return;
    selected.value = { node, index: elementIndex };
    selectedValue.value = v.id;
    const owner = comparison.value?.lowering.blockOf.get(v.id);
    if (owner !== undefined) setExpanded(owner, true);
  }
  /** Select the scalar node `valueId` (from the scalar graph): its tensor element when it holds one. */
  function selectValue(valueId: number | null): void {
    const el = valueId === null ? undefined : comparison.value?.lowering.tensorOf.get(valueId);
    selected.value = el ? { node: el.node, index: el.index } : null;
    selectedValue.value = valueId;
  }

  return {
    title,
    error,
    notice,
    comparison,
    model,
    index,
    cursor,
    expanded,
    selected,
    revision,
    total,
    atEnd,
    state,
    selectedValue,
    open,
    seek,
    step,
    stepBack,
    reset,
    runToEnd,
    isExpanded,
    setExpanded,
    toggleBlock,
    expandAll,
    collapseAll,
    selectElement,
    selectValue,
  };
});
