/** Checking a student's answer to a checkpoint: pure, so the app and the tests agree. */
import type { Checkpoint } from '../format/types';

export interface Feedback {
  correct: boolean;
  /** One short sentence: right, wrong, or why the answer could not be read. */
  message: string;
  /** The checkpoint's explanation, shown after any attempt. */
  explanation: string;
}

/** Reads a typed number, accepting a leading "−" (U+2212) and surrounding spaces. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/\u2212/g, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export function checkAnswer(cp: Checkpoint, answer: number | string): Feedback {
  if (cp.kind === 'numeric') {
    const x = typeof answer === 'number' ? answer : readNumber(answer);
    if (x === null || !Number.isFinite(x)) {
      return { correct: false, message: `"${String(answer)}" is not a number.`, explanation: '' };
    }
    const correct = Math.abs(x - cp.answer) <= cp.tolerance;
    const slip = correct ? undefined : cp.mistakes?.find((m) => Math.abs(x - m.answer) <= cp.tolerance);
    return {
      correct,
      message: correct
        ? 'Correct.'
        : slip
          ? `Not quite: ${slip.hint}`
          : `Not quite: ${x} is off by more than ${cp.tolerance}.`,
      explanation: cp.explanation,
    };
  }
  const i = typeof answer === 'number' ? answer : Number(answer);
  if (!Number.isInteger(i) || i < 0 || i >= cp.choices.length) {
    return { correct: false, message: 'Pick one of the choices.', explanation: '' };
  }
  const correct = i === cp.correct;
  return {
    correct,
    message: correct ? 'Correct.' : `Not this one: "${cp.choices[i]}".`,
    explanation: cp.explanation,
  };
}
