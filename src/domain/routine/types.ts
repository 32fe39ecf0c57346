import type { Unit } from '../units.js';

/**
 * A routine as parsed: what a person wrote, one exercise per line. Weights stay exact
 * decimal text in their unit (as `set add` takes them); the progression computes with
 * numbers and rounds to the exercise's step.
 */
export type Routine = {
  /** `rest 3m` on a line of its own: the rest between sets unless an exercise says otherwise. */
  restSeconds: number | null;
  exercises: ExercisePlan[];
};

export type ExercisePlan = {
  name: string;
  warmups: WarmUp[];
  work: SetScheme;
  /** The starting load; null: the person picks it, the log carries it on. */
  load: Load | null;
  progression: Progression;
  deload: Deload | null;
  restSeconds: number | null;
};

/** `3x5` (min = max) or `3x8-12`. */
export type SetScheme = { sets: number; minReps: number; maxReps: number };

export type Load =
  | { kind: 'weight'; weight: string; unit: Unit }
  /** `bw`, or `bw+10kg`: the body plus `added` in `unit`. */
  | { kind: 'bodyweight'; added: string; unit: Unit };

/** A warm-up's load: fixed, or a percentage of the working weight (`50%`). */
export type WarmUpLoad = Load | { kind: 'percent'; percent: number };

export type WarmUp = { sets: number; reps: number; load: WarmUpLoad | null };

export type Step = { amount: string; unit: Unit };

/**
 * none: the same load every time. linear: `+2.5kg when all reps done`: every set reached
 * its (lowest) reps, so the next session adds the step. double: `double progression
 * +2.5kg`: stay at the weight while the reps climb through the range; once every set
 * reaches the top, add the step and start again at the bottom.
 */
export type Progression = { kind: 'none' } | { kind: 'linear'; step: Step } | { kind: 'double'; step: Step };

/** `deload 10% after 3 misses`: that many missed sessions in a row take the weight down by `percent`. */
export type Deload = { percent: number; misses: number };
