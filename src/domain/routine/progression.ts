import { fromKg, type Unit } from '../units.js';
import type { ExercisePlan } from './types.js';

/** A working set (not a warm-up) as logged: weight in kilograms, as stored; for bodyweight sets the added load. */
export type DoneSet = { weightKg: number; unit: Unit; bodyweight: boolean; reps: number };

/** An earlier session of the routine: its working sets of one exercise, in the order done. */
export type PastSession = { sets: DoneSet[] };

export type Outcome = 'success' | 'hold' | 'miss';

/** What the next session of an exercise should lift, and why. */
export type Target = {
  /** In `unit`; for a bodyweight exercise the added load (0: the body alone). null: no weight known yet. */
  weight: number | null;
  unit: Unit;
  bodyweight: boolean;
  reason: string;
  /** Misses in a row since the last success, hold or deload. */
  misses: number;
};

/** The unit an exercise is computed in: its step's, its weight's, else the last session's, else kg. */
export function planUnit(plan: ExercisePlan, history: PastSession[]): Unit {
  if (plan.progression.kind !== 'none') return plan.progression.step.unit;
  if (plan.load) return plan.load.unit;
  return history.filter((session) => session.sets.length > 0).at(-1)?.sets[0]?.unit ?? 'kg';
}

/** The grid computed weights fall on: the step, else 2.5 kg or 5 lb (the smallest common plates, a pair). */
export function increment(plan: ExercisePlan, unit: Unit): number {
  if (plan.progression.kind !== 'none') return Number(plan.progression.step.amount);
  return unit === 'kg' ? 2.5 : 5;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
// A hair of tolerance: 90 / 2.5 must be 36, not 35.999….
const onGrid = (value: number, grid: number, direction: 'nearest' | 'down') =>
  round3((direction === 'down' ? Math.floor(value / grid + 1e-9) : Math.round(value / grid)) * grid);

/** A planned share of a weight (warm-ups at 50 %), on the exercise's grid. */
export function percentOf(weight: number, percent: number, grid: number): number {
  return onGrid((weight * percent) / 100, grid, 'nearest');
}

/**
 * How a session went against the plan, judging its first planned number of working sets.
 * Too few sets, or a set short of the bottom of the reps, is a miss. Linear progression
 * succeeds when every set reached the (bottom) reps; double progression only when every
 * set reached the top of the range, and holds in between; no progression holds.
 */
export function judge(plan: ExercisePlan, sets: DoneSet[]): Outcome {
  const judged = sets.slice(0, plan.work.sets);
  if (judged.length < plan.work.sets || judged.some((set) => set.reps < plan.work.minReps)) return 'miss';
  if (plan.progression.kind === 'linear') return 'success';
  if (plan.progression.kind === 'double')
    return judged.every((set) => set.reps >= plan.work.maxReps) ? 'success' : 'hold';
  return 'hold';
}

/** The load a session was done at, in `unit`: its heaviest working set (converted weights on the grid). */
function doneWeight(sets: DoneSet[], unit: Unit, grid: number): number {
  return Math.max(
    ...sets.map((set) =>
      set.unit === unit ? fromKg(set.weightKg, unit) : onGrid(fromKg(set.weightKg, unit), grid, 'nearest'),
    ),
  );
}

/**
 * The next target, folded over the routine's earlier sessions, oldest first. The plan's
 * weight starts it; after that the log leads: each session's own weight is the base, so a
 * set lighter or heavier than planned carries on from what was really lifted.
 */
export function nextTarget(plan: ExercisePlan, history: PastSession[]): Target {
  const unit = planUnit(plan, history);
  const grid = increment(plan, unit);
  const start = plan.load === null ? null : Number(plan.load.kind === 'weight' ? plan.load.weight : plan.load.added);
  let target: Target = {
    weight: start,
    unit,
    bodyweight: plan.load?.kind === 'bodyweight',
    reason: start === null ? 'no weight planned yet' : 'the planned start',
    misses: 0,
  };
  for (const { sets } of history) {
    if (sets.length === 0) continue;
    const base = doneWeight(sets, unit, grid);
    const bodyweight = sets[0]!.bodyweight;
    const outcome = judge(plan, sets);
    if (outcome === 'success' && plan.progression.kind !== 'none') {
      const step = Number(plan.progression.step.amount);
      target = {
        weight: round3(base + step),
        unit,
        bodyweight,
        reason: `+${step} ${unit}: every set hit its reps last time`,
        misses: 0,
      };
    } else if (outcome === 'miss' && plan.deload && target.misses + 1 >= plan.deload.misses) {
      const weight = onGrid(base * (1 - plan.deload.percent / 100), grid, 'down');
      target = {
        weight,
        unit,
        bodyweight,
        reason: `deload ${plan.deload.percent}% after ${plan.deload.misses} misses in a row`,
        misses: 0,
      };
    } else if (outcome === 'miss') {
      const misses = target.misses + 1;
      const count = plan.deload ? ` (${misses} of ${plan.deload.misses} before a deload)` : '';
      target = { weight: base, unit, bodyweight, reason: `same weight: missed reps last time${count}`, misses };
    } else {
      const reason =
        plan.progression.kind === 'double'
          ? `same weight until every set reaches ${plan.work.maxReps} reps`
          : 'same weight as last time';
      target = { weight: base, unit, bodyweight, reason, misses: 0 };
    }
  }
  return target;
}
