import type { SetType } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { fileUnit, planLabel, setReader } from './appSets.js';
import { parseDurationSeconds, parseStrongDate, plusSeconds } from './dates.js';
import { parseNotes, parseOptionalName } from './fields.js';
import { fieldAt, fieldProblem, findColumns, rowMapper, type ColumnNames, type Header } from './header.js';
import type { FormatReader, ImportPlan, MapperOptions } from './types.js';
import { workoutMemo } from './workoutMemo.js';

/**
 * Strong's three export dialects:
 * - legacy (2019–2023): `;`, a `Weight Unit` column per row, sometimes `Workout Duration`;
 * - 5.x: `,`, no unit anywhere (the user says it with --unit);
 * - 6 (2024–25): `;`, `Workout #`, the unit in the header: `Weight (kg)` / `Weight (lbs)`.
 */
export type StrongDialect = 'legacy' | 'v5' | 'v6';

const DIALECT_LABELS: Record<StrongDialect, string> = { legacy: 'Strong legacy', v5: 'Strong 5.x', v6: 'Strong 6' };

/** What differs between the languages Strong exports in: its column names and `Set Order` words. */
type StrongLanguage = {
  columns: ColumnNames<
    'date' | 'exercise' | 'setOrder' | 'weight' | 'reps',
    'number' | 'workoutName' | 'duration' | 'unit' | 'rpe' | 'distance' | 'seconds' | 'notes' | 'workoutNotes'
  >;
  /** `Set Order` words (lower case) that are not a set number. */
  setOrderWords: Readonly<Record<string, SetType | 'rest_timer'>>;
};

const ENGLISH: StrongLanguage = {
  columns: {
    required: {
      date: ['Date'],
      exercise: ['Exercise Name'],
      setOrder: ['Set Order'],
      weight: ['Weight', 'Weight (kg)', 'Weight (kgs)', 'Weight (lbs)', 'Weight (lb)'],
      reps: ['Reps'],
    },
    optional: {
      number: ['Workout #'],
      workoutName: ['Workout Name'],
      duration: ['Duration', 'Duration (sec)', 'Workout Duration'],
      unit: ['Weight Unit'],
      rpe: ['RPE'],
      distance: ['Distance', 'Distance (meters)', 'Distance (km)', 'Distance (miles)'],
      seconds: ['Seconds'],
      notes: ['Notes'],
      workoutNotes: ['Workout Notes'],
    },
  },
  setOrderWords: { w: 'warmup', d: 'drop', f: 'failure', 'rest timer': 'rest_timer' },
};

/** The languages a Strong header is recognized in, the one to name in messages first. */
const LANGUAGES: readonly StrongLanguage[] = [ENGLISH];

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
  const { number, unit } = languageOf(header).columns.optional;
  if (header.find(...number) >= 0) return 'v6';
  if (header.find(...unit) >= 0) return 'legacy';
  return 'v5';
}

/** `1`, `2`… a normal set; `W`, `D`, `F` warm-up, drop, failure; `Rest Timer` is not a set. */
export function strongSetType(text: string, column: string, words = ENGLISH.setOrderWords): SetType | 'rest_timer' {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return 'normal';
  const type = words[trimmed];
  if (!type) fieldProblem(column, `${quoteInput(text.trim(), 20)} is not a set order (1, 2, …, W, D, F or Rest Timer)`);
  return type;
}

export function createStrongPlan(header: Header, options: MapperOptions): ImportPlan {
  const language = languageOf(header);
  const label = DIALECT_LABELS[strongDialect(header)];
  const column = findColumns(header, label, language.columns);
  const name = header.name;
  const setColumns = { ...column, cardio: [column.distance, column.seconds] };
  const unit = fileUnit(header, setColumns, options.unit, `${label} exports do`);
  const readSet = setReader(header, setColumns, unit, options.unit);

  const workoutOf = workoutMemo([column.number, column.date, column.workoutName, column.duration, column.workoutNotes], (record) => {
    const start = parseStrongDate(fieldAt(record, column.date), name(column.date), options.timeZone);
    const seconds = parseDurationSeconds(fieldAt(record, column.duration), name(column.duration));
    const workoutNumber = fieldAt(record, column.number).trim();
    if (column.number >= 0 && !/^\d{1,9}$/.test(workoutNumber)) fieldProblem(name(column.number), `${quoteInput(workoutNumber, 20)} is not a workout number`);
    return {
      key: `strong:${start.key}${column.number >= 0 ? `#${workoutNumber}` : ''}`,
      name: parseOptionalName(fieldAt(record, column.workoutName), name(column.workoutName)),
      notes: parseNotes(fieldAt(record, column.workoutNotes), name(column.workoutNotes)),
      start: start.at,
      // Strong gives no time per set: every set is at the workout's start.
      end: plusSeconds(start.at, seconds ?? 0),
    };
  });

  const mapRow = rowMapper(header, (record, line) => {
    const setType = strongSetType(fieldAt(record, column.setOrder), name(column.setOrder), language.setOrderWords);
    if (setType === 'rest_timer') return { kind: 'skip', reason: 'rest_timer' };
    return readSet(record, line, { workout: workoutOf(record), setType });
  });
  return { format: 'strong', label: planLabel(label, unit), mapRow };
}

export const strongReader: FormatReader = { format: 'strong', recognize: isStrongHeader, plan: createStrongPlan };
