/**
 * The loss curve of a training lesson, for its report: each training setup the lesson declares is run headless
 * for a fixed number of SGD steps from its own seed, so the command line and the app draw the same curve.
 */
import type { LessonModule } from '../format/types';
import { BATCH_SIZE, Trainer } from '../training/trainer';
import type { ReportPlot } from './types';

/** Enough steps for the curves in the lessons to settle (about 0.3–1 s per setup here). */
export const DEFAULT_TRAINING_STEPS = 300;

export function trainingPlots(module: LessonModule, steps: number = DEFAULT_TRAINING_STEPS): ReportPlot[] {
  return Object.values(module.trainings ?? {}).map((setup) => {
    const trainer = new Trainer(setup);
    const points: [number, number][] = [];
    for (let i = 0; i < steps; i++) {
      const p = trainer.train();
      points.push([p.step, p.loss]);
    }
    return {
      title: `Training loss: ${setup.title} (${steps} SGD steps, batch ${BATCH_SIZE}, α = ${setup.lr}, λ = ${setup.lambda})`,
      xLabel: 'SGD step',
      yLabel: 'mini-batch loss J',
      logY: false,
      series: [{ name: 'J', points }],
    };
  });
}
