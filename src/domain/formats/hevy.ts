import type { SetType } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { parseHevyDate } from './dates.js';
import { notASet, parseName, parseNotes, parseOptionalName, parseReps, parseRpe, parseWeight, unitInHeader } from './fields.js';
import { fieldAt, fieldProblem, rowMapper, type Header } from './header.js';
import type { ImportPlan, MapperOptions, SourceWorkout } from './types.js';

const LABEL = 'Hevy';

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
  const column = {
    title: header.require(LABEL, 'title'),
    start: header.require(LABEL, 'start_time'),
    end: header.find('end_time'),
    description: header.find('description'),
    exercise: header.require(LABEL, 'exercise_title'),
    exerciseNotes: header.find('exercise_notes'),
    setIndex: header.require(LABEL, 'set_index'),
    setType: header.require(LABEL, 'set_type'),
    weight: header.require(LABEL, 'weight_kg', 'weight_lbs'),
    reps: header.require(LABEL, 'reps'),
    distance: header.find('distance_km', 'distance_miles'),
    duration: header.find('duration_seconds'),
    rpe: header.find('rpe'),
  };
  const name = (index: number) => header.names[index] ?? '';
  const unit = unitInHeader(name(column.weight)) ?? 'kg';

  let lastWorkoutText = '';
  let lastWorkout: SourceWorkout | undefined;
  const workoutOf = (record: readonly string[]): SourceWorkout => {
    const texts = [column.title, column.start, column.end, column.description].map((i) => fieldAt(record, i));
    const text = texts.join('\u0000');
    if (lastWorkout && text === lastWorkoutText) return lastWorkout;
    const [title, startText, endText, description] = texts as [string, string, string, string];
    const start = parseHevyDate(startText, name(column.start), options.timeZone);
    const end = endText.trim() === '' ? null : parseHevyDate(endText, name(column.end), options.timeZone);
    if (end && Date.parse(end.at) < Date.parse(start.at)) fieldProblem(name(column.end), `${endText.trim()} is before start_time`);
    const titleName = parseOptionalName(title, name(column.title));
    lastWorkout = {
      key: `hevy:${start.key}|${titleName ?? ''}`,
      name: titleName,
      notes: parseNotes(description, name(column.description)),
      start: start.at,
      end: end?.at ?? start.at,
    };
    lastWorkoutText = text;
    return lastWorkout;
  };

  const mapRow = rowMapper(header, (record, line) => {
    const workout = workoutOf(record);
    const typeText = fieldAt(record, column.setType).trim().toLowerCase();
    const setType = SET_TYPES[typeText === '' ? 'normal' : typeText];
    if (!setType) fieldProblem(name(column.setType), `${quoteInput(typeText, 20)} is not normal, warmup, failure or dropset`);
    const reps = parseReps(fieldAt(record, column.reps), name(column.reps));
    if (reps === null) return notASet(fieldAt(record, column.distance), fieldAt(record, column.duration));
    const { weight, bodyweight } = parseWeight(fieldAt(record, column.weight), unit, name(column.weight));
    const setIndex = fieldAt(record, column.setIndex).trim();
    if (!/^\d+$/.test(setIndex)) fieldProblem(name(column.setIndex), `${quoteInput(setIndex, 20)} is not a set index (0, 1, …)`);
    return {
      kind: 'set',
      set: {
        line,
        workout,
        exercise: parseName(fieldAt(record, column.exercise), name(column.exercise)),
        setNumber: null,
        setType,
        weight,
        unit,
        bodyweight,
        reps,
        rpe: parseRpe(fieldAt(record, column.rpe), name(column.rpe)),
        performedAt: workout.start,
        notes: Number(setIndex) === 0 ? parseNotes(fieldAt(record, column.exerciseNotes), name(column.exerciseNotes)) : null,
      },
    };
  });
  return { format: 'hevy', label: `${LABEL} (${unit})`, mapRow };
}
