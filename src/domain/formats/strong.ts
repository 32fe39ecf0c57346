import type { SetType } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { unitFromWord } from '../units.js';
import { fileUnit, planLabel, setReader } from './appSets.js';
import { parseDurationSeconds, parseStrongDate, plusSeconds } from './dates.js';
import { parseName, parseNotes, parseOptionalName } from './fields.js';
import { type ColumnNames, fieldAt, fieldProblem, findColumns, type Header, rowMapper } from './header.js';
import type { FormatReader, ImportPlan, MapperOptions, RowMapper } from './types.js';
import { workoutMemo } from './workoutMemo.js';

/**
 * Strong's export dialects:
 * - 2016: `,`, the weight column named by its unit (`kg`), Set Order from 0, no Duration;
 * - legacy (2019–2023): `;`, a `Weight Unit` column per row, sometimes `Workout Duration`;
 * - 5.x: `,`, no unit anywhere (the user says it with --unit);
 * - 6 (2024–25): `;`, `Workout #`, the unit in the header: `Weight (kg)` / `Weight (lbs)`.
 */
export type StrongDialect = 'early' | 'legacy' | 'v5' | 'v6';

const DIALECT_LABELS: Record<StrongDialect, string> = {
  early: 'Strong 2016',
  legacy: 'Strong legacy',
  v5: 'Strong 5.x',
  v6: 'Strong 6',
};

/** What a `Set Order` word says a row is: a typed set, a rest period, or the exercise's note. */
type SetOrderWord = SetType | 'rest_timer' | 'note';

/** What differs between the languages Strong exports in: its column names and `Set Order` words. */
type StrongLanguage = {
  columns: ColumnNames<
    'date' | 'exercise' | 'setOrder' | 'weight' | 'reps',
    'number' | 'workoutName' | 'duration' | 'unit' | 'rpe' | 'distance' | 'seconds' | 'notes' | 'workoutNotes'
  >;
  /** `Set Order` words (lower case) that are not a set number. */
  setOrderWords: Readonly<Record<string, SetOrderWord>>;
  /** The set orders as the app writes them, for messages. */
  setOrderHint: string;
};

const ENGLISH: StrongLanguage = {
  columns: {
    required: {
      date: ['Date'],
      exercise: ['Exercise Name'],
      setOrder: ['Set Order'],
      weight: ['Weight', 'Weight (kg)', 'Weight (kgs)', 'Weight (lbs)', 'Weight (lb)', 'kg'],
      reps: ['Reps'],
    },
    optional: {
      number: ['Workout #'],
      workoutName: ['Workout Name'],
      duration: ['Duration', 'Duration (sec)', 'Workout Duration'],
      unit: ['Weight Unit'],
      rpe: ['RPE'],
      distance: ['Distance', 'Distance (meters)', 'Distance (km)', 'Distance (miles)', 'km'],
      seconds: ['Seconds'],
      notes: ['Notes'],
      workoutNotes: ['Workout Notes'],
    },
  },
  // Strong 6 first wrote W, D, F, then WARM_UP, DROP_SET, FAILURE; `Note` rows carry the
  // exercise's note for that workout in Notes.
  setOrderWords: {
    w: 'warmup',
    d: 'drop',
    f: 'failure',
    warm_up: 'warmup',
    drop_set: 'drop',
    failure: 'failure',
    'rest timer': 'rest_timer',
    note: 'note',
  },
  setOrderHint: '1, 2, …, W, D, F, WARM_UP, DROP_SET, FAILURE, Rest Timer or Note',
};

/** Strong 5.x in German, as the app writes it (rest rows are `Ruhezeit`). */
const GERMAN: StrongLanguage = {
  columns: {
    required: {
      date: ['Datum'],
      exercise: ['Name der Übung'],
      setOrder: ['Reihenfolge festlegen'],
      weight: ['Gewicht'],
      reps: ['Wiederh.'],
    },
    optional: {
      number: [],
      workoutName: ['Workout-Name'],
      duration: ['Dauer'],
      unit: [],
      rpe: ['RPE'],
      distance: ['Entfernung'],
      seconds: ['Sekunden'],
      notes: ['Notizen'],
      workoutNotes: ['Workout-Notizen'],
    },
  },
  setOrderWords: { ruhezeit: 'rest_timer' },
  setOrderHint: '1, 2, … or Ruhezeit',
};

/** The languages a Strong header is recognized in, the one to name in messages first. */
const LANGUAGES: readonly StrongLanguage[] = [ENGLISH, GERMAN];

function isIn(language: StrongLanguage, header: Header): boolean {
  const { date, exercise, setOrder } = language.columns.required;
  return [exercise, setOrder, date].every((names) => header.find(...names) >= 0);
}

/** The header's language (English when none fits: its missing columns are named then). */
function languageOf(header: Header): StrongLanguage {
  return LANGUAGES.find((language) => isIn(language, header)) ?? ENGLISH;
}

export function isStrongHeader(header: Header): boolean {
  return LANGUAGES.some((language) => isIn(language, header));
}

export function strongDialect(header: Header): StrongDialect {
  const { required, optional } = languageOf(header).columns;
  if (header.find(...optional.number) >= 0) return 'v6';
  if (header.find(...optional.unit) >= 0) return 'legacy';
  if (unitFromWord(header.name(header.find(...required.weight)))) return 'early';
  return 'v5';
}

/** `1`, `2`… (from 0 in 2016) a normal set; otherwise one of the language's `Set Order` words. */
export function strongSetType(text: string, column: string, language = ENGLISH): SetOrderWord {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return 'normal';
  const type = Object.hasOwn(language.setOrderWords, trimmed) ? language.setOrderWords[trimmed] : undefined;
  if (!type) fieldProblem(column, `${quoteInput(text.trim(), 20)} is not a set order (${language.setOrderHint})`);
  return type;
}

/**
 * Strong 5.x writes Duration unquoted, and from 1,000 hours (a workout left running) with a
 * thousands comma: `9,719h 22m` splits into two fields and the row has one too many. Only
 * that exact pattern is joined back; any other extra field stays a bad row.
 */
export function joinSplitDuration(record: readonly string[], duration: number, width: number): readonly string[] {
  if (duration < 0 || record.length !== width + 1) return record;
  const thousands = record[duration]!;
  const rest = record[duration + 1]!;
  if (!/^\d{1,3}$/.test(thousands) || !/^\d{3}h(?: \d{1,2}m)?$/.test(rest)) return record;
  return [...record.slice(0, duration), `${thousands},${rest}`, ...record.slice(duration + 2)];
}

export function createStrongPlan(header: Header, options: MapperOptions): ImportPlan {
  const language = languageOf(header);
  const label = DIALECT_LABELS[strongDialect(header)];
  const column = findColumns(header, label, language.columns);
  const name = header.name;
  const setColumns = { ...column, cardio: [column.distance, column.seconds] };
  const unit = fileUnit(header, setColumns, options.unit, `${label} exports do`);
  const readSet = setReader(header, setColumns, unit, options.unit);
  const workoutKey = strongWorkoutKeys();

  const workoutOf = workoutMemo(
    [column.number, column.date, column.workoutName, column.duration, column.workoutNotes],
    (record) => {
      const start = parseStrongDate(fieldAt(record, column.date), name(column.date), options.timeZone);
      const seconds = parseDurationSeconds(fieldAt(record, column.duration), name(column.duration));
      const workoutNumber = fieldAt(record, column.number).trim();
      if (column.number >= 0 && !/^\d{1,9}$/.test(workoutNumber))
        fieldProblem(name(column.number), `${quoteInput(workoutNumber, 20)} is not a workout number`);
      return {
        key: workoutKey(start.key, column.number >= 0 ? workoutNumber : null),
        name: parseOptionalName(fieldAt(record, column.workoutName), name(column.workoutName)),
        notes: parseNotes(fieldAt(record, column.workoutNotes), name(column.workoutNotes)),
        start: start.at,
        // Strong gives no time per set: every set is at the workout's start.
        end: plusSeconds(start.at, seconds ?? 0),
      };
    },
  );

  const mapFields = rowMapper(header, (record, line) => {
    const setType = strongSetType(fieldAt(record, column.setOrder), name(column.setOrder), language);
    if (setType === 'rest_timer') return { kind: 'skip', reason: 'rest_timer' };
    if (setType === 'note') {
      return {
        kind: 'note',
        note: {
          workoutKey: workoutOf(record).key,
          exercise: parseName(fieldAt(record, column.exercise), name(column.exercise)),
          text: parseNotes(fieldAt(record, column.notes), name(column.notes)),
        },
      };
    }
    return readSet(record, line, { workout: workoutOf(record), setType });
  });
  const width = header.names.length;
  const mapRow: RowMapper = (record, line) => mapFields(joinSplitDuration(record, column.duration, width), line);
  return { format: 'strong', label: planLabel(label, unit), mapRow };
}

/**
 * A workout's source key: `strong:` and its start as written (wall-clock, so the same
 * whatever --tz the file is read with). Strong 6 also numbers workouts (`Workout #`), the
 * older dialects cannot; the start alone is what an export in any dialect says of a
 * workout, so it is the key, and a legacy export and a Strong 6 export of the same history
 * give each workout once. Two workouts started the same second (only Strong 6 can tell
 * them apart): the first in the file keeps the plain key, the others add `#<Workout #>`.
 */
function strongWorkoutKeys(): (start: string, workoutNumber: string | null) => string {
  const firstNumberAt = new Map<string, string>();
  return (start, workoutNumber) => {
    const key = `strong:${start}`;
    if (workoutNumber === null) return key;
    const first = firstNumberAt.get(start);
    if (first === undefined) firstNumberAt.set(start, workoutNumber);
    return first === undefined || first === workoutNumber ? key : `${key}#${workoutNumber}`;
  };
}

export const strongReader: FormatReader = { format: 'strong', recognize: isStrongHeader, plan: createStrongPlan };
