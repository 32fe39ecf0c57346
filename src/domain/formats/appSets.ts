import { UsageError } from '../../errors.js';
import type { SetType } from '../limits.js';
import type { Unit } from '../units.js';
import {
  notASet,
  parseName,
  parseNotes,
  parseReps,
  parseRowUnit,
  parseRpe,
  parseWeight,
  unitInHeader,
} from './fields.js';
import { fieldAt, type Header } from './header.js';
import type { RowOutcome, SourceWorkout } from './types.js';

/*
 * What the apps' exports (Strong, Hevy, FitNotes) share: one row per set, the workout's
 * fields repeated on each of its rows, no set numbers, no time per set, and a weight
 * unit said by the header, by a column, or by nobody (then --unit).
 */

/** The columns of a set in an app's export (-1: the file has no such column). */
export type SetColumns = {
  exercise: number;
  weight: number;
  /** A unit per row (`Weight Unit`); -1 when the header or --unit says it for the file. */
  unit: number;
  reps: number;
  rpe: number;
  notes: number;
  /** Distance and time: a row with one of them but no reps is cardio, not a set. */
  cardio: readonly number[];
};

/**
 * The one unit of every weight in the file: the header's (`Weight (kg)`), else
 * `fallback` when there is no unit column; undefined: each row says its own. `unsaid`
 * (`Strong 5.x exports do`) words the UsageError for a file that says nothing and gets
 * no fallback.
 */
export function fileUnit(
  header: Header,
  columns: SetColumns,
  fallback: Unit | undefined,
  unsaid: string,
): Unit | undefined {
  const unit = unitInHeader(header.name(columns.weight)) ?? (columns.unit < 0 ? fallback : undefined);
  if (!unit && columns.unit < 0) {
    throw new UsageError(`${unsaid} not say whether weights are kg or lb; tell it with --unit kg or --unit lb`);
  }
  return unit;
}

/** For people: `Strong 6 (kg)`, `FitNotes (unit per row)`. */
export function planLabel(label: string, unit: Unit | undefined): string {
  return `${label} (${unit ?? 'unit per row'})`;
}

/** What the format itself read from a row. */
export type AppRow = {
  workout: SourceWorkout;
  setType: SetType;
  /** The column of this row's notes, when it differs from the file's (-1: none on this row). */
  notes?: number;
  /** The format's own checks of the row, made after its load and before its names. */
  check?: () => void;
};

/**
 * Reads the rest of a set row the same way for every app: reps (a row without is not a
 * set), unit, weight, then exercise, RPE and notes; the set is at the workout's start
 * (the apps give no time per set) and numbered in file order. The order of the reads
 * decides which problem a row with several is reported with.
 */
export function setReader(header: Header, columns: SetColumns, unit: Unit | undefined, fallback: Unit | undefined) {
  const name = header.name;
  return (record: readonly string[], line: number, row: AppRow): RowOutcome => {
    const reps = parseReps(fieldAt(record, columns.reps), name(columns.reps));
    if (reps === null) return notASet(...columns.cardio.map((index) => fieldAt(record, index)));
    const weightText = fieldAt(record, columns.weight);
    const setUnit = unit ?? parseRowUnit(fieldAt(record, columns.unit), name(columns.unit), fallback, weightText);
    const { weight, bodyweight } = parseWeight(weightText, setUnit, name(columns.weight));
    row.check?.();
    const notes = row.notes ?? columns.notes;
    return {
      kind: 'set',
      set: {
        line,
        workout: row.workout,
        exercise: parseName(fieldAt(record, columns.exercise), name(columns.exercise)),
        setNumber: null,
        setType: row.setType,
        weight,
        unit: setUnit,
        bodyweight,
        reps,
        rpe: parseRpe(fieldAt(record, columns.rpe), name(columns.rpe)),
        performedAt: row.workout.start,
        notes: parseNotes(fieldAt(record, notes), name(notes)),
      },
    };
  };
}
