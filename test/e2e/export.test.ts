import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES } from '../helpers/importFixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
const zone = ['--tz', 'America/New_York'];
beforeAll(async () => {
  db = await createTestDatabase();
  // Workouts on Jan 30, Feb 1 and Feb 3 (New York), in lb; then one set in kg.
  expect((await db.cli(['import', path.join(FIXTURES, 'strong-5.csv'), '--unit', 'lb', ...zone])).code).toBe(0);
  expect((await db.cli(['set', 'add', 'Pull Up', '10kg', 'x', '5', '--at', '2025-02-05T12:00:00Z'])).code).toBe(0);
});
afterAll(async () => {
  await db.drop();
});

/** (exercise, set number, performed_at) of each exported row. */
async function exported(args: string[]) {
  const result = await db.cli(['export', ...zone, ...args]);
  expect(result.code).toBe(0);
  const [header, ...rows] = parse(result.stdout) as string[][];
  expect(header![0]).toBe('session_key');
  return rows.map((row) => `${row[5]} #${row[6]} ${row[13]}`);
}

describe('export', () => {
  test('--from and --to take days in --tz (the --to day included) or times', async () => {
    expect(await exported(['--from', '2025-02-01', '--to', '2025-02-03'])).toEqual([
      'Squat (Barbell) #1 2025-02-01T07:05:00-05:00',
      'Squat (Barbell) #2 2025-02-01T07:05:00-05:00',
      'Squat (Barbell) #3 2025-02-01T07:05:00-05:00',
      'Pull Up (Assisted) #1 2025-02-01T07:05:00-05:00',
      'Bench Press (Barbell) #1 2025-02-03T18:00:00-05:00',
    ]);
    expect(await exported(['--from', '2025-02-03T18:00:01-05:00'])).toEqual(['Pull Up #1 2025-02-05T07:00:00-05:00']);
    expect(await exported(['--to', '2025-01-30T12:34:55-05:00'])).toEqual([]);
  });

  test('--exercise, any case', async () => {
    expect(await exported(['--exercise', 'pull up'])).toEqual([
      'Pull Up #1 2025-01-30T12:34:56-05:00',
      'Pull Up #2 2025-01-30T12:34:56-05:00',
      'Pull Up #3 2025-01-30T12:34:56-05:00',
      'Pull Up #1 2025-02-05T07:00:00-05:00',
    ]);
  });

  test('json: an array of typed sets; --json alone means --format json', async () => {
    const result = await db.cli(['export', '--json', '--exercise', 'Pull Up', '--from', '2025-02-04', ...zone]);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        session_key: expect.stringMatching(/^workout:[0-9a-f-]{36}$/),
        session_name: null,
        session_start: '2025-02-05T07:00:00-05:00',
        // A set logged for a past time starts a session that is already over.
        session_end: '2025-02-05T07:00:00-05:00',
        session_notes: null,
        exercise: 'Pull Up',
        set_number: 1,
        set_type: 'normal',
        weight: 10,
        unit: 'kg',
        bodyweight: false,
        reps: 5,
        rpe: null,
        performed_at: '2025-02-05T07:00:00-05:00',
        notes: null,
      },
    ]);
    expect((await db.cli(['export', '--format', 'json', '--user', 'nobody'])).stdout).toBe('[]\n');
  });

  test('strong: one unit for the file, said on stderr with what was converted', async () => {
    const result = await db.cli(['export', '--format', 'strong', '--unit', 'kg', '--exercise', 'pull up', ...zone]);
    expect(result.stderr).toBe('14 set(s) logged in lb were converted to kg (rounded to 3 decimals).\n');
    expect(parse(result.stdout).map((row: string[]) => `${row[0]} ${row[4]} ${row[5]}x${row[6]}`)).toEqual([
      'Date Set Order WeightxReps',
      '2025-01-30 12:34:56 1 0x12.0',
      '2025-01-30 12:34:56 2 0x10.0',
      '2025-01-30 12:34:56 3 11.34x6.0',
      '2025-02-05 07:00:00 1 10.0x5.0',
    ]);
  });

  test('bad options are usage errors', async () => {
    const unit = await db.cli(['export', '--unit', 'kg']);
    expect([unit.code, unit.stderr]).toEqual([
      2,
      "workout: --unit applies to --format strong only (the other formats keep each set's unit)\n",
    ]);
    const format = await db.cli(['export', '--format', 'xml']);
    expect([format.code, format.stderr]).toEqual([2, 'workout: --format must be one of workout, strong, json\n']);
    const range = await db.cli(['export', '--from', '2025-02-02', '--to', '2025-01-31']);
    expect([range.code, range.stderr]).toEqual([2, 'workout: --to is before --from\n']);
  });
});
