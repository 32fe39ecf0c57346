import { nameSchema, notesSchema, rpeSchema, setTypeSchema } from '../../domain/limits.js';
import type { NewSet } from '../../domain/newSet.js';
import {
  checkReps,
  checkWeight,
  parseSetNotation,
  parseUnit,
  SET_FORMS,
  type SetInput,
} from '../../domain/setNotation.js';
import { notInFuture, parseTypedTime } from '../../domain/time.js';
import { UsageError } from '../../errors.js';
import { parseInput } from '../parseInput.js';

export type RawSetOptions = {
  weight?: string;
  reps?: string;
  rpe?: string;
  type?: string;
  unit?: string;
  note?: string;
  at?: string;
};

const REPS_TEXT = /^\d{1,5}$/;

/** The set from SET notation or from --weight/--reps, never both. */
function resolveSet(notation: string | undefined, options: RawSetOptions): SetInput {
  const byFlags = options.weight !== undefined || options.reps !== undefined;
  if (notation !== undefined && byFlags) {
    throw new UsageError('give the set either as SET (e.g. 100x5) or as --weight and --reps, not both');
  }
  if (notation !== undefined) return parseSetNotation(notation);
  if (options.weight === undefined || options.reps === undefined) {
    throw new UsageError(`missing SET; give it as ${SET_FORMS}, or as --weight W --reps R`);
  }
  if (!REPS_TEXT.test(options.reps.trim())) throw new UsageError('--reps must be a whole number from 1 to 1000');
  const bodyweight = options.weight.trim().toLowerCase() === 'bw';
  const unit = options.unit === undefined ? 'kg' : parseUnit(options.unit, '--unit');
  return {
    weight: bodyweight ? '0' : checkWeight(options.weight.trim(), unit, '--weight'),
    unit: undefined,
    bodyweight,
    reps: checkReps(Number(options.reps), '--reps'),
  };
}

/** Validates everything `set add` was given; throws UsageError naming the field. */
export function parseSetOptions(
  userName: string,
  exercise: string,
  notation: string | undefined,
  options: RawSetOptions,
): NewSet {
  const set = resolveSet(notation, options);
  const flagUnit = options.unit === undefined ? undefined : parseUnit(options.unit, '--unit');
  if (set.unit && flagUnit && set.unit !== flagUnit) {
    throw new UsageError(`SET says ${set.unit} but --unit says ${flagUnit}; give one unit`);
  }
  const unit = set.unit ?? flagUnit ?? null;
  // SET notation was checked against kg when it named no unit; check the unit it ends up in.
  // A weight with no unit stays checked against kg: under 1000 kg in either unit.
  if (unit) checkWeight(set.weight, unit, 'weight');
  return {
    userName,
    exercise: parseInput(nameSchema('EXERCISE'), exercise),
    weight: set.weight,
    unit,
    bodyweight: set.bodyweight,
    reps: set.reps,
    rpe: options.rpe === undefined ? null : parseInput(rpeSchema, options.rpe),
    setType: parseInput(setTypeSchema, options.type ?? 'normal'),
    notes: options.note === undefined ? null : parseInput(notesSchema('--note'), options.note) || null,
    performedAt: options.at === undefined ? null : notInFuture(parseTypedTime(options.at, '--at'), '--at'),
  };
}
