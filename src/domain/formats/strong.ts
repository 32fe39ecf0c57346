import { UsageError } from '../../errors.js';
import type { SetType } from '../limits.js';
import type { Unit } from '../units.js';
import { quoteInput } from '../quoteInput.js';
import { parseDurationSeconds, parseStrongDate, plusSeconds } from './dates.js';
import {
  notASet, parseName, parseNotes, parseOptionalName, parseReps, parseRowUnit, parseRpe, parseWeight, unitInHeader,
} from './fields.js';
import { fieldAt, fieldProblem, rowMapper, type Header } from './header.js';
import type { ImportPlan, MapperOptions, SourceWorkout } from './types.js';

/**
 * Strong's three export dialects:
 * - legacy (2019–2023): `;`, a `Weight Unit` column per row, sometimes `Workout Duration`;
 * - 5.x: `,`, no unit anywhere (the user says it with --unit);
 * - 6 (2024–25): `;`, `Workout #`, the unit in the header: `Weight (kg)` / `Weight (lbs)`.
 */
export type StrongDialect = 'legacy' | 'v5' | 'v6';

const DIALECT_LABELS: Record<StrongDialect, string> = { legacy: 'Strong legacy', v5: 'Strong 5.x', v6: 'Strong 6' };

export function isStrongHeader(header: Header): boolean {
  return header.find('Exercise Name') >= 0 && header.find('Set Order') >= 0 && header.find('Date') >= 0;
}

export function strongDialect(header: Header): StrongDialect {
  if (header.find('Workout #') >= 0) return 'v6';
  if (header.find('Weight Unit') >= 0) return 'legacy';
  return 'v5';
}

const SET_ORDER_TYPES: Record<string, SetType> = { w: 'warmup', d: 'drop', f: 'failure' };

/** `1`, `2`… a normal set; `W`, `D`, `F` warm-up, drop, failure; `Rest Timer` is not a set. */
export function strongSetType(text: string, column: string): SetType | 'rest_timer' {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return 'normal';
  if (trimmed === 'rest timer') return 'rest_timer';
  const type = SET_ORDER_TYPES[trimmed];
  if (!type) fieldProblem(column, `${quoteInput(text.trim(), 20)} is not a set order (1, 2, …, W, D, F or Rest Timer)`);
  return type;
}

export function createStrongPlan(header: Header, options: MapperOptions): ImportPlan {
  const dialect = strongDialect(header);
  const label = DIALECT_LABELS[dialect];
  const column = {
    number: header.find('Workout #'),
    date: header.require(label, 'Date'),
    workoutName: header.find('Workout Name'),
    duration: header.find('Duration', 'Duration (sec)', 'Workout Duration'),
    exercise: header.require(label, 'Exercise Name'),
    setOrder: header.require(label, 'Set Order'),
    weight: header.require(label, 'Weight', 'Weight (kg)', 'Weight (kgs)', 'Weight (lbs)', 'Weight (lb)'),
    unit: header.find('Weight Unit'),
    reps: header.require(label, 'Reps'),
    rpe: header.find('RPE'),
    distance: header.find('Distance', 'Distance (meters)', 'Distance (km)', 'Distance (miles)'),
    seconds: header.find('Seconds'),
    notes: header.find('Notes'),
    workoutNotes: header.find('Workout Notes'),
  };
  const name = (index: number) => header.names[index] ?? '';
  const headerUnit = unitInHeader(name(column.weight));
  if (!headerUnit && column.unit < 0 && !options.unit) {
    throw new UsageError(
      `${label} exports do not say whether weights are kg or lb; tell it with --unit kg or --unit lb`,
    );
  }
  const fixedUnit: Unit | undefined = headerUnit ?? (column.unit < 0 ? options.unit : undefined);

  // Rows of one workout repeat its fields: build its SourceWorkout once per distinct text.
  let lastWorkoutText = '';
  let lastWorkout: SourceWorkout | undefined;
  const workoutOf = (record: readonly string[]): SourceWorkout => {
    const texts = [column.number, column.date, column.workoutName, column.duration, column.workoutNotes].map((i) => fieldAt(record, i));
    const text = texts.join('\u0000');
    if (lastWorkout && text === lastWorkoutText) return lastWorkout;
    const [number, date, workoutName, duration, workoutNotes] = texts as [string, string, string, string, string];
    const start = parseStrongDate(date, name(column.date), options.timeZone);
    const seconds = parseDurationSeconds(duration, name(column.duration));
    const workoutNumber = number.trim();
    if (column.number >= 0 && !/^\d{1,9}$/.test(workoutNumber)) fieldProblem(name(column.number), `${quoteInput(workoutNumber, 20)} is not a workout number`);
    lastWorkout = {
      key: `strong:${start.key}${column.number >= 0 ? `#${workoutNumber}` : ''}`,
      name: parseOptionalName(workoutName, name(column.workoutName)),
      notes: parseNotes(workoutNotes, name(column.workoutNotes)),
      start: start.at,
      // Strong gives no time per set: every set is at the workout's start.
      end: plusSeconds(start.at, seconds ?? 0),
    };
    lastWorkoutText = text;
    return lastWorkout;
  };

  const mapRow = rowMapper(header, (record, line) => {
    const type = strongSetType(fieldAt(record, column.setOrder), name(column.setOrder));
    if (type === 'rest_timer') return { kind: 'skip', reason: 'rest_timer' };
    const workout = workoutOf(record);
    const reps = parseReps(fieldAt(record, column.reps), name(column.reps));
    if (reps === null) return notASet(fieldAt(record, column.distance), fieldAt(record, column.seconds));
    const weightText = fieldAt(record, column.weight);
    const unit = fixedUnit ?? parseRowUnit(fieldAt(record, column.unit), name(column.unit), options.unit, weightText);
    const { weight, bodyweight } = parseWeight(weightText, unit, name(column.weight));
    return {
      kind: 'set',
      set: {
        line,
        workout,
        exercise: parseName(fieldAt(record, column.exercise), name(column.exercise)),
        setNumber: null,
        setType: type,
        weight,
        unit,
        bodyweight,
        reps,
        rpe: parseRpe(fieldAt(record, column.rpe), name(column.rpe)),
        performedAt: workout.start,
        notes: parseNotes(fieldAt(record, column.notes), name(column.notes)),
      },
    };
  });
  return { format: 'strong', label: `${label} (${fixedUnit ?? 'unit per row'})`, mapRow };
}
