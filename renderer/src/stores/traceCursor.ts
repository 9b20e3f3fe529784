/**
 * A cursor over a recorded trace's events, shared by the debugger and the compare view: −1 before the first
 * event, `total − 1` at the last; every move is clamped to that range. The stores add what differs (pausing
 * playback, runs to the end of the forward pass).
 */
import { computed, ref, type Ref } from 'vue';
import type { TraceIndex } from '../debugger/traceIndex';

export function useTraceCursor(index: Readonly<Ref<TraceIndex | null>>) {
  const cursor = ref(-1);
  const total = computed(() => index.value?.trace.events.length ?? 0);
  const atEnd = computed(() => cursor.value >= total.value - 1);

  function seek(i: number): void {
    cursor.value = Math.max(-1, Math.min(total.value - 1, Math.trunc(i)));
  }
  /** One event on; false (and no move) at the end. */
  function step(): boolean {
    if (atEnd.value) return false;
    seek(cursor.value + 1);
    return true;
  }
  function stepBack(): void {
    seek(cursor.value - 1);
  }
  return { cursor, total, atEnd, seek, step, stepBack };
}
