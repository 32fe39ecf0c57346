import { UsageError } from '../../errors.js';
import type { Unit } from '../units.js';
import { parseDay } from './dates.js';
import { notASet, parseName, parseNotes, parseReps, parseRowUnit, parseWeight, unitInHeader } from './fields.js';
import { fieldAt, rowMapper, type Header } from './header.js';
import type { ImportPlan, MapperOptions, SourceWorkout } from './types.js';

const LABEL = 'FitNotes';

export function isFitNotesHeader(header: Header): boolean {
  return header.find('Exercise') >= 0 && header.find('Category') >= 0 && header.find('Date') >= 0;
}

/**
 * FitNotes (Android): a workout is a calendar day, with no time; sets keep the row
 * order. Current exports have `Weight` + `Weight Unit` (kgs/lbs) and `Comment`; older
 * ones `Weight (lbs)` and no comment.
 */
export function createFitNotesPlan(header: Header, options: MapperOptions): ImportPlan {
  const column = {
    date: header.require(LABEL, 'Date'),
    exercise: header.require(LABEL, 'Exercise'),
    weight: header.require(LABEL, 'Weight', 'Weight (kgs)', 'Weight (kg)', 'Weight (lbs)', 'Weight (lb)'),
    unit: header.find('Weight Unit'),
    reps: header.require(LABEL, 'Reps'),
    distance: header.find('Distance'),
    time: header.find('Time'),
    comment: header.find('Comment'),
  };
  const name = (index: number) => header.names[index] ?? '';
  const headerUnit = unitInHeader(name(column.weight));
  const fixedUnit: Unit | undefined = headerUnit ?? (column.unit < 0 ? options.unit : undefined);
  if (!fixedUnit && column.unit < 0) {
    throw new UsageError(`this ${LABEL} export does not say whether weights are kg or lb; tell it with --unit kg or --unit lb`);
  }

  let lastDay = '';
  let lastWorkout: SourceWorkout | undefined;
  const workoutOf = (text: string): SourceWorkout => {
    if (lastWorkout && text === lastDay) return lastWorkout;
    const day = parseDay(text, name(column.date), options.timeZone);
    lastWorkout = { key: `fitnotes:${day.key}`, name: null, notes: null, start: day.at, end: day.at };
    lastDay = text;
    return lastWorkout;
  };

  const mapRow = rowMapper(header, (record, line) => {
    const workout = workoutOf(fieldAt(record, column.date));
    const reps = parseReps(fieldAt(record, column.reps), name(column.reps));
    if (reps === null) return notASet(fieldAt(record, column.distance), fieldAt(record, column.time));
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
        setType: 'normal',
        weight,
        unit,
        bodyweight,
        reps,
        rpe: null,
        performedAt: workout.start,
        notes: parseNotes(fieldAt(record, column.comment), name(column.comment)),
      },
    };
  });
  return { format: 'fitnotes', label: `${LABEL} (${fixedUnit ?? 'unit per row'})`, mapRow };
}
