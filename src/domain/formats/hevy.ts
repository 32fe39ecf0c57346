import type { SetType } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { fileUnit, planLabel, setReader } from './appSets.js';
import { parseHevyDate } from './dates.js';
import { parseNotes, parseOptionalName } from './fields.js';
import { type ColumnNames, fieldAt, fieldProblem, findColumns, type Header, rowMapper } from './header.js';
import type { FormatReader, ImportPlan, MapperOptions } from './types.js';
import { workoutMemo } from './workoutMemo.js';

const LABEL = 'Hevy';

/** Hevy's column names by role. */
const COLUMNS = {
  required: {
    title: ['title'],
    start: ['start_time'],
    exercise: ['exercise_title'],
    setIndex: ['set_index'],
    setType: ['set_type'],
    weight: ['weight_kg', 'weight_lbs'],
    reps: ['reps'],
  },
  optional: {
    end: ['end_time'],
    description: ['description'],
    exerciseNotes: ['exercise_notes'],
    distance: ['distance_km', 'distance_miles'],
    duration: ['duration_seconds'],
    rpe: ['rpe'],
  },
} satisfies ColumnNames<string, string>;

export function isHevyHeader(header: Header): boolean {
  return header.find('exercise_title') >= 0 && header.find('start_time') >= 0 && header.find('set_type') >= 0;
}

const SET_TYPES: Record<string, SetType> = { normal: 'normal', warmup: 'warmup', failure: 'failure', dropset: 'drop' };

/**
 * Hevy: a workout is the rows sharing `start_time` and `title`; `weight_kg` or
 * `weight_lbs`; `exercise_notes` repeats on every row of an exercise, so it is kept
 * once, on the exercise's first set (`set_index` 0).
 */
export function createHevyPlan(header: Header, options: MapperOptions): ImportPlan {
  const column = findColumns(header, LABEL, COLUMNS);
  const name = header.name;
  const setColumns = { ...column, unit: -1, notes: column.exerciseNotes, cardio: [column.distance, column.duration] };
  // The weight column names its unit.
  const unit = fileUnit(header, setColumns, 'kg', `this ${LABEL} export does`);
  const readSet = setReader(header, setColumns, unit, undefined);

  const workoutOf = workoutMemo([column.title, column.start, column.end, column.description], (record) => {
    const startText = fieldAt(record, column.start);
    const endText = fieldAt(record, column.end);
    const start = parseHevyDate(startText, name(column.start), options.timeZone);
    const end = endText.trim() === '' ? null : parseHevyDate(endText, name(column.end), options.timeZone);
    if (end && Date.parse(end.at) < Date.parse(start.at))
      fieldProblem(name(column.end), `${endText.trim()} is before start_time`);
    const titleName = parseOptionalName(fieldAt(record, column.title), name(column.title));
    return {
      key: `hevy:${start.key}|${titleName ?? ''}`,
      name: titleName,
      notes: parseNotes(fieldAt(record, column.description), name(column.description)),
      start: start.at,
      end: end?.at ?? start.at,
    };
  });

  const mapRow = rowMapper(header, (record, line) => {
    const workout = workoutOf(record);
    const typeText = fieldAt(record, column.setType).trim().toLowerCase();
    const setType = SET_TYPES[typeText === '' ? 'normal' : typeText];
    if (!setType)
      fieldProblem(name(column.setType), `${quoteInput(typeText, 20)} is not normal, warmup, failure or dropset`);
    const setIndex = fieldAt(record, column.setIndex).trim();
    const check = () => {
      if (!/^\d+$/.test(setIndex))
        fieldProblem(name(column.setIndex), `${quoteInput(setIndex, 20)} is not a set index (0, 1, …)`);
    };
    return readSet(record, line, {
      workout,
      setType,
      check,
      notes: Number(setIndex) === 0 ? column.exerciseNotes : -1,
    });
  });
  return { format: 'hevy', label: planLabel(LABEL, unit), mapRow };
}

export const hevyReader: FormatReader = { format: 'hevy', recognize: isHevyHeader, plan: createHevyPlan };
