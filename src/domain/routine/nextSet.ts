import { increment, percentOf, type Target } from './progression.js';
import type { ExercisePlan, Routine } from './types.js';

/** Sets of one exercise already logged in the session, warm-ups apart from the rest. */
export type DoneCount = { warmups: number; work: number };

/** One set the routine plans: the `number`th warm-up or working set of its exercise. */
export type PlannedSet = {
  exercise: ExercisePlan;
  kind: 'warmup' | 'work';
  /** 1-based, among the exercise's sets of this kind. */
  number: number;
  of: number;
  minReps: number;
  maxReps: number;
};

/**
 * The first set of the routine not yet done: exercises in order, each one's warm-ups
 * first. A set counts as done once the session holds that many of its kind for the
 * exercise, whatever their weight; extra sets and other exercises change nothing.
 */
export function nextPlannedSet(routine: Routine, done: (exercise: string) => DoneCount): PlannedSet | null {
  for (const exercise of routine.exercises) {
    const count = done(exercise.name);
    const warmups = exercise.warmups.flatMap((warmup) => Array.from({ length: warmup.sets }, () => warmup.reps));
    if (count.warmups < warmups.length) {
      const reps = warmups[count.warmups]!;
      return { exercise, kind: 'warmup', number: count.warmups + 1, of: warmups.length, minReps: reps, maxReps: reps };
    }
    const { sets, minReps, maxReps } = exercise.work;
    if (count.work < sets) return { exercise, kind: 'work', number: count.work + 1, of: sets, minReps, maxReps };
  }
  return null;
}

/** The load of a planned set: the target for working sets; a warm-up's own, or its share of the target. */
export function plannedLoad(set: PlannedSet, target: Target): Pick<Target, 'weight' | 'unit' | 'bodyweight'> {
  if (set.kind === 'work') return target;
  const warmup = warmupAt(set.exercise, set.number);
  const load = warmup.load;
  if (load === null) return { weight: null, unit: target.unit, bodyweight: target.bodyweight };
  if (load.kind === 'percent') {
    const weight =
      target.weight === null ? null : percentOf(target.weight, load.percent, increment(set.exercise, target.unit));
    return { weight, unit: target.unit, bodyweight: false };
  }
  if (load.kind === 'bodyweight') return { weight: Number(load.added), unit: load.unit, bodyweight: true };
  return { weight: Number(load.weight), unit: load.unit, bodyweight: false };
}

function warmupAt(exercise: ExercisePlan, number: number) {
  let left = number;
  for (const warmup of exercise.warmups) {
    if (left <= warmup.sets) return warmup;
    left -= warmup.sets;
  }
  throw new Error(`${exercise.name} plans no warm-up set ${number}`);
}
