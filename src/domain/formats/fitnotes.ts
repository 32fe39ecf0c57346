import { fileUnit, planLabel, setReader } from './appSets.js';
import { parseDay } from './dates.js';
import { type ColumnNames, fieldAt, findColumns, type Header, rowMapper } from './header.js';
import type { FormatReader, ImportPlan, MapperOptions } from './types.js';
import { workoutMemo } from './workoutMemo.js';

const LABEL = 'FitNotes';

/** FitNotes' column names by role. */
const COLUMNS = {
  required: {
    date: ['Date'],
    exercise: ['Exercise'],
    weight: ['Weight', 'Weight (kgs)', 'Weight (kg)', 'Weight (lbs)', 'Weight (lb)'],
    reps: ['Reps'],
  },
  optional: {
    unit: ['Weight Unit'],
    distance: ['Distance'],
    time: ['Time'],
    comment: ['Comment'],
  },
} satisfies ColumnNames<string, string>;

export function isFitNotesHeader(header: Header): boolean {
  return header.find('Exercise') >= 0 && header.find('Category') >= 0 && header.find('Date') >= 0;
}

/**
 * FitNotes (Android): a workout is a calendar day, with no time; sets keep the row
 * order. Current exports have `Weight` + `Weight Unit` (kgs/lbs) and `Comment`; older
 * ones `Weight (lbs)` and no comment.
 */
export function createFitNotesPlan(header: Header, options: MapperOptions): ImportPlan {
  const column = findColumns(header, LABEL, COLUMNS);
  const setColumns = { ...column, rpe: -1, notes: column.comment, cardio: [column.distance, column.time] };
  const unit = fileUnit(header, setColumns, options.unit, `this ${LABEL} export does`);
  const readSet = setReader(header, setColumns, unit, options.unit);

  const workoutOf = workoutMemo([column.date], (record) => {
    const day = parseDay(fieldAt(record, column.date), header.name(column.date), options.timeZone);
    return { key: `fitnotes:${day.key}`, name: null, notes: null, start: day.at, end: day.at };
  });

  const mapRow = rowMapper(header, (record, line) =>
    readSet(record, line, { workout: workoutOf(record), setType: 'normal' }),
  );
  return { format: 'fitnotes', label: planLabel(LABEL, unit), mapRow };
}

export const fitNotesReader: FormatReader = {
  format: 'fitnotes',
  recognize: isFitNotesHeader,
  plan: createFitNotesPlan,
};
