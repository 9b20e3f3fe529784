/** Lesson plots take a few hundred ms to compute (they run small networks): build each once per session. */
import type { LessonPlot, PlotData } from '../../../lessons/format/types';

const cache = new Map<string, PlotData | Error>();

export function plotFor(key: string, plot: LessonPlot): PlotData | Error {
  let p = cache.get(key);
  if (!p) {
    try {
      p = plot.build();
    } catch (e) {
      p = e as Error;
    }
    cache.set(key, p);
  }
  return p;
}
