import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planImport } from '../../src/domain/formats/detect.js';
import {
  type ImportedSet,
  type MapperOptions,
  NOT_SET_REASONS,
  type RowOutcome,
  type SourceFormat,
} from '../../src/domain/formats/types.js';
import { WORKOUT_COLUMNS } from '../../src/domain/formats/workout.js';
import { LIMITS, SET_TYPES, type SetType } from '../../src/domain/limits.js';
import { toKg, UNITS, type Unit } from '../../src/domain/units.js';
import { hostileText, spacing } from '../helpers/properties.js';

/**
 * Every CSV row mapper (Strong legacy / 5.x / 6 kg and lbs, Hevy weight_kg and weight_lbs,
 * FitNotes with a unit column and with the unit in the header, workout's own format) must,
 * for any record: return a set whose numbers are exactly the field's numbers, a skip, or a
 * problem naming a real column in one printable line. Never throw, never read `1e3`,
 * `100,5` or `١٠٠` as a number. "The field's number" is its plain ASCII decimal value to
 * 3 decimals (the mappers drop float noise such as `12.900000000000034`); whitespace around
 * a field is trimmed, whitespace inside one is refused. Dates are read in UTC here; zones are
 * covered by time.property.test.ts.
 */

const RUNS = { numRuns: 400 };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const roundWeight = (value: number) => Math.round(value * 1e9) / 1e9;

/** Plain ASCII decimal notation: the only way a number may be written in a field. */
const PLAIN_DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
/** Line breaks, controls, bidi overrides, zero-width marks, lone surrogates: never in a problem. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

type Expected =
  | { kind: 'set'; set: Omit<ImportedSet, 'line'> }
  | { kind: 'skip'; reason: (typeof NOT_SET_REASONS)[number] };
type ValidRow = { fields: Record<string, string>; expected: Expected };

type Spec = {
  name: string;
  format: SourceFormat;
  header: readonly string[];
  options: MapperOptions;
  /** The columns holding numbers read as weight, reps and RPE. */
  weight: string;
  reps: string;
  rpe?: string;
  /** Set Order (Strong): `Rest Timer` may make a row a skip before anything else is read. */
  setOrder?: string;
  /** workout's own format: the weight is always a number (0 for bodyweight) and bodyweight is a column. */
  explicitBodyweight?: boolean;
  valid: fc.Arbitrary<ValidRow>;
};

// ---------------------------------------------------------------------------------------------
// Arbitraries for valid field values

/** Whitespace (ASCII and Unicode) around a field: trimmed away. */
const around = (text: fc.Arbitrary<string>) => fc.tuple(spacing, text, spacing).map(([a, t, b]) => `${a}${t}${b}`);

/** A load with up to 3 decimals within 0–1000 kg in `unit`. */
const load = (unit: Unit) =>
  fc
    .integer({ min: 0, max: unit === 'kg' ? 1_000_000 : 2_204_622 })
    .map((grams) => grams / 1000)
    .filter((value) => toKg(value, unit) <= LIMITS.maxWeightKg);

/** How exports write a load: `100`, `100.0`, `100.500`, `0100.5`, float noise `12.900000000000034`. */
const loadText = (value: number) =>
  fc
    .constantFrom('plain', 'zeros', 'leading', 'noise')
    .map((style) => {
      if (style === 'zeros') return Number.isInteger(value) ? `${value}.0` : value.toFixed(3);
      if (style === 'leading') return `0${value}`;
      if (style === 'noise' && value > 0) return (value + 1e-10).toFixed(12);
      return String(value);
    })
    .chain((text) => around(fc.constant(text)));

type Numbers = {
  unit: Unit;
  weight: number;
  weightText: string;
  reps: number;
  repsText: string;
  rpe: number | null;
  rpeText: string;
};

/** RPE as written: `8`, `8.0`, `7.5`; none is empty, or `0` in Strong. */
function rpeText(rpe: number | null, alternative: boolean, strong: boolean): string {
  if (rpe === null) return strong && alternative ? '0' : '';
  return Number.isInteger(rpe) && alternative ? `${rpe}.0` : String(rpe);
}

/** Weight, reps and RPE, with `emptyWeight` allowing an empty weight (bodyweight in Strong, Hevy, FitNotes). */
const numbers = (unit: Unit, options: { emptyWeight: boolean; strongRpe?: boolean }): fc.Arbitrary<Numbers> =>
  fc
    .record({
      weight: load(unit),
      emptyWeight: options.emptyWeight ? fc.boolean() : fc.constant(false),
      reps: fc.integer({ min: 1, max: LIMITS.maxReps }),
      repsFloat: fc.boolean(),
      rpe: fc.option(fc.integer({ min: 2, max: 20 }).map((halves) => halves / 2)),
      rpeZero: fc.boolean(),
    })
    .chain(({ weight, emptyWeight, reps, repsFloat, rpe, rpeZero }) =>
      fc
        .tuple(
          emptyWeight ? around(fc.constant('')) : loadText(weight),
          around(fc.constant(repsFloat ? `${reps}.0` : String(reps))),
          around(fc.constant(rpeText(rpe, rpeZero, options.strongRpe ?? false))),
        )
        .map(([weightText, repsText, rpeText]) => ({
          unit,
          weight: emptyWeight ? 0 : weight,
          weightText,
          reps,
          repsText,
          rpe,
          rpeText,
        })),
    );

/** The weight fields of a set, as mappers other than workout's own write them. */
const weightOf = (n: Numbers) => ({ weight: String(n.weight), unit: n.unit, bodyweight: n.weight === 0 });

const exerciseName = fc.constantFrom(
  'Bench Press',
  'Squat (Barbell)',
  'Pull Up (Assisted)',
  'Übung',
  '深蹲',
  'Curl 😀',
);
const notesText = fc.constantFrom('', 'belt', 'felt easy, 2 left', 'Kniebeuge – tief');

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };
const wall: fc.Arbitrary<Wall> = fc.record({
  year: fc.integer({ min: 1900, max: 2199 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
});
const utc = (w: Wall, plusSeconds = 0) =>
  new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + plusSeconds * 1000).toISOString();
const canonical = (w: Wall) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

// ---------------------------------------------------------------------------------------------
// Strong

const STRONG_LEGACY =
  'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes'.split(
    ';',
  );
const STRONG_V5 =
  'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE'.split(',');
const strongV6 = (weight: string) => [
  'Workout #',
  'Date',
  'Workout Name',
  'Duration (sec)',
  'Exercise Name',
  'Set Order',
  weight,
  'Reps',
  'RPE',
  'Distance (meters)',
  'Seconds',
  'Notes',
  'Workout Notes',
];

/** Strong's Date: 24-hour, or 12-hour with am/pm after a space, U+202F, U+00A0 or nothing. */
const strongDate = wall.chain((w) =>
  fc
    .record({
      twelve: fc.boolean(),
      seconds: fc.boolean(),
      gap: fc.constantFrom(' ', '\u202f', '\u00a0', ''),
      meridiem: fc.constantFrom('am', 'AM', 'a.m.'),
      t: fc.constantFrom(' ', 'T'),
    })
    .map(({ twelve, seconds, gap, meridiem, t }) => {
      const shown = seconds ? w : { ...w, second: 0 };
      const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
      const time = (hour: number) => `${pad(hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
      const text = twelve
        ? `${day}${t}${time(((w.hour + 11) % 12) + 1)}${gap}${w.hour < 12 ? meridiem : meridiem.replace(/a/i, (a) => (a === 'a' ? 'p' : 'P'))}`
        : `${day}${t}${time(w.hour)}`;
      return { text, wall: shown };
    }),
);

const strongSetOrder = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((n) => ({ text: String(n), type: 'normal' as SetType | 'rest_timer' })),
  fc.constantFrom(
    { text: 'W', type: 'warmup' as const },
    { text: 'w', type: 'warmup' as const },
    { text: 'D', type: 'drop' as const },
    { text: 'F', type: 'failure' as const },
    { text: 'Rest Timer', type: 'rest_timer' as const },
    { text: 'rest timer', type: 'rest_timer' as const },
  ),
);

function strongSpec(dialect: 'legacy' | 'v5' | 'v6', unit: Unit): Spec {
  const header =
    dialect === 'legacy'
      ? STRONG_LEGACY
      : dialect === 'v5'
        ? STRONG_V5
        : strongV6(unit === 'kg' ? 'Weight (kg)' : 'Weight (lbs)');
  const weightColumn = dialect === 'v6' ? header[6]! : 'Weight';
  const unitWords: Record<Unit, string[]> = { kg: ['kg', 'kgs', 'KG'], lb: ['lb', 'lbs', 'LBS'] };
  const valid = fc
    .record({
      date: strongDate,
      workoutNumber: fc.integer({ min: 1, max: 9999 }),
      workoutName: fc.constantFrom('', 'Push', 'Leg Day'),
      minutes: fc.integer({ min: 0, max: 300 }),
      exercise: exerciseName,
      setOrder: strongSetOrder,
      numbers: numbers(unit, { emptyWeight: true, strongRpe: true }),
      unitWord: fc.constantFrom(...unitWords[unit]),
      notes: notesText,
      workoutNotes: notesText,
    })
    .map((r): ValidRow => {
      const duration =
        dialect === 'v6'
          ? String(r.minutes * 60)
          : r.minutes >= 60
            ? `${Math.floor(r.minutes / 60)}h ${r.minutes % 60}m`
            : `${r.minutes}m`;
      const fields: Record<string, string> = {
        'Workout #': String(r.workoutNumber),
        Date: r.date.text,
        'Workout Name': r.workoutName,
        Duration: duration,
        'Duration (sec)': duration,
        'Exercise Name': r.exercise,
        'Set Order': r.setOrder.text,
        [weightColumn]: r.numbers.weightText,
        'Weight Unit': r.unitWord,
        Reps: r.numbers.repsText,
        RPE: r.numbers.rpeText,
        Notes: r.notes,
        'Workout Notes': r.workoutNotes,
      };
      if (r.setOrder.type === 'rest_timer') return { fields, expected: { kind: 'skip', reason: 'rest_timer' } };
      const start = utc(r.date.wall);
      return {
        fields,
        expected: {
          kind: 'set',
          set: {
            workout: {
              // One workout per plan: the first at its start, so keyed by the start alone in every dialect.
              key: `strong:${canonical(r.date.wall)}`,
              name: r.workoutName || null,
              notes: r.workoutNotes || null,
              start,
              end: utc(r.date.wall, dialect === 'legacy' ? 0 : r.minutes * 60),
            },
            exercise: r.exercise,
            setNumber: null,
            setType: r.setOrder.type,
            ...weightOf(r.numbers),
            reps: r.numbers.reps,
            rpe: r.numbers.rpe,
            performedAt: start,
            notes: r.notes || null,
          },
        },
      };
    });
  return {
    name: `Strong ${dialect} (${unit})`,
    format: 'strong',
    header,
    options: { unit: dialect === 'v5' ? unit : undefined, timeZone: 'UTC' },
    weight: weightColumn,
    reps: 'Reps',
    rpe: 'RPE',
    setOrder: 'Set Order',
    valid,
  };
}

// ---------------------------------------------------------------------------------------------
// Hevy

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hevyDate = (w: Wall) => `${w.day} ${MONTH_NAMES[w.month - 1]} ${w.year}, ${pad(w.hour)}:${pad(w.minute)}`;
const HEVY_SET_TYPES: ReadonlyArray<[string, SetType]> = [
  ['', 'normal'],
  ['normal', 'normal'],
  ['warmup', 'warmup'],
  ['Warmup', 'warmup'],
  ['failure', 'failure'],
  ['dropset', 'drop'],
];

function hevySpec(unit: Unit): Spec {
  const weight = unit === 'kg' ? 'weight_kg' : 'weight_lbs';
  const header = [
    'title',
    'start_time',
    'end_time',
    'description',
    'exercise_title',
    'superset_id',
    'exercise_notes',
    'set_index',
    'set_type',
    weight,
    'reps',
    'distance_km',
    'duration_seconds',
    'rpe',
  ];
  const valid = fc
    .record({
      start: wall.map((w) => ({ ...w, second: 0 })),
      minutes: fc.option(fc.integer({ min: 0, max: 300 })),
      title: fc.constantFrom('', 'Legs', 'Morning Workout'),
      description: notesText,
      exercise: exerciseName,
      exerciseNotes: notesText,
      setIndex: fc.integer({ min: 0, max: 20 }),
      setType: fc.constantFrom(...HEVY_SET_TYPES),
      numbers: numbers(unit, { emptyWeight: true }),
    })
    .map((r): ValidRow => {
      const endMs = r.minutes === null ? null : Date.parse(utc(r.start)) + r.minutes * 60_000;
      const endWall = endMs === null ? null : new Date(endMs);
      const fields: Record<string, string> = {
        title: r.title,
        start_time: hevyDate(r.start),
        end_time:
          endWall === null
            ? ''
            : hevyDate({
                year: endWall.getUTCFullYear(),
                month: endWall.getUTCMonth() + 1,
                day: endWall.getUTCDate(),
                hour: endWall.getUTCHours(),
                minute: endWall.getUTCMinutes(),
                second: 0,
              }),
        description: r.description,
        exercise_title: r.exercise,
        exercise_notes: r.exerciseNotes,
        set_index: String(r.setIndex),
        set_type: r.setType[0],
        [weight]: r.numbers.weightText,
        reps: r.numbers.repsText,
        rpe: r.numbers.rpeText,
      };
      const start = utc(r.start);
      return {
        fields,
        expected: {
          kind: 'set',
          set: {
            workout: {
              key: `hevy:${canonical(r.start)}|${r.title}`,
              name: r.title || null,
              notes: r.description || null,
              start,
              end: endWall?.toISOString() ?? start,
            },
            exercise: r.exercise,
            setNumber: null,
            setType: r.setType[1],
            ...weightOf(r.numbers),
            reps: r.numbers.reps,
            rpe: r.numbers.rpe,
            performedAt: start,
            notes: r.setIndex === 0 ? r.exerciseNotes || null : null,
          },
        },
      };
    });
  return {
    name: `Hevy (${weight})`,
    format: 'hevy',
    header,
    options: { unit: undefined, timeZone: 'UTC' },
    weight,
    reps: 'reps',
    rpe: 'rpe',
    valid,
  };
}

// ---------------------------------------------------------------------------------------------
// FitNotes

const FITNOTES = [
  'Date',
  'Exercise',
  'Category',
  'Weight',
  'Weight Unit',
  'Reps',
  'Distance',
  'Distance Unit',
  'Time',
  'Comment',
];
const FITNOTES_OLD = ['Date', 'Exercise', 'Category', 'Weight (lbs)', 'Reps', 'Distance', 'Distance Unit', 'Time'];

function fitNotesSpec(old: boolean): Spec {
  const header = old ? FITNOTES_OLD : FITNOTES;
  const weight = old ? 'Weight (lbs)' : 'Weight';
  const valid = fc
    .record({
      day: wall,
      unit: old
        ? fc.constant<[string, Unit]>(['', 'lb'])
        : fc.constantFrom<[string, Unit]>(['kgs', 'kg'], ['lbs', 'lb'], ['kg', 'kg'], ['LBS', 'lb']),
      exercise: exerciseName,
      comment: notesText,
    })
    .chain((r) => numbers(r.unit[1], { emptyWeight: true }).map((n) => ({ ...r, numbers: n })))
    .map((r): ValidRow => {
      const day = `${pad(r.day.year, 4)}-${pad(r.day.month)}-${pad(r.day.day)}`;
      const start = `${day}T00:00:00.000Z`;
      return {
        fields: {
          Date: day,
          Exercise: r.exercise,
          Category: 'Chest',
          [weight]: r.numbers.weightText,
          'Weight Unit': r.unit[0],
          Reps: r.numbers.repsText,
          Comment: r.comment,
        },
        expected: {
          kind: 'set',
          set: {
            workout: { key: `fitnotes:${day}`, name: null, notes: null, start, end: start },
            exercise: r.exercise,
            setNumber: null,
            setType: 'normal',
            ...weightOf(r.numbers),
            reps: r.numbers.reps,
            rpe: null,
            performedAt: start,
            notes: old ? null : r.comment || null,
          },
        },
      };
    });
  return {
    name: `FitNotes (${weight})`,
    format: 'fitnotes',
    header,
    options: { unit: undefined, timeZone: 'UTC' },
    weight,
    reps: 'Reps',
    valid,
  };
}

// ---------------------------------------------------------------------------------------------
// workout's own format

const isoText = fc
  .record({
    w: wall,
    fraction: fc.constantFrom('', '.5', '.123', '.123456'),
    offset: fc.constantFrom('Z', '+00:00', '+01:00', '-05:30', '+14:00', '-0800'),
  })
  .map(({ w, fraction, offset }) => ({
    w,
    text: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${fraction}${offset}`,
  }));

const workoutSpec: Spec = {
  name: "workout's own",
  format: 'workout',
  header: WORKOUT_COLUMNS,
  options: { unit: undefined, timeZone: 'UTC' },
  weight: 'weight',
  reps: 'reps',
  rpe: 'rpe',
  explicitBodyweight: true,
  valid: fc
    .record({
      key: fc.constantFrom('workout:k1', 'strong:2025-07-23 19:16:49#3', 'hevy:x|Legs'),
      name: fc.constantFrom('', 'Push'),
      start: isoText,
      hasEnd: fc.boolean(),
      sessionNotes: notesText,
      exercise: exerciseName,
      setNumber: fc.integer({ min: 1, max: 999 }),
      setType: fc.constantFrom(...SET_TYPES),
      unit: fc.constantFrom(...UNITS),
      bodyweight: fc.boolean(),
      performedAt: isoText,
      notes: notesText,
    })
    .chain((r) => numbers(r.unit, { emptyWeight: false }).map((n) => ({ ...r, numbers: n })))
    .map((r): ValidRow => {
      // A year later, same offset: always after the start.
      const end = r.hasEnd ? r.start.text.replace(/^\d{4}/, (y) => pad(Number(y) + 1, 4)) : '';
      return {
        fields: {
          session_key: r.key,
          session_name: r.name,
          session_start: r.start.text,
          session_end: end,
          session_notes: r.sessionNotes,
          exercise: r.exercise,
          set_number: String(r.setNumber),
          set_type: r.setType,
          weight: r.numbers.weightText,
          unit: r.unit,
          bodyweight: String(r.bodyweight),
          reps: r.numbers.repsText,
          rpe: r.numbers.rpeText,
          performed_at: r.performedAt.text,
          notes: r.notes,
        },
        expected: {
          kind: 'set',
          set: {
            workout: {
              key: r.key,
              name: r.name || null,
              notes: r.sessionNotes || null,
              start: r.start.text,
              end: end || null,
            },
            exercise: r.exercise,
            setNumber: r.setNumber,
            setType: r.setType,
            weight: String(r.numbers.weight),
            unit: r.unit,
            bodyweight: r.bodyweight,
            reps: r.numbers.reps,
            rpe: r.numbers.rpe,
            performedAt: r.performedAt.text,
            notes: r.notes || null,
          },
        },
      };
    }),
};

const SPECS: Spec[] = [
  strongSpec('legacy', 'kg'),
  strongSpec('legacy', 'lb'),
  strongSpec('v5', 'lb'),
  strongSpec('v5', 'kg'),
  strongSpec('v6', 'kg'),
  strongSpec('v6', 'lb'),
  hevySpec('kg'),
  hevySpec('lb'),
  fitNotesSpec(false),
  fitNotesSpec(true),
  workoutSpec,
];

// ---------------------------------------------------------------------------------------------
// The invariants every outcome keeps

const recordOf = (spec: Spec, fields: Record<string, string>) => spec.header.map((name) => fields[name] ?? '');

/** The field's text is a plain decimal whose value, to 3 decimals (weights: 9), is `value`. */
function readsAs(field: string, value: number, round = round3): boolean {
  const trimmed = field.trim();
  return PLAIN_DECIMAL.test(trimmed) && round(Number(trimmed)) === value;
}

const isInstant = (text: string) => Number.isFinite(Date.parse(text)) && !Number.isNaN(new Date(text).getTime());

/** What any outcome of any record must satisfy; `record` is what was mapped. */
function checkOutcome(spec: Spec, record: readonly string[], line: number, result: RowOutcome): void {
  const field = (name: string) => {
    const index = spec.header.indexOf(name);
    return index < 0 ? '' : (record[index] ?? '');
  };
  if (result.kind === 'problem') {
    const { problem } = result;
    expect(problem.line).toBe(line);
    expect([...spec.header, 'row'], `column of ${JSON.stringify(problem)}`).toContain(problem.column);
    if (record.length !== spec.header.length) expect(problem.column).toBe('row');
    expect(problem.problem.length).toBeGreaterThan(0);
    expect(problem.problem, `problem ${JSON.stringify(problem.problem)} must be one printable line`).not.toMatch(
      UNPRINTABLE,
    );
    return;
  }
  expect(record.length).toBe(spec.header.length);
  if (result.kind === 'note') {
    expect(spec.setOrder).toBeDefined();
    expect(field(spec.setOrder!).trim().toLowerCase()).toBe('note');
    return;
  }
  if (result.kind === 'skip') {
    expect(NOT_SET_REASONS).toContain(result.reason);
    if (result.reason === 'rest_timer') {
      expect(spec.setOrder).toBeDefined();
      expect(field(spec.setOrder!).trim().toLowerCase()).toBe('rest timer');
    } else {
      // Not a set only when reps is empty or a plain zero: never when reps is garbage.
      const reps = field(spec.reps).trim();
      expect(reps === '' || readsAs(reps, 0), `skip with reps ${JSON.stringify(reps)}`).toBe(true);
    }
    return;
  }
  const { set } = result;
  expect(set.line).toBe(line);
  expect(UNITS).toContain(set.unit);
  // Weight: exact decimal text, to 9 decimals, 0–1000 kg, what the field says.
  expect(set.weight).toMatch(/^(?:0|[1-9][0-9]*)(?:\.[0-9]{0,8}[1-9])?$/);
  const weight = Number(set.weight);
  expect(toKg(weight, set.unit)).toBeLessThanOrEqual(LIMITS.maxWeightKg);
  const weightField = field(spec.weight);
  if (spec.explicitBodyweight || weight !== 0) {
    expect(
      readsAs(weightField, weight, roundWeight),
      `weight ${JSON.stringify(weightField)} read as ${set.weight}`,
    ).toBe(true);
    expect(Number(weightField.trim())).toBeGreaterThanOrEqual(0);
  } else {
    expect(set.bodyweight).toBe(true);
    expect(
      weightField.trim() === '' || readsAs(weightField, 0, roundWeight),
      `bodyweight from weight ${JSON.stringify(weightField)}`,
    ).toBe(true);
  }
  // Reps: a whole number 1–1000, what the field says.
  expect(Number.isInteger(set.reps) && set.reps >= 1 && set.reps <= LIMITS.maxReps).toBe(true);
  expect(readsAs(field(spec.reps), set.reps), `reps ${JSON.stringify(field(spec.reps))} read as ${set.reps}`).toBe(
    true,
  );
  // RPE: none, or 1–10 in halves, what the field says.
  if (set.rpe === null) {
    const rpe = spec.rpe ? field(spec.rpe).trim() : '';
    expect(rpe === '' || readsAs(rpe, 0), `no RPE from ${JSON.stringify(rpe)}`).toBe(true);
  } else {
    expect(spec.rpe).toBeDefined();
    expect(set.rpe >= 1 && set.rpe <= 10 && Number.isInteger(set.rpe * 2)).toBe(true);
    expect(readsAs(field(spec.rpe!), set.rpe), `rpe ${JSON.stringify(field(spec.rpe!))} read as ${set.rpe}`).toBe(true);
  }
  expect(SET_TYPES).toContain(set.setType);
  expect(isInstant(set.performedAt), `performedAt ${set.performedAt}`).toBe(true);
  expect(isInstant(set.workout.start), `start ${set.workout.start}`).toBe(true);
  if (set.workout.end !== null) {
    expect(isInstant(set.workout.end), `end ${set.workout.end}`).toBe(true);
    expect(Date.parse(set.workout.end)).toBeGreaterThanOrEqual(Date.parse(set.workout.start));
  }
  expect(set.exercise.length).toBeGreaterThan(0);
  // The key goes out in `workout export` as session_key; re-import takes 1–200 characters.
  expect(set.workout.key.length, `workout key ${set.workout.key.slice(0, 60)}…`).toBeLessThanOrEqual(200);
}

// ---------------------------------------------------------------------------------------------
// Numbers written in ways no mapper may read

/** Fragments that make `12` look like a number to a lenient parser: exponents, decimal commas, other digits. */
const NOT_PLAIN = [
  'e3',
  'E3',
  'e-1',
  'e+2',
  ',5',
  ',',
  '٫',
  '٬',
  '١',
  '٠٠',
  '۵',
  '५',
  '๕',
  '０',
  '５',
  '．',
  '²',
  '½',
  '𝟓',
  '①',
  'x',
  '_',
  ' ',
  '\u00a0',
  '\u2009',
  '\u200b',
  '\ufeff',
  '\u202f',
  '..',
  '.5.',
  'Infinity',
  'NaN',
  '0x1',
  'kg',
  '\u0301',
  '-',
  '+',
  '\n',
  '😀',
];
const notPlainNumber = fc
  .record({
    before: fc.stringMatching(/^[0-9]{1,4}$/),
    fragment: fc.constantFrom(...NOT_PLAIN),
    after: fc.stringMatching(/^[0-9]{1,3}$/),
    wide: fc.boolean(),
  })
  .map(({ before, fragment, after, wide }) =>
    wide
      ? `${before}${fragment}${after}`.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      : `${before}${fragment}${after}`,
  );

/** Hostile text, plus huge digit runs (`99999999999999999`, `9999999999h`): numbers past what a Date or an int holds. */
const oneHostileField = fc.oneof(
  hostileText([',5', 'e3', '٫', '.0', '1000.0005', '99999999999', '9999999999', 'h', 'm', 's']),
  fc
    .tuple(fc.stringMatching(/^[1-9][0-9]{8,400}$/), fc.constantFrom('', '.5', 'h', 'm', 's', 'h 5m'))
    .map(([digits, tail]) => `${digits}${tail}`),
);

/** Cases the properties found, kept as plain examples: each was a raw line break or an exception. */
const REGRESSIONS: ReadonlyArray<[string, string]> = [
  ['a zero-width no-break space', '0\ufeff0'],
  ['a line break and an escape sequence', '5\n\u001b[31m6'],
  ['a bidi override', '\u202e1'],
  ['a zero-width space', '\u200b'],
  ['17 nines', '99999999999999999'],
  ['9999999999 hours', '9999999999h'],
  ['400 digits', '1'.repeat(400)],
];

// ---------------------------------------------------------------------------------------------

describe.each(SPECS)('$name rows', (spec) => {
  const plan = planImport(spec.header, 'auto', spec.options);

  test('the header is detected as its format', () => {
    expect(plan.format).toBe(spec.format);
  });

  test('round trip: a generated valid row maps to exactly the generated values', () => {
    fc.assert(
      fc.property(spec.valid, fc.integer({ min: 2, max: 100_000 }), ({ fields, expected }, line) => {
        const record = recordOf(spec, fields);
        const result = planImport(spec.header, 'auto', spec.options).mapRow(record, line);
        checkOutcome(spec, record, line, result);
        expect(result).toEqual(expected.kind === 'set' ? { kind: 'set', set: { line, ...expected.set } } : expected);
      }),
      RUNS,
    );
  });

  test('totality: any record of hostile fields is a set, a skip, or a problem naming a column', () => {
    const width = spec.header.length;
    const records = fc.oneof(
      fc.array(hostileText(), { minLength: width, maxLength: width }),
      fc.array(hostileText(), { minLength: 0, maxLength: width + 2 }),
    );
    fc.assert(
      fc.property(records, (record) => {
        checkOutcome(spec, record, 7, plan.mapRow(record, 7));
      }),
      RUNS,
    );
  });

  test('totality: a valid row with one hostile field never throws nor reads a wrong value', () => {
    fc.assert(
      fc.property(spec.valid, fc.nat({ max: spec.header.length - 1 }), oneHostileField, ({ fields }, index, text) => {
        const record = recordOf(spec, fields);
        record[index] = text;
        checkOutcome(spec, record, 3, plan.mapRow(record, 3));
      }),
      RUNS,
    );
  });

  test.each(REGRESSIONS)('regression: %s in any column is a set, a skip, or a printable problem', (_, text) => {
    const [row] = fc.sample(
      spec.valid.filter((valid) => valid.expected.kind === 'set'),
      { numRuns: 1, seed: 5 },
    );
    for (const column of spec.header) {
      const record = recordOf(spec, { ...row!.fields, [column]: text });
      checkOutcome(spec, record, 5, plan.mapRow(record, 5));
    }
  });

  const numberColumns = [spec.weight, spec.reps, ...(spec.rpe ? [spec.rpe] : [])];
  test.each(numberColumns)(
    '%s: exponents, decimal commas, other digits and inner spaces are a problem naming the column',
    (column) => {
      const sets = spec.valid.filter((row) => row.expected.kind === 'set');
      fc.assert(
        fc.property(sets, notPlainNumber, spacing, ({ fields }, text, space) => {
          const record = recordOf(spec, { ...fields, [column]: `${space}${text}${space}` });
          const result = plan.mapRow(record, 4);
          checkOutcome(spec, record, 4, result);
          expect(result, `${column} ${JSON.stringify(text)}`).toMatchObject({
            kind: 'problem',
            problem: { line: 4, column },
          });
        }),
        RUNS,
      );
    },
  );
});
