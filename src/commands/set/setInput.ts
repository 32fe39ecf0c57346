import { nameSchema, notesSchema, rpeSchema, setTypeSchema } from '../../domain/limits.js';
import type { NewSet, NewSets } from '../../domain/newSet.js';
import { parseSetList, type WrittenSet } from '../../domain/setList.js';
import {
  checkReps,
  checkWeight,
  parseSetNotation,
  parseUnit,
  SET_FORMS,
  type SetInput,
} from '../../domain/setNotation.js';
import { notInFuture, parseTypedTime } from '../../domain/time.js';
import type { Unit } from '../../domain/units.js';
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

/** Whether the set comes as SET notation (never both it and --weight/--reps). */
function givenAsNotation(notation: string | undefined, options: RawSetOptions): notation is string {
  const byFlags = options.weight !== undefined || options.reps !== undefined;
  if (notation !== undefined && byFlags) {
    throw new UsageError('give the set either as SET (e.g. 100x5) or as --weight and --reps, not both');
  }
  return notation !== undefined;
}

/** The set from SET notation or from --weight/--reps. */
function resolveSet(notation: string | undefined, options: RawSetOptions): SetInput {
  return givenAsNotation(notation, options) ? parseSetNotation(notation) : flagSet(options);
}

function flagSet(options: RawSetOptions): SetInput {
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

/** The unit a set ends up in: its own or --unit's (they must agree), else undefined: the user's. */
function settledUnit(written: Unit | undefined, options: RawSetOptions): Unit | undefined {
  const flagUnit = options.unit === undefined ? undefined : parseUnit(options.unit, '--unit');
  if (written && flagUnit && written !== flagUnit) {
    throw new UsageError(`SET says ${written} but --unit says ${flagUnit}; give one unit`);
  }
  return written ?? flagUnit;
}

/** An absolute set in its settled unit, its weight checked in that unit. */
function settledSet<T extends SetInput>(set: T, options: RawSetOptions): T {
  const unit = settledUnit(set.unit, options);
  // SET notation was checked against kg when it named no unit; check the unit it ends up in.
  // A weight with no unit stays checked against kg: under 1000 kg in either unit.
  if (unit) checkWeight(set.weight, unit, 'weight');
  return { ...set, unit };
}

/** Validates one set as `set add` takes it (`next --log`); throws UsageError naming the field. */
export function parseSetOptions(
  userName: string,
  exercise: string,
  notation: string | undefined,
  options: RawSetOptions,
): NewSet {
  const set = settledSet(resolveSet(notation, options), options);
  return { ...sharedFields(userName, exercise, options), ...set, unit: set.unit ?? null };
}

/**
 * Validates everything `set add` was given: the sets SET holds (several, relative ones,
 * `same`; see parseSetList) or the one of --weight and --reps. --unit is the unit of
 * every weight written without one; `same` repeats the set before it as it was.
 */
export function parseSetCommand(
  userName: string,
  exercise: string,
  notation: string | undefined,
  options: RawSetOptions,
): NewSets {
  const written: WrittenSet[] = givenAsNotation(notation, options)
    ? parseSetList(notation)
    : [{ kind: 'absolute', ...flagSet(options) }];
  const sets = written.map((set): WrittenSet => {
    if (set.kind === 'absolute') return settledSet(set, options);
    if (set.kind === 'relative') return { ...set, unit: settledUnit(set.unit, options) };
    return set;
  });
  return { ...sharedFields(userName, exercise, options), sets };
}

/** What every set of one command shares. */
function sharedFields(userName: string, exercise: string, options: RawSetOptions): Omit<NewSets, 'sets'> {
  return {
    userName,
    exercise: parseInput(nameSchema('EXERCISE'), exercise),
    rpe: options.rpe === undefined ? null : parseInput(rpeSchema, options.rpe),
    setType: parseInput(setTypeSchema, options.type ?? 'normal'),
    notes: options.note === undefined ? null : parseInput(notesSchema('--note'), options.note) || null,
    performedAt: options.at === undefined ? null : notInFuture(parseTypedTime(options.at, '--at'), '--at'),
  };
}
