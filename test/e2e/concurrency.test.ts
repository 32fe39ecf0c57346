import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliWorkers } from '../helpers/cliWorkers.js';
import {
  canonicalRecords,
  type ExpectedRecord,
  expectedRecords,
  LOGGED_SETS_SQL,
  type LoggedSet,
  STORED_RECORDS_SQL,
} from '../helpers/expectedRecords.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// On the embedded database processes take turns on the data-folder lock: nothing overlaps.
describe.skipIf(BACKEND !== 'server')('concurrent writers (server)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  /** Worker k's i-th set: weights, reps, units and types vary so that records keep moving. */
  function setArgs(k: number, i: number): string[] {
    const n = k * 25 + i;
    const type = n % 9 === 4 ? ['--type', 'warmup'] : n % 11 === 7 ? ['--type', 'failure'] : [];
    if (n % 13 === 5) return ['bw', 'x', String(5 + (n % 17))];
    if (n % 6 === 1) return [`${100 + ((k * 31 + i * 7) % 60) * 5}lb`, 'x', String(1 + ((k + i) % 12)), ...type];
    return [`${40 + ((k * 7 + i * 13) % 41) * 2.5}x${1 + ((k * 3 + i * 5) % 14)}`, ...type];
  }

  test('8 processes x 25 sets on one user and exercise: sets 1..200, records as recomputed from all rows', async () => {
    const workers = Array.from({ length: 8 }, (_, k) =>
      Array.from({ length: 25 }, (_, i) => ['--user', 'lifter', 'set', 'add', 'Bench Press', ...setArgs(k, i)]),
    );
    const results = (await runCliWorkers(db, workers)).flat();
    expect(results).toHaveLength(200);
    expect(results.filter((result) => result.code !== 0)).toEqual([]);
    // Records really moved while the processes raced.
    const newPrLines = results.reduce((count, result) => count + (result.stdout.match(/^New PR: /gm) ?? []).length, 0);
    expect(newPrLines).toBeGreaterThanOrEqual(20);
    // One session started and one exercise created, by exactly one of the racing first sets
    // (in one transaction); nothing else on stderr.
    expect(results.map((result) => result.stderr).filter(Boolean)).toEqual([
      expect.stringMatching(
        /^Started session \d+\.\nBench Press is a new exercise; did you mean Bench Press \(Barbell\)\?\n$/,
      ),
    ]);

    const sessions = await db.query<{ id: number; sets: number; numbers: number[] }>(`
      SELECT s.id::int AS id, count(l.id)::int AS sets, array_agg(l.set_number ORDER BY l.set_number) AS numbers
      FROM workout_session s LEFT JOIN workout_log l ON l.session_id = s.id GROUP BY s.id`);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    const sets = await db.query<LoggedSet>(LOGGED_SETS_SQL, ['lifter', 'Bench Press']);
    expect(sets).toHaveLength(200);
    const expected = expectedRecords(sets);
    // The data really exercises the rules: every kind, several rep records.
    expect(new Set(expected.map((record) => record.kind))).toEqual(
      new Set(['heaviest', 'e1rm', 'volume', 'rep_max', 'most_reps']),
    );
    expect(expected.filter((record) => record.kind === 'rep_max').length).toBeGreaterThanOrEqual(12);
    const stored = canonicalRecords(await db.query<ExpectedRecord>(STORED_RECORDS_SQL, ['lifter', 'Bench Press']));
    expect(stored).toEqual(expected);
  });

  test('8 processes each log the first set of the same brand-new user: user, exercise and session are created once', async () => {
    const results = (
      await runCliWorkers(
        db,
        Array.from({ length: 8 }, (_, k) => [['--user', 'newcomer', 'set', 'add', 'Landmine Press', `${50 + k}x5`]]),
      )
    ).flat();
    expect(results.map((result) => result.code)).toEqual(Array(8).fill(0));
    expect(results.map((result) => result.stderr).filter(Boolean)).toEqual([
      expect.stringMatching(/^Started session \d+\.\n$/),
    ]);
    const [counts] = await db.query<{ users: number; exercises: number; sessions: number; numbers: number[] }>(`
      SELECT (SELECT count(*)::int FROM app_user) AS users,
             (SELECT count(*)::int FROM exercise WHERE user_id IS NOT NULL) AS exercises,
             (SELECT count(*)::int FROM workout_session) AS sessions,
             (SELECT array_agg(set_number ORDER BY set_number) FROM workout_log) AS numbers`);
    expect(counts).toEqual({ users: 1, exercises: 1, sessions: 1, numbers: [1, 2, 3, 4, 5, 6, 7, 8] });
    const [heaviest] = await db.query<{ value: number }>(
      `SELECT value::float8 AS value FROM personal_record WHERE kind = 'heaviest'`,
    );
    expect(heaviest?.value).toBe(57);
  });

  test('8 brand-new users log the same brand-new exercise at once: one exercise each (their own), eight sessions', async () => {
    const results = await runCliWorkers(
      db,
      Array.from({ length: 8 }, (_, k) => [['--user', `athlete ${k}`, 'set', 'add', 'Zercher Squat', '100x5']]),
    );
    expect(results.flat().map((result) => result.code)).toEqual(Array(8).fill(0));
    const [counts] = await db.query<{ users: number; exercises: number; sessions: number; first_sets: number }>(`
      SELECT (SELECT count(*)::int FROM app_user) AS users,
             (SELECT count(DISTINCT user_id)::int FROM exercise WHERE user_id IS NOT NULL AND name = 'Zercher Squat') AS exercises,
             (SELECT count(*)::int FROM workout_session) AS sessions,
             (SELECT count(*)::int FROM workout_log WHERE set_number = 1) AS first_sets`);
    expect(counts).toEqual({ users: 8, exercises: 8, sessions: 8, first_sets: 8 });
  });
});
