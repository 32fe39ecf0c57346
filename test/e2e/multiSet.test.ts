import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { runCliBatch } from '../helpers/cliWorkers.js';
import {
  canonicalRecords,
  type ExpectedRecord,
  expectedRecords,
  LOGGED_SETS_SQL,
  type LoggedSet,
  STORED_RECORDS_SQL,
} from '../helpers/expectedRecords.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Runs the commands in order (batched in one process); each must succeed. */
async function ok(...runs: string[][]): Promise<CliResult[]> {
  const results = await runCliBatch(db, runs);
  results.forEach((result, index) => {
    expect(result.code, `${runs[index]!.join(' ')}: ${result.stderr}`).toBe(0);
  });
  return results;
}

type Row = { exercise: string; set_number: number; weight: string; unit: string; reps: number; bodyweight: boolean };

/** The sets, in the order logged, with the command (1, 2, …) each came from. */
async function logged(): Promise<Array<Row & { command: number }>> {
  return db.query(`
    SELECT e.name AS exercise, l.set_number, l.weight::text AS weight, l.unit, l.reps, l.bodyweight,
           dense_rank() OVER (ORDER BY l.command_xact::text::numeric)::int AS command
    FROM workout_log l JOIN exercise e ON e.id = l.exercise_id
    ORDER BY l.id`);
}

const set = (
  exercise: string,
  set_number: number,
  weight: string,
  reps: number,
  command: number,
  unit = 'kg',
  bodyweight = false,
) => ({ exercise, set_number, weight, unit, reps, bodyweight, command });

/** The stored records equal the independent recomputation from the sets that remain. */
async function expectRecordsMatchHistory(exercise: string): Promise<ExpectedRecord[]> {
  const stored = canonicalRecords(await db.query<ExpectedRecord>(STORED_RECORDS_SQL, ['tester', exercise]));
  expect(stored).toEqual(expectedRecords(await db.query<LoggedSet>(LOGGED_SETS_SQL, ['tester', exercise])));
  return stored;
}

describe('set add with several sets', () => {
  test('every form: the sets of one command numbered in order, in one session, marked as one command', async () => {
    const [first] = await ok(
      ['set', 'add', 'Bench Press', '100x5,5,4'],
      ['set', 'add', 'bench press', '3x5@105'],
      ['set', 'add', 'Bench Press', '2x5', '100kg'],
      ['set', 'add', 'Bench Press', '100x5', '105x3', '110x1'],
      ['set', 'add', 'Bench Press', '2x3 @ 225lb'],
      ['set', 'add', 'Pull Up', '2x10', 'bw'],
      ['set', 'add', 'Pull Up', 'bw+10x5,5', '3x5@bw+5kg'],
    );
    expect(first!.stdout).toBe(
      'Bench Press: set 1, 100 kg x 5\nBench Press: set 2, 100 kg x 5\nBench Press: set 3, 100 kg x 4\n',
    );
    expect(await logged()).toEqual([
      set('Bench Press', 1, '100', 5, 1),
      set('Bench Press', 2, '100', 5, 1),
      set('Bench Press', 3, '100', 4, 1),
      set('Bench Press', 4, '105', 5, 2),
      set('Bench Press', 5, '105', 5, 2),
      set('Bench Press', 6, '105', 5, 2),
      set('Bench Press', 7, '100', 5, 3),
      set('Bench Press', 8, '100', 5, 3),
      set('Bench Press', 9, '100', 5, 4),
      set('Bench Press', 10, '105', 3, 4),
      set('Bench Press', 11, '110', 1, 4),
      set('Bench Press', 12, '102.05828325', 3, 5, 'lb'),
      set('Bench Press', 13, '102.05828325', 3, 5, 'lb'),
      set('Pull Up', 1, '0', 10, 6, 'kg', true),
      set('Pull Up', 2, '0', 10, 6, 'kg', true),
      set('Pull Up', 3, '10', 5, 7, 'kg', true),
      set('Pull Up', 4, '10', 5, 7, 'kg', true),
      set('Pull Up', 5, '5', 5, 7, 'kg', true),
      set('Pull Up', 6, '5', 5, 7, 'kg', true),
      set('Pull Up', 7, '5', 5, 7, 'kg', true),
    ]);
    const [sessions] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM workout_session');
    expect(sessions!.count).toBe(1);
    await expectRecordsMatchHistory('Bench Press');
    await expectRecordsMatchHistory('Pull Up');
  });

  test('records: each one reported once, by the best set (the first of equals), stored as if logged one by one', async () => {
    const [, multi, text] = await ok(
      ['set', 'add', 'Squat', '100x5'],
      ['--json', 'set', 'add', 'Squat', '105x5', '110x3', '110x3', '100x8', '--rpe', '8'],
      ['set', 'add', 'Squat', '115x1', '130x1', '90x5'],
    );
    const added = JSON.parse(multi!.stdout);
    expect(added).toMatchObject({ exercise: 'Squat', rpe: 8, set_type: 'normal', session_started: false });
    expect(
      added.sets.map((s: { set_number: number; weight: number; reps: number }) => [s.set_number, s.weight, s.reps]),
    ).toEqual([
      [2, 105, 5],
      [3, 110, 3],
      [4, 110, 3],
      [5, 100, 8],
    ]);
    expect(added.sets[0]).toMatchObject({ unit: 'kg', bodyweight: false, weight_kg: 105 });
    // Once per record (kind and reps), held by the best set; of the two 110 x 3, the first.
    expect(added.records).toEqual([
      { kind: 'heaviest', reps: 0, value: 110, previous: 100, set_number: 3 },
      { kind: 'e1rm', reps: 0, value: 126.667, previous: 116.667, set_number: 5 },
      { kind: 'volume', reps: 0, value: 800, previous: 500, set_number: 5 },
      { kind: 'rep_max', reps: 3, value: 110, previous: null, set_number: 3 },
      { kind: 'rep_max', reps: 5, value: 105, previous: 100, set_number: 2 },
      { kind: 'rep_max', reps: 8, value: 100, previous: null, set_number: 5 },
    ]);
    expect(text!.stdout).toBe(
      'Squat: set 6, 115 kg x 1\nSquat: set 7, 130 kg x 1\nSquat: set 8, 90 kg x 5\n' +
        'New PR: heaviest weight 130 kg (set 7), was 110 kg\n' +
        'New PR: best estimated 1RM 130 kg (set 7), was 126.667 kg\n',
    );
    const stored = await expectRecordsMatchHistory('Squat');
    expect(stored.find((record) => record.kind === 'heaviest')?.value).toBe('130');
  });

  test("--json of one set keeps the shape it always had (with the catalog's exercise_created)", async () => {
    const [one] = await ok(['--json', 'set', 'add', 'Row', '60x10']);
    const added = JSON.parse(one!.stdout);
    expect(Object.keys(added).sort()).toEqual(
      [
        'id',
        'session_id',
        'set_number',
        'weight',
        'unit',
        'bodyweight',
        'reps',
        'rpe',
        'set_type',
        'performed_at',
        'notes',
        'session_started',
        'session_ended',
        'closed_session_id',
        'closed_at',
        'records',
        'exercise',
        'exercise_created',
        'weight_kg',
      ].sort(),
    );
    expect(added.records[0]).toEqual({ kind: 'heaviest', reps: 0, value: 60, previous: null });
  });
});

describe('relative weights and same', () => {
  test('follow the last working set (warm-ups skipped), in this session or the last one, then the set before', async () => {
    const results = await ok(
      ['set', 'add', 'Board Press', '100x5'],
      ['set', 'add', 'Board Press', '60x5', '--type', 'warmup'],
      ['set', 'add', 'Board Press', '+2.5x5'],
      ['session', 'end'],
      ['set', 'add', 'Board Press', '-5x8'],
      ['set', 'add', 'Board Press', 'same'],
      ['set', 'add', 'Board Press', '='],
      ['set', 'add', 'Board Press', '+2.5x5,5,5'],
      ['set', 'add', 'Board Press', '100x5', '+5x3', '+5x1', 'same'],
      ['set', 'add', 'Board Press', '+5lb', 'x', '2'],
      ['set', 'add', 'Squat', '225lb', 'x', '5'],
      ['set', 'add', 'Squat', '+10x5', '-5kg', 'x', '5', '+1x5'],
      ['set', 'add', 'Dip', 'bw', 'x', '10'],
      ['set', 'add', 'Dip', '+10x8', 'same', '-10x12'],
    );
    expect(results[2]!.stdout).toMatch(
      /^Board Press: set 3, 102.5 kg x 5\nNew PR: heaviest weight 102.5 kg, was 100 kg\n/,
    );
    const bench = (await logged()).filter((row) => row.exercise === 'Board Press');
    expect(bench.map((row) => [row.set_number, row.weight, row.unit, row.reps])).toEqual([
      [1, '100', 'kg', 5],
      [2, '60', 'kg', 5],
      [3, '102.5', 'kg', 5],
      // A new session: the last one's last working set was 102.5.
      [1, '97.5', 'kg', 8],
      [2, '97.5', 'kg', 8],
      [3, '97.5', 'kg', 8],
      [4, '100', 'kg', 5],
      [5, '100', 'kg', 5],
      [6, '100', 'kg', 5],
      [7, '100', 'kg', 5],
      [8, '105', 'kg', 3],
      [9, '110', 'kg', 1],
      [10, '110', 'kg', 1],
      // 110 kg + 5 lb, in lb as written.
      [11, '112.26796185', 'lb', 2],
    ]);
    const squat = (await logged()).filter((row) => row.exercise === 'Squat');
    // 225 lb, 235 lb, then 5 kg less in kg, then 1 more kg.
    expect(squat.map((row) => [row.weight, row.unit])).toEqual([
      ['102.05828325', 'lb'],
      ['106.59420695', 'lb'],
      ['101.59420695', 'kg'],
      ['102.59420695', 'kg'],
    ]);
    const dip = (await logged()).filter((row) => row.exercise === 'Dip');
    expect(dip.map((row) => [row.weight, row.bodyweight, row.reps])).toEqual([
      ['0', true, 10],
      ['10', true, 8],
      ['10', true, 8],
      ['0', true, 12],
    ]);
    const [show] = await ok(['session', 'show']);
    expect(show!.stdout).toContain('11. 247.508 lb x 2');
    await expectRecordsMatchHistory('Board Press');
  });
});

describe('refused: exit 2, one line, nothing written', () => {
  test('relative weights with nothing to follow or out of range, and malformed SET lists', async () => {
    await ok(
      ['set', 'add', 'Board Press', '100x5', '--note', 'seed'],
      ['set', 'add', 'Row', '40x10', '--type', 'warmup'],
    );
    const before = await snapshotDatabase(db);
    const NEVER =
      /^workout: SET: no earlier working set of (Squat|Row|Board Press) for a relative weight or `same` to follow/;
    const cases: Array<[string[], RegExp]> = [
      [['set', 'add', 'Squat', '+2.5x5'], NEVER],
      [['set', 'add', 'Squat', 'same'], NEVER],
      [['set', 'add', 'Squat', '=', '100x5'], NEVER],
      [['set', 'add', 'Row', '+5x10'], NEVER], // warm-ups only
      [['set', 'add', 'Board Press', '+2.5x5', '--at', '2020-01-01T10:00'], NEVER], // nothing that early
      [
        ['set', 'add', 'Board Press', '-105x5'],
        /^workout: SET: set 1 would weigh -5 kg; a weight is from 0 to 1000 kg\n/,
      ],
      [['set', 'add', 'Board Press', '100x5', '+950x1'], /^workout: SET: set 2 would weigh 1050 kg/],
      [['set', 'add', 'Board Press', 'bw', 'x', '5', '-5x5'], /^workout: SET: set 2 would weigh -5 kg/],
      [['set', 'add', 'Board Press', '100x5,'], /^workout: SET "100x5," is not a set; accepted forms: .*100x5,5,4/],
      [['set', 'add', 'Board Press', '100x5,,5'], /^workout: SET "100x5,,5" is not a set/],
      [['set', 'add', 'Board Press', '100x5,5,0'], /^workout: SET reps must be a whole number from 1 to 1000\n/],
      [['set', 'add', 'Board Press', '3x5@'], /^workout: SET "3x5@" is not a set/],
      [['set', 'add', 'Board Press', '3x5@1001'], /^workout: SET weight must be at most 1000 kg/],
      [['set', 'add', 'Board Press', '0x5@100'], /^workout: SET must hold at least 1 set \(0x5\)/],
      [
        ['set', 'add', 'Board Press', '51x5@100'],
        /^workout: SET has more than 50 sets; at most 50 are logged in one command/,
      ],
      [['set', 'add', 'Board Press', '26x2@100', '25x2@100'], /^workout: SET has more than 50 sets/],
      [['set', 'add', 'Board Press', `100x${Array(51).fill('5').join(',')}`], /^workout: SET has more than 50 sets/],
      [
        ['set', 'add', 'Board Press', '5x5', '100'],
        /^workout: SET "100" is not a set \(a weight after SETSxREPS takes a unit/,
      ],
      [['set', 'add', 'Board Press', '100x5', 'heavy'], /^workout: SET "heavy" is not a set/],
      [['set', 'add', 'Board Press', 'same', 'x5'], /^workout: SET "x5" is not a set/],
      [['set', 'add', 'Board Press', 'samex5'], /^workout: SET "samex5" is not a set/],
      [['set', 'add', 'Board Press', '+x5'], /^workout: SET "\+x5" is not a set/],
      [['set', 'add', 'Board Press', '+2.5'], /^workout: SET "\+2.5" is not a set/],
      [['set', 'add', 'Board Press', '+2.5stone', 'x', '5'], /^workout: SET has unknown unit "stone"/],
      [
        ['set', 'add', 'Board Press', '100x5', '+5lb', 'x', '5', '--unit', 'kg'],
        /^workout: SET says lb but --unit says kg/,
      ],
      [['set', 'add', 'Board Press', '100x5', '-x5'], /^workout: unknown option '-x5'/],
      [['set', 'add', '--bogus', 'Board Press', '100x5'], /^workout: unknown option '--bogus'/],
      [['set', 'add', 'Board Press', '100x5', 'x', '5'], /^workout: SET "x 5" is not a set/],
      [
        ['set', 'add', 'Board Press', '100x5', '--weight', '100', '--reps', '5'],
        /^workout: give the set either as SET/,
      ],
    ];
    const results = await runCliBatch(
      db,
      cases.map(([args]) => args),
    );
    const failures = cases.flatMap(([args, message], index) => {
      const { code, stdout, stderr } = results[index]!;
      return code === 2 && stdout === '' && /^workout: [^\n]+\n$/.test(stderr) && message.test(stderr)
        ? []
        : [`${args.join(' ').slice(0, 100)} -> exit ${code}, stderr ${JSON.stringify(stderr.slice(0, 300))}`];
    });
    expect(failures).toEqual([]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe('set undo --command', () => {
  test('removes every set of the last set add (records recomputed); set undo still removes one', async () => {
    const results = await ok(
      ['set', 'add', 'Board Press', '100x5'],
      ['set', 'add', 'Board Press', '105x5', '110x3', '110x1'],
      ['--json', 'set', 'undo', '--command'],
      ['set', 'add', 'Board Press', '102.5x5,5,5'],
      ['set', 'undo'],
      ['set', 'undo', '--command'],
    );
    const undone = JSON.parse(results[2]!.stdout);
    expect(
      undone.sets.map((s: { set_number: number; weight: number; exercise: string }) => [
        s.exercise,
        s.set_number,
        s.weight,
      ]),
    ).toEqual([
      ['Board Press', 2, 105],
      ['Board Press', 3, 110],
      ['Board Press', 4, 110],
    ]);
    expect(results[4]!.stdout).toBe('Removed Board Press set 4 (102.5 kg x 5) from session 1.\n');
    // The rest of that command: sets 2 and 3.
    expect(results[5]!.stdout).toBe(
      'Removed Board Press set 2 (102.5 kg x 5) from session 1.\nRemoved Board Press set 3 (102.5 kg x 5) from session 1.\n',
    );
    expect((await logged()).map((row) => [row.set_number, row.weight])).toEqual([[1, '100']]);
    const stored = await expectRecordsMatchHistory('Board Press');
    expect(stored.find((record) => record.kind === 'heaviest')?.value).toBe('100');

    // A set no set add logged (an import, or from before migration 014) goes alone.
    await ok(['set', 'add', 'Board Press', '100x5,5']);
    await db.query('UPDATE workout_log SET command_xact = NULL WHERE set_number = 3');
    await ok(['set', 'undo', '--command']);
    expect((await logged()).map((row) => row.set_number)).toEqual([1, 2]);
    const [second, first, nothing] = await runCliBatch(db, [
      ['set', 'undo', '--command'],
      ['set', 'undo', '--command'],
      ['set', 'undo', '--command'],
    ]);
    expect([second!.stdout, first!.stdout]).toEqual([
      'Removed Board Press set 2 (100 kg x 5) from session 1.\n',
      'Removed Board Press set 1 (100 kg x 5) from session 1.\n',
    ]);
    expect(nothing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'workout: nothing to undo: there is no active session with sets\n',
    });
  });
});
