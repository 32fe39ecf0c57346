import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// One database per describe block: the refusals write nothing (that is checked), and the
// schema checks each insert their own rows; this keeps the embedded run short.
let db: TestDatabase;

const x = (n: number, char = 'a') => char.repeat(n);
const EMOJI = '🏋';

/** What `set add` stored, for checking accepted values exactly. */
const storedSets = () =>
  db.query<{ exercise: string; weight: string; unit: string; reps: number; rpe: string | null; notes: string | null }>(
    `SELECT e.name AS exercise, l.weight::text AS weight, l.unit, l.reps, l.rpe::text AS rpe, l.notes
     FROM workout_log l JOIN exercise e ON e.id = l.exercise_id ORDER BY l.id`,
  );

const REFUSED = [
  // [args, what stderr says]
  [['set', 'add', '', '100x5'], /^workout: EXERCISE must not be empty\n$/],
  [['set', 'add', ' \u3000\t', '100x5'], /EXERCISE must not be empty/],
  [['set', 'add', x(101), '100x5'], /^workout: EXERCISE must be at most 100 characters\n$/],
  [['set', 'add', x(101, EMOJI), '100x5'], /EXERCISE must be at most 100 characters/],
  [['set', 'add', 'Bench\u0007', '100x5'], /^workout: EXERCISE must not contain control characters\n$/],
  [['set', 'add', 'Bench\u0085Press', '100x5'], /EXERCISE must not contain control characters/],
  [['set', 'add', 'Bench', '100x5', '--note', x(1001)], /^workout: --note must be at most 1000 characters\n$/],
  [['set', 'add', 'Bench', '100x5', '--note', 'ok\u001b[2J'], /--note must not contain control characters/],
  [['set', 'add', 'Bench', '1000.001x5'], /^workout: SET weight must be at most 1000 kg/],
  [['set', 'add', 'Bench', '2204.623lb', 'x', '5'], /SET weight must be at most 1000 kg/],
  [['set', 'add', 'Bench', '--weight', '2204.623', '--unit', 'lb', '--reps', '5'], /--weight must be at most 1000 kg/],
  [['set', 'add', 'Bench', '--weight=-1', '--reps', '5'], /--weight must be a plain decimal number/],
  [['set', 'add', 'Bench', '100x0'], /^workout: SET reps must be a whole number from 1 to 1000\n$/],
  [['set', 'add', 'Bench', '100x1001'], /SET reps must be a whole number from 1 to 1000/],
  [['set', 'add', 'Bench', '--weight', '100', '--reps', '0'], /--reps must be a whole number from 1 to 1000/],
  [['set', 'add', 'Bench', '--weight', '100', '--reps', '1001'], /--reps must be a whole number from 1 to 1000/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '0.5'], /^workout: --rpe must be from 1 to 10\n$/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '10.5'], /--rpe must be from 1 to 10/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '8.25'], /--rpe must be a number from 1 to 10 in steps of 0.5/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '7.3'], /--rpe must be a number from 1 to 10 in steps of 0.5/],
  [['session', 'start', '--name', x(101)], /^workout: --name must be at most 100 characters\n$/],
  [['session', 'start', '--name', 'Push\nday'], /--name must not contain control characters/],
  [
    ['--user', x(101), 'session', 'start'],
    /^workout: the user name \(--user, WORKOUT_USER\) must be at most 100 characters\n$/,
  ],
  [
    ['--user', 'ann\u0001', 'session', 'list'],
    /the user name \(--user, WORKOUT_USER\) must not contain control characters/,
  ],
  [['--user', '  ', 'session', 'list'], /the user name \(--user, WORKOUT_USER\) must not be empty/],
] as const;

describe('input limits at the boundary (zod): exit 2, nothing written', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  test('every value just outside a bound is refused, naming the field', async () => {
    // Refused before the database is opened: cheap processes, run a few at a time.
    const results: CliResult[] = [];
    for (let start = 0; start < REFUSED.length; start += 5) {
      results.push(...(await Promise.all(REFUSED.slice(start, start + 5).map(([args]) => db.cli([...args])))));
    }
    REFUSED.forEach(([args, message], index) => {
      const result = results[index]!;
      expect(result.code, JSON.stringify(args)).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr, JSON.stringify(args)).toMatch(message);
    });
    expect(
      await db.query(
        'SELECT 1 FROM workout_log UNION ALL SELECT 1 FROM workout_session UNION ALL SELECT 1 FROM app_user',
      ),
    ).toEqual([]);
  });

  test('values on the inner side of every bound are accepted and stored exactly; names trimmed and NFC', async () => {
    const longest = x(100, 'b');
    for (const args of [
      ['set', 'add', longest, '1000x1000', '--rpe', '10', '--note', x(1000, 'n')],
      ['set', 'add', 'c', '0x1', '--rpe', '1', '--note', 'line one\nline\ttwo'],
      ['set', 'add', x(100, EMOJI), '2204.622lb', 'x', '1', '--rpe', '8.5'],
      ['set', 'add', '  Cafe\u0301 Curl\u3000', '--weight', '1000', '--reps', '1'],
    ]) {
      const result = await db.cli(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    const sets = await storedSets();
    expect(sets.map(({ exercise }) => [...exercise].length)).toEqual([100, 1, 100, 9]);
    expect(sets.map(({ weight, reps, rpe }) => [weight, reps, rpe])).toEqual([
      ['1000', 1000, '10.0'],
      ['0', 1, '1.0'],
      ['999.99971793414', 1, '8.5'],
      ['1000', 1, null],
    ]);
    // Trimmed (a Unicode space too) and composed: é is one code point.
    expect(sets[3]!.exercise).toBe('Caf\u00e9 Curl');
    expect(sets[0]!.notes).toHaveLength(1000);
    expect(sets[1]!.notes).toBe('line one\nline\ttwo');

    const named = await db.cli(['--user', ` ${x(100, 'u')} `, 'session', 'start', '--name', x(100, 's')]);
    expect(named.code).toBe(0);
    const rows = await db.query<{ user_name: string; session_name: string }>(
      `SELECT u.name AS user_name, s.name AS session_name FROM workout_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.name IS NOT NULL`,
    );
    expect(rows).toEqual([{ user_name: x(100, 'u'), session_name: x(100, 's') }]);
  });
});

describe('the same limits in the schema (CHECK constraints): direct SQL is refused too', () => {
  let ids: { user: number; exercise: number; session: number };
  let setNumber = 0;
  afterAll(async () => {
    await db.drop();
  });
  beforeAll(async () => {
    db = await createTestDatabase();
    const [user] = await db.query<{ id: number }>(`INSERT INTO app_user (name) VALUES ('tester') RETURNING id::int`);
    const [exercise] = await db.query<{ id: number }>(`INSERT INTO exercise (name) VALUES ('Bench') RETURNING id::int`);
    const [session] = await db.query<{ id: number }>(
      'INSERT INTO workout_session (user_id, start_time) VALUES ($1, now()) RETURNING id::int',
      [user!.id],
    );
    ids = { user: user!.id, exercise: exercise!.id, session: session!.id };
  });

  /** Runs a statement; true when it was accepted, false when a CHECK constraint refused it (SQLSTATE 23514). */
  async function accepted(text: string, values: unknown[]): Promise<boolean> {
    try {
      await db.query(text, values);
      return true;
    } catch (error) {
      expect((error as { code?: string }).code, String(error)).toBe('23514');
      return false;
    }
  }

  const insertSet = (column: 'weight' | 'reps' | 'rpe' | 'notes', value: unknown) => {
    const row = { weight: 100, reps: 5, rpe: null as unknown, notes: null as unknown, [column]: value };
    return accepted(
      `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, rpe, performed_at, notes)
       VALUES ($1, $2, $3, $4, $5, 'kg', $6, $7, now(), $8)`,
      [ids.session, ids.user, ids.exercise, ++setNumber, row.weight, row.reps, row.rpe, row.notes],
    );
  };

  test.each([
    ['weight', '-0.001', false],
    ['weight', '0', true],
    ['weight', '1000', true],
    ['weight', '1000.0001', false],
    ['reps', 0, false],
    ['reps', 1, true],
    ['reps', 1000, true],
    ['reps', 1001, false],
    ['rpe', '0.5', false],
    ['rpe', '1', true],
    ['rpe', '8.5', true],
    ['rpe', '8.3', false],
    ['rpe', '10', true],
    ['rpe', '10.5', false],
    ['notes', x(1000), true],
    ['notes', x(1001), false],
    ['notes', 'a\nb\tc\r\n', true],
    ['notes', 'a\u0007', false],
    ['notes', 'a\u009b', false],
  ] as const)('workout_log.%s = %j: accepted %s', async (column, value, expected) => {
    expect(await insertSet(column, value)).toBe(expected);
  });

  test.each([
    ['', false],
    ['a', true],
    [x(100, 'd'), true],
    [x(101, 'e'), false],
    [x(100, EMOJI), true],
    [x(101, EMOJI), false],
    [' Squat', false],
    ['Squat ', false],
    ['Squat\u3000', false],
    ['\u00a0Squat', false],
    ['Front Squat', true],
    ['Squat\u0007', false],
    ['Squat\u0085', false],
    ['Cafe\u0301 Curl', false],
    ['Café Curl', true],
  ] as const)('a name %j: accepted %s for exercises, sessions and users alike', async (name, expected) => {
    expect(await accepted('INSERT INTO exercise (name) VALUES ($1)', [name])).toBe(expected);
    expect(await accepted('INSERT INTO app_user (name) VALUES ($1)', [name])).toBe(expected);
    expect(await accepted('UPDATE workout_session SET name = $1 WHERE id = $2', [name, ids.session])).toBe(expected);
  });

  test('session notes: up to 1000 characters, no control characters but tabs and line breaks', async () => {
    const update = (notes: string) =>
      accepted('UPDATE workout_session SET notes = $1 WHERE id = $2', [notes, ids.session]);
    expect(await update(x(1000))).toBe(true);
    expect(await update(x(1001))).toBe(false);
    expect(await update('warm\nup\t')).toBe(true);
    expect(await update('warm\u0001up')).toBe(false);
  });
});
