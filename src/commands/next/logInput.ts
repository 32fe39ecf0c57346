import type { NewSet } from '../../domain/newSet.js';
import { checkReps, parseSetNotation, type SetInput } from '../../domain/setNotation.js';
import { UsageError } from '../../errors.js';
import { parseSetOptions } from '../set/setInput.js';
import type { NextStep } from './plan.js';

/** What `--log` was given: nothing (the set as planned), the reps done, or the whole set. */
export type LogChoice =
  | { kind: 'planned' }
  | { kind: 'reps'; reps: number }
  | { kind: 'set'; text: string; set: SetInput };

export function readLogChoice(value: true | string): LogChoice {
  if (value === true) return { kind: 'planned' };
  if (/^\s*\d+\s*$/.test(value)) return { kind: 'reps', reps: checkReps(Number(value), '--log reps') };
  return { kind: 'set', text: value, set: parseSetNotation(value) };
}

/**
 * The planned set as `set add` takes it, validated by the same function as `set add`'s
 * input. A set given whole keeps its own unit, else the plan's.
 */
export function plannedNewSet(userName: string, planned: NonNullable<NextStep['planned']>, choice: LogChoice): NewSet {
  const type = planned.kind === 'warmup' ? 'warmup' : 'normal';
  if (choice.kind === 'set') {
    return parseSetOptions(userName, planned.exercise.name, choice.text, {
      type,
      unit: choice.set.unit === undefined ? planned.load.unit : undefined,
    });
  }
  const { weight, unit, bodyweight } = planned.load;
  if (weight === null) {
    throw new UsageError(
      `no weight is planned for ${planned.exercise.name} yet: give the set, e.g. --log 60x${planned.minReps}`,
    );
  }
  if (choice.kind === 'planned' && planned.minReps !== planned.maxReps) {
    throw new UsageError(
      `the plan says ${planned.minReps}-${planned.maxReps} reps: give the reps done, e.g. --log ${planned.minReps}`,
    );
  }
  const reps = choice.kind === 'reps' ? choice.reps : planned.minReps;
  const load = bodyweight ? (weight === 0 ? 'bw' : `bw+${weight}`) : String(weight);
  return parseSetOptions(userName, planned.exercise.name, `${load}x${reps}`, { type, unit });
}
