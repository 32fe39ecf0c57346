import { LIMITS, SET_TYPES, type SetType } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { toKg, UNITS, type Unit } from '../units.js';
import { parseIsoTimestamp } from './dates.js';
import { parseName, parseNotes, parseNumber, parseOptionalName, parseReps, parseRpe, roundWeight } from './fields.js';
import { fieldAt, fieldProblem, type Header, rowMapper } from './header.js';
import type { FormatReader, ImportPlan, MapperOptions } from './types.js';
import { workoutMemo } from './workoutMemo.js';

/**
 * workout's own format, written by `workout export`: one row per set, every field the
 * database keeps, times in ISO 8601 with their offset, the unit explicit. `session_key`
 * is the session's stable identity (workout_session.source_key).
 */
export const WORKOUT_COLUMNS = [
  'session_key',
  'session_name',
  'session_start',
  'session_end',
  'session_notes',
  'exercise',
  'set_number',
  'set_type',
  'weight',
  'unit',
  'bodyweight',
  'reps',
  'rpe',
  'performed_at',
  'notes',
] as const;

const LABEL = 'workout';
const MAX_KEY_LENGTH = 200;

export function isWorkoutHeader(header: Header): boolean {
  return header.find('session_key') >= 0 && header.find('performed_at') >= 0 && header.find('set_number') >= 0;
}

function oneOf<T extends string>(values: readonly T[], text: string, column: string): T {
  const value = text.trim().toLowerCase();
  if (!(values as readonly string[]).includes(value))
    fieldProblem(column, `${quoteInput(value, 20)} is not one of ${values.join(', ')}`);
  return value as T;
}

/** One column index per column of the format, in WORKOUT_COLUMNS order. */
type IndexesOf<Columns extends readonly string[]> = { -readonly [Column in keyof Columns]: number };
type ColumnIndexes = IndexesOf<typeof WORKOUT_COLUMNS>;

export function createWorkoutPlan(header: Header, options: MapperOptions): ImportPlan {
  const [
    key,
    sessionName,
    sessionStart,
    sessionEnd,
    sessionNotes,
    exercise,
    setNumber,
    setType,
    weight,
    unit,
    bodyweight,
    reps,
    rpe,
    performedAt,
    notes,
  ] = WORKOUT_COLUMNS.map((name) => header.require(LABEL, name)) as ColumnIndexes;
  const name = header.name;
  const zone = options.timeZone;

  const workoutOf = workoutMemo([key, sessionName, sessionStart, sessionEnd, sessionNotes], (record) => {
    const sourceKey = fieldAt(record, key).trim();
    if (sourceKey === '' || sourceKey.length > MAX_KEY_LENGTH)
      fieldProblem(name(key), `must be 1 to ${MAX_KEY_LENGTH} characters`);
    const start = parseIsoTimestamp(fieldAt(record, sessionStart), name(sessionStart), zone);
    const endText = fieldAt(record, sessionEnd);
    const end = endText.trim() === '' ? null : parseIsoTimestamp(endText, name(sessionEnd), zone);
    if (end !== null && Date.parse(end) < Date.parse(start)) fieldProblem(name(sessionEnd), 'is before session_start');
    return {
      key: sourceKey,
      name: parseOptionalName(fieldAt(record, sessionName), name(sessionName)),
      notes: parseNotes(fieldAt(record, sessionNotes), name(sessionNotes)),
      start,
      end,
    };
  });

  const mapRow = rowMapper(header, (record, line) => {
    const workout = workoutOf(record);
    const numberText = fieldAt(record, setNumber).trim();
    if (!/^\d{1,9}$/.test(numberText) || Number(numberText) < 1)
      fieldProblem(name(setNumber), `${quoteInput(numberText, 20)} is not a set number (1, 2, …)`);
    const setUnit: Unit = oneOf(UNITS, fieldAt(record, unit), name(unit));
    const load = parseNumber(fieldAt(record, weight), name(weight));
    if (load === null || load < 0) fieldProblem(name(weight), 'must be a number, 0 or more');
    if (toKg(roundWeight(load), setUnit) > LIMITS.maxWeightKg)
      fieldProblem(name(weight), `${load} ${setUnit} is more than ${LIMITS.maxWeightKg} kg`);
    const setReps = parseReps(fieldAt(record, reps), name(reps));
    if (setReps === null) fieldProblem(name(reps), 'must be a whole number from 1 to 1000');
    const type: SetType = oneOf(SET_TYPES, fieldAt(record, setType), name(setType));
    return {
      kind: 'set',
      set: {
        line,
        workout,
        exercise: parseName(fieldAt(record, exercise), name(exercise)),
        setNumber: Number(numberText),
        setType: type,
        weight: String(roundWeight(load)),
        unit: setUnit,
        bodyweight: oneOf(['true', 'false'], fieldAt(record, bodyweight), name(bodyweight)) === 'true',
        reps: setReps,
        rpe: parseRpe(fieldAt(record, rpe), name(rpe)),
        performedAt: parseIsoTimestamp(fieldAt(record, performedAt), name(performedAt), zone),
        notes: parseNotes(fieldAt(record, notes), name(notes)),
      },
    };
  });
  return { format: 'workout', label: 'workout', mapRow };
}

export const workoutReader: FormatReader = { format: 'workout', recognize: isWorkoutHeader, plan: createWorkoutPlan };
