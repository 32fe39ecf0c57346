import { z } from 'zod';
import { SET_TYPES } from '../limits.js';
import { UNITS } from '../units.js';
import type { WORKOUT_COLUMNS } from './workout.js';

/**
 * A set as the export reads it: times as PostgreSQL prints them in the export's zone
 * (`2025-07-23 19:16:49.5+02`), exact decimals as text.
 */
export const exportedSetSchema = z.object({
  session_key: z.string(),
  session_name: z.string().nullable(),
  session_start: z.string(),
  session_end: z.string().nullable(),
  session_seconds: z.number().nullable(),
  session_notes: z.string().nullable(),
  exercise: z.string(),
  set_number: z.number(),
  set_type: z.enum(SET_TYPES),
  weight: z.string(),
  unit: z.enum(UNITS),
  bodyweight: z.boolean(),
  reps: z.number(),
  rpe: z.string().nullable(),
  performed_at: z.string(),
  notes: z.string().nullable(),
});
export type ExportedSet = z.infer<typeof exportedSetSchema>;

export const EXPORT_FORMATS = ['workout', 'strong', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * PostgreSQL's ISO output as ISO 8601: `2025-07-23 19:16:49.5+02` -> `2025-07-23T19:16:49.5+02:00`.
 * Three per exported set: by position, not by regular expression (a tenth of an export's CPU).
 */
export function isoTimestamp(text: string): string {
  const iso = `${text.slice(0, 10)}T${text.slice(11)}`;
  // An offset of whole hours ends the text as `+02`: the sign three characters from the end.
  const sign = text.charCodeAt(text.length - 3);
  return sign === 0x2b || sign === 0x2d ? `${iso}:00` : iso;
}

export function workoutRecord(set: ExportedSet): string[] {
  return [
    set.session_key,
    set.session_name ?? '',
    isoTimestamp(set.session_start),
    set.session_end === null ? '' : isoTimestamp(set.session_end),
    set.session_notes ?? '',
    set.exercise,
    String(set.set_number),
    set.set_type,
    set.weight,
    set.unit,
    String(set.bodyweight),
    String(set.reps),
    set.rpe ?? '',
    isoTimestamp(set.performed_at),
    set.notes ?? '',
  ];
}

/*
 * Strong 5.x, as its own exports write it (checked column by column against five real
 * 5.x files, 2019–2025, 1,387 rows; importing two of them and exporting again gives
 * back 937 of their 953 set rows byte for byte, the rest changed only by the import:
 * a name's trailing space trimmed, a `0.0` load read as bodyweight):
 * - the header unquoted; `,` between fields; `\n` between lines and none after the last;
 * - Date: the workout's start, local wall-clock time, 24-hour `2025-07-23 19:16:49`;
 * - Workout Name and Exercise Name always quoted; an unnamed workout does not exist:
 *   Strong names it by the hour it started (`workoutNameByHour`);
 * - Duration: `35m`, `1h 5m`, `1h` for a whole hour, `34s` under a minute;
 * - Set Order: 1, 2, 3… within each exercise of the workout, a warm-up, drop or failure
 *   set numbered like any other: no 5.x file has a letter there (392 exercise blocks,
 *   all 1..n), and a failure set that Strong 6 writes as `F` is `4` after `3` in the
 *   same user's older export. Strong 6 is the first to write `W`/`D`/`F`;
 * - Weight a float (`100.0`, `12.5`), `0` for a bodyweight set without load; Reps a
 *   float (`8.0`); Distance `0` and Seconds `0.0` for a lifting set;
 * - Notes and Workout Notes quoted when they hold text; Strong writes `""` for none on
 *   the first row of each exercise (Notes) and of the workout (Workout Notes), and
 *   leaves the cell empty on the other rows; RPE empty for none, else `8` or `8.5`;
 * - the rows of an exercise are together, exercises in the order they were started.
 */

/** The Strong 5.x header: `,`-separated, no unit anywhere. */
export const STRONG_COLUMNS = [
  'Date',
  'Workout Name',
  'Duration',
  'Exercise Name',
  'Set Order',
  'Weight',
  'Reps',
  'Distance',
  'Seconds',
  'Notes',
  'Workout Notes',
  'RPE',
] as const;

/** `29m`, `1h 7m`, `1h`, `34s`, as Strong writes a duration. */
export function strongDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes}m`;
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}

/**
 * The name Strong gives a workout nobody named, by the local hour it started. Its real
 * exports show Morning 8–11 h, Midday 12–13 h, Afternoon 14–17 h, Evening 18–22 h (a
 * few off by an hour, where the phone's zone differed); no file starts a workout at
 * night, so Night is 23–4 h.
 */
export function workoutNameByHour(hour: number): string {
  if (hour >= 5 && hour < 12) return 'Morning Workout';
  if (hour >= 12 && hour < 14) return 'Midday Workout';
  if (hour >= 14 && hour < 18) return 'Afternoon Workout';
  if (hour >= 18 && hour < 23) return 'Evening Workout';
  return 'Night Workout';
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line as csv-stringify writes it by default (a field quoted only when it holds
 * `"`, `,` or a line break; `\n` at the end), at a fraction of its cost per row: on an
 * export of 300,000 sets its per-call setup and checks were a quarter of the CPU.
 */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => (NEEDS_QUOTES.test(field) ? quoted(field) : field)).join(',')}\n`;
}

/** Strong writes loads as floats: `100` -> `100.0`. */
const float = (decimal: string) => (decimal.includes('.') ? decimal : `${decimal}.0`);

const seconds = (text: string) => Date.parse(isoTimestamp(text)) / 1000;

/**
 * One workout's lines (sets in time order, all of one session, weights in the file's
 * unit): exercises grouped in the order they were started, sets numbered 1..n in each.
 * An unfinished workout lasts until its last set. `written` counts the sets of each
 * exercise already written for this session (a session whose times overlap another's
 * comes in more than one run): numbering goes on from there, and it is updated.
 */
export function strongWorkoutLines(sets: readonly ExportedSet[], written = new Map<string, number>()): string[] {
  const first = sets[0];
  if (!first) return [];
  const byExercise = new Map<string, ExportedSet[]>();
  for (const set of sets) {
    const group = byExercise.get(set.exercise);
    if (group) group.push(set);
    else byExercise.set(set.exercise, [set]);
  }
  const untilLastSet = () =>
    sets.reduce((last, set) => Math.max(last, seconds(set.performed_at)), 0) - seconds(first.session_start);
  const duration = strongDuration(first.session_seconds ?? untilLastSet());
  const date = first.session_start.slice(0, 19);
  const name = quoted(first.session_name ?? workoutNameByHour(Number(date.slice(11, 13))));
  const lines: string[] = [];
  const continued = written.size > 0;
  for (const [exercise, exerciseSets] of byExercise) {
    const before = written.get(exercise) ?? 0;
    written.set(exercise, before + exerciseSets.length);
    exerciseSets.forEach((set, index) => {
      const firstOfExercise = before + index === 0;
      const firstOfWorkout = !continued && lines.length === 0;
      lines.push(
        [
          date,
          name,
          duration,
          quoted(exercise),
          String(before + index + 1),
          set.bodyweight && Number(set.weight) === 0 ? '0' : float(set.weight),
          `${set.reps}.0`,
          '0',
          '0.0',
          set.notes !== null || firstOfExercise ? quoted(set.notes ?? '') : '',
          set.session_notes !== null || firstOfWorkout ? quoted(set.session_notes ?? '') : '',
          set.rpe ?? '',
        ].join(','),
      );
    });
  }
  return lines;
}

/** The workout columns with JSON types. */
export function jsonRecord(
  set: ExportedSet,
): Record<(typeof WORKOUT_COLUMNS)[number], string | number | boolean | null> {
  return {
    session_key: set.session_key,
    session_name: set.session_name,
    session_start: isoTimestamp(set.session_start),
    session_end: set.session_end === null ? null : isoTimestamp(set.session_end),
    session_notes: set.session_notes,
    exercise: set.exercise,
    set_number: set.set_number,
    set_type: set.set_type,
    weight: Number(set.weight),
    unit: set.unit,
    bodyweight: set.bodyweight,
    reps: set.reps,
    rpe: set.rpe === null ? null : Number(set.rpe),
    performed_at: isoTimestamp(set.performed_at),
    notes: set.notes,
  };
}
