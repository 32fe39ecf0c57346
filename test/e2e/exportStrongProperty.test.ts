import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workoutNameByHour } from '../../src/domain/formats/exportRows.js';
import { WORKOUT_COLUMNS } from '../../src/domain/formats/workout.js';
import { strongRowProblems } from '../helpers/strongRows.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// Each run costs five CLI calls (~1 s each embedded): a few small histories.
const RUNS = BACKEND === 'server' ? 6 : 3;
const ZONE = 'Europe/Berlin';
const LB = 0.45359237;

type GeneratedSet = {
  exercise: string;
  /** 0 with bodyweight: no load. */
  load: number;
  unit: 'kg' | 'lb';
  bodyweight: boolean;
  reps: number;
  rpe: number | null;
  type: 'normal' | 'warmup' | 'drop' | 'failure';
  notes: string | null;
};
type GeneratedSession = { name: string | null; notes: string | null; hour: number; sets: GeneratedSet[] };

const name = fc.constantFrom('Push, "A"', 'x', 'Ünïcode 💪');
const text = fc.constantFrom('Push, "A"', 'felt\nslow', 'x', 'Ünïcode 💪', 'C:\\ {NULL}');
const setArbitrary: fc.Arbitrary<GeneratedSet> = fc.record({
  exercise: fc.constantFrom('Bench Press', 'Pull Up', 'Squat (Barbell)'),
  load: fc.integer({ min: 0, max: 80 }).map((n) => n * 2.5),
  unit: fc.constantFrom('kg' as const, 'lb' as const),
  bodyweight: fc.boolean(),
  reps: fc.integer({ min: 1, max: 20 }),
  rpe: fc.option(fc.integer({ min: 12, max: 20 }).map((n) => n / 2)),
  type: fc.constantFrom('normal' as const, 'warmup' as const, 'drop' as const, 'failure' as const),
  notes: fc.option(text),
});
const sessionArbitrary: fc.Arbitrary<GeneratedSession> = fc.record({
  name: fc.option(name),
  notes: fc.option(text),
  hour: fc.integer({ min: 0, max: 22 }),
  sets: fc.array(setArbitrary, { minLength: 1, maxLength: 4 }),
});

const pad = (n: number) => String(n).padStart(2, '0');

/** The history as workout's own CSV: a session a day (in Berlin, +01:00 in January), a set a minute. */
function asWorkoutCsv(sessions: GeneratedSession[]): string {
  const rows = sessions.flatMap((session, day) => {
    const time = (minute: number) => `2025-01-${pad(day + 1)}T${pad(session.hour)}:${pad(minute)}:00+01:00`;
    const numbers = new Map<string, number>();
    return session.sets.map((set, index) => {
      numbers.set(set.exercise, (numbers.get(set.exercise) ?? 0) + 1);
      const load = set.bodyweight || set.load > 0 ? set.load : 2.5;
      return [
        `workout:day${day}`,
        session.name ?? '',
        time(0),
        time(59),
        session.notes ?? '',
        set.exercise,
        String(numbers.get(set.exercise)),
        set.type,
        String(load),
        set.unit,
        String(set.bodyweight),
        String(set.reps),
        set.rpe === null ? '' : String(set.rpe),
        time(index + 1),
        set.notes ?? '',
      ];
    });
  });
  return stringify([[...WORKOUT_COLUMNS], ...rows]);
}

type JsonSet = {
  session_name: string | null;
  session_start: string;
  session_notes: string | null;
  exercise: string;
  set_number: number;
  weight: number;
  unit: 'kg' | 'lb';
  bodyweight: boolean;
  reps: number;
  rpe: number | null;
  notes: string | null;
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** What a Strong file can say of a set, with its weight in `unit`. */
function strongView(set: JsonSet, unit: 'kg' | 'lb'): string {
  const kg = set.unit === 'lb' ? set.weight * LB : set.weight;
  const weight = set.unit === unit ? set.weight : round3(unit === 'lb' ? kg / LB : kg);
  const name = set.session_name ?? workoutNameByHour(Number(set.session_start.slice(11, 13)));
  return [
    set.session_start,
    name,
    set.session_notes,
    set.exercise,
    set.set_number,
    weight,
    weight === 0,
    set.reps,
    set.rpe,
    set.notes,
  ]
    .map((field) => JSON.stringify(field))
    .join(' | ');
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function exportJson(user: string): Promise<JsonSet[]> {
  const result = await db.cli(['export', '--format', 'json', '--tz', ZONE], { env: { WORKOUT_USER: user } });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonSet[];
}

describe('export --format strong, then import --format strong', () => {
  test('random histories come back as the same sets (as plain numbered sets)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(sessionArbitrary, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('kg' as const, 'lb' as const),
        async (sessions, unit) => {
          const [source, copy] = [`source${run}`, `copy${run}`];
          run += 1;
          const imported = await db.cli(['import', '--format', 'workout'], {
            stdin: asWorkoutCsv(sessions),
            env: { WORKOUT_USER: source },
          });
          expect([imported.code, imported.stderr]).toEqual([0, '']);

          const strong = await db.cli(['export', '--format', 'strong', '--unit', unit, '--tz', ZONE], {
            env: { WORKOUT_USER: source },
          });
          expect(strong.code).toBe(0);
          expect(strongRowProblems(strong.stdout)).toEqual([]);
          const back = await db.cli(['import', '--format', 'strong', '--unit', unit, '--tz', ZONE], {
            stdin: strong.stdout,
            env: { WORKOUT_USER: copy },
          });
          expect([back.code, back.stderr]).toEqual([0, '']);

          const original = (await exportJson(source)).map((set) => strongView(set, unit)).sort();
          const copied = await exportJson(copy);
          expect(copied.every((set) => set.unit === unit)).toBe(true);
          expect(copied.map((set) => strongView(set, unit)).sort()).toEqual(original);
          expect(original).toHaveLength(sessions.reduce((sum, session) => sum + session.sets.length, 0));
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
