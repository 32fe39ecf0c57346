import { z } from 'zod';
import { nameSchema, notesSchema, rpeSchema, setTypeSchema } from '../../domain/limits.js';
import type { SetChanges } from '../../domain/setChanges.js';
import { checkReps, checkWeight, parseSetNotation, parseUnit } from '../../domain/setNotation.js';
import { parseTimestamp } from '../../domain/time.js';
import { UsageError } from '../../errors.js';
import { parseInput } from '../parseInput.js';

/** ID: a set's or a session's id, a positive whole number. */
export const idArgument = z
  .string()
  .regex(/^\d{1,15}$/, 'ID must be a positive whole number (see `workout session show`)')
  .transform(Number)
  .refine(
    (id) => id >= 1 && Number.isSafeInteger(id),
    'ID must be a positive whole number (see `workout session show`)',
  );

type RawChanges = {
  set?: string;
  weight?: string;
  reps?: string;
  unit?: string;
  rpe?: string;
  type?: string;
  note?: string;
  at?: string;
  exercise?: string;
};

/** The load from SET or --weight (not both), checked in the unit it is in; a unit alone changes only the unit. */
function loadChanges({ set, weight, reps, unit }: RawChanges): Pick<SetChanges, 'load' | 'unit' | 'reps'> {
  const flagUnit = unit === undefined ? undefined : parseUnit(unit.trim(), '--unit');
  if (set !== undefined) {
    if (weight !== undefined || reps !== undefined) {
      throw new UsageError('give the set either as SET (e.g. 100x5) or as --weight and --reps, not both');
    }
    const parsed = parseSetNotation(set);
    if (parsed.unit && flagUnit && parsed.unit !== flagUnit) {
      throw new UsageError(`SET says ${parsed.unit} but --unit says ${flagUnit}; give one unit`);
    }
    const newUnit = parsed.unit ?? flagUnit;
    if (newUnit) checkWeight(parsed.weight, newUnit, 'SET weight');
    return { load: { weight: parsed.weight, bodyweight: parsed.bodyweight }, unit: newUnit, reps: parsed.reps };
  }
  const changes: Pick<SetChanges, 'load' | 'unit' | 'reps'> = { unit: flagUnit };
  if (weight !== undefined) {
    const bodyweight = weight.trim().toLowerCase() === 'bw';
    changes.load = { weight: bodyweight ? '0' : checkWeight(weight.trim(), flagUnit ?? 'kg', '--weight'), bodyweight };
  }
  if (reps !== undefined) {
    if (!/^\d{1,5}$/.test(reps.trim())) throw new UsageError('--reps must be a whole number from 1 to 1000');
    changes.reps = checkReps(Number(reps), '--reps');
  }
  return changes;
}

/** Everything `set edit` was given, validated; at least one change. */
export function parseSetChanges(raw: RawChanges): SetChanges {
  const changes: SetChanges = {
    ...loadChanges(raw),
    rpe: raw.rpe === undefined ? undefined : raw.rpe.trim() === '' ? null : parseInput(rpeSchema, raw.rpe),
    setType: raw.type === undefined ? undefined : parseInput(setTypeSchema, raw.type),
    notes: raw.note === undefined ? undefined : parseInput(notesSchema('--note'), raw.note) || null,
    performedAt: raw.at === undefined ? undefined : parseTimestamp(raw.at, '--at'),
    exercise: raw.exercise === undefined ? undefined : parseInput(nameSchema('--exercise'), raw.exercise),
  };
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as SetChanges;
  if (Object.keys(given).length === 0) {
    throw new UsageError('nothing to change: give SET (e.g. 100x5) or an option such as --reps, --rpe or --exercise');
  }
  return given;
}

/** SET as the words given (`225lb x 5` arrives as three), joined; absent when none were given. */
export const setWords = z
  .array(z.string())
  .optional()
  .transform((words) => (words && words.length > 0 ? words.join(' ') : undefined));

export const editSetInput = z
  .object({
    id: idArgument,
    set: setWords,
    weight: z.string().optional(),
    reps: z.string().optional(),
    unit: z.string().optional(),
    rpe: z.string().optional(),
    type: z.string().optional(),
    note: z.string().optional(),
    at: z.string().optional(),
    exercise: z.string().optional(),
  })
  .transform(({ id, ...raw }) => ({ id, changes: parseSetChanges(raw) }));

export type EditSetInput = z.output<typeof editSetInput>;

export const deleteSetInput = z.object({ id: idArgument });

export type DeleteSetInput = z.output<typeof deleteSetInput>;
