import { z } from 'zod';
import { SET_TYPES, type SetType } from '../limits.js';
import { UNITS } from '../units.js';
import { WORKOUT_COLUMNS } from './workout.js';

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

/** PostgreSQL's ISO output as ISO 8601: `2025-07-23 19:16:49.5+02` -> `2025-07-23T19:16:49.5+02:00`. */
export function isoTimestamp(text: string): string {
  return text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
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

/** The Strong 5.x header: `,`-separated, no unit anywhere. */
export const STRONG_COLUMNS = [
  'Date', 'Workout Name', 'Duration', 'Exercise Name', 'Set Order', 'Weight', 'Reps', 'Distance', 'Seconds', 'Notes', 'Workout Notes', 'RPE',
] as const;

const SET_ORDER_LETTERS: Record<SetType, string | null> = { normal: null, warmup: 'W', drop: 'D', failure: 'F' };

/** `29m`, `1h 7m`, as Strong writes a duration. */
export function strongDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

/** A Strong 5.x row: the session's start as a local wall-clock time, the weight in the file's one unit. */
export function strongRecord(set: ExportedSet): string[] {
  return [
    set.session_start.slice(0, 19),
    set.session_name ?? '',
    strongDuration(set.session_seconds),
    set.exercise,
    SET_ORDER_LETTERS[set.set_type] ?? String(set.set_number),
    set.weight,
    String(set.reps),
    '',
    '',
    set.notes ?? '',
    set.session_notes ?? '',
    set.rpe ?? '',
  ];
}

/** The workout columns with JSON types. */
export function jsonRecord(set: ExportedSet): Record<(typeof WORKOUT_COLUMNS)[number], string | number | boolean | null> {
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
