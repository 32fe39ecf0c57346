import type { SetType } from '../limits.js';
import type { Unit } from '../units.js';
import type { Header } from './header.js';

/** The formats `workout import` reads; `auto` detects one from the header. */
export const SOURCE_FORMATS = ['workout', 'strong', 'hevy', 'fitnotes'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One workout of the source file; it becomes one session. */
export type SourceWorkout = {
  /** workout_session.source_key: the same workout always gets the same key. */
  key: string;
  name: string | null;
  notes: string | null;
  /** timestamptz text (ISO 8601 with an offset), kept to the microsecond. */
  start: string;
  /** null: the session ends at its last set. */
  end: string | null;
};

/** One set, normalized: what `set add` would have been given. */
export type ImportedSet = {
  /** Line of the file where the row starts. */
  line: number;
  workout: SourceWorkout;
  exercise: string;
  /** Given by the file (workout's own format), or null: numbered in the file's order. */
  setNumber: number | null;
  setType: SetType;
  /** Exact decimal text in `unit`; the load added to the body for bodyweight sets. */
  weight: string;
  unit: Unit;
  bodyweight: boolean;
  reps: number;
  rpe: number | null;
  performedAt: string;
  notes: string | null;
};

/** Rows that are not sets: skipped and counted, never an error (a `note` row's text is kept, see ExerciseNote). */
export const NOT_SET_REASONS = ['rest_timer', 'unfilled', 'cardio', 'note'] as const;
export type NotSetReason = (typeof NOT_SET_REASONS)[number];

/** What is wrong with one row: shown as `file:line: column: problem`. */
export type RowProblem = { line: number; column: string; problem: string };

/**
 * A row that holds an exercise's note for one workout (Strong 6 `Note` rows). It comes
 * before that exercise's sets; the import keeps its text on the exercise's next set in
 * that workout (with the set's own note after it).
 */
export type ExerciseNote = { workoutKey: string; exercise: string; text: string | null };

export type RowOutcome =
  | { kind: 'set'; set: ImportedSet }
  | { kind: 'note'; note: ExerciseNote }
  | { kind: 'skip'; reason: NotSetReason }
  | { kind: 'problem'; problem: RowProblem };

/**
 * Maps one CSV record (fields in header order) to an outcome. No I/O; the outcome depends on
 * the record alone, but for what earlier rows of the file decided (Strong: which workout came
 * first at a start second keeps the plain key).
 */
export type RowMapper = (record: readonly string[], line: number) => RowOutcome;

export type MapperOptions = {
  /** --unit: the weight unit of files that do not say. */
  unit: Unit | undefined;
  /** --tz: the zone of dates written without one; undefined: the system's. */
  timeZone: string | undefined;
};

/** A format recognized in a header, ready to map its rows. */
export type ImportPlan = {
  format: SourceFormat;
  /** For people: `Strong 5.x (lb)`, `Hevy (kg)`. */
  label: string;
  mapRow: RowMapper;
};

/** One format `workout import` reads: how its header is recognized, and its row mapper. */
export type FormatReader = {
  format: SourceFormat;
  recognize: (header: Header) => boolean;
  /** Throws UsageError when the header lacks a needed column. */
  plan: (header: Header, options: MapperOptions) => ImportPlan;
};
