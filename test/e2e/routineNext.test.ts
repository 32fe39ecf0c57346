import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch, runCliWorkers } from '../helpers/cliWorkers.js';
import {
  canonicalRecords,
  type ExpectedRecord,
  expectedRecords,
  LOGGED_SETS_SQL,
  type LoggedSet,
  STORED_RECORDS_SQL,
} from '../helpers/expectedRecords.js';
import { watchDatabase } from '../helpers/serverLog.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const ROUTINE = `rest 2m30s
Squat: warmup 1x5 @ 50%, 2x5 @ 100kg, +2.5kg, deload 10% after 2 misses, rest 3m
Curl: 2x8-10 @ 20kg, double progression +1kg
`;

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
  expect((await db.cli(['routine', 'create', 'Legs'], { stdin: ROUTINE })).code).toBe(0);
});
afterEach(async () => {
  await db.drop();
});

type Step = {
  exercise?: string;
  kind?: string;
  set_number?: number;
  weight?: number | null;
  reason?: string;
  done: boolean;
  rest_seconds: number;
};
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

// Sessions start now: a set is logged now, and a session started long ago would be over (the session gap).
const today = new Date().toISOString().slice(0, 10);

describe('workout next', () => {
  test('follows the routine set by set, and its rules across sessions', async () => {
    const first = await runCliBatch(
      db,
      [
        ['next'],
        ['session', 'start', '--routine', 'legs'],
        ['next'],
        ['next', '--log'],
        ['next', '--log'],
        ['next', '--log', '4'],
        ['next', '--log', '10'],
        ['next', '--log', '10'],
        ['next'],
        ['session', 'end'],
        ['session', 'start', '--routine', 'Legs'],
        ['--json', 'next'],
      ],
      { env: { TZ: 'UTC' } },
    );
    expect(first[0]).toMatchObject({
      code: 1,
      stderr: 'workout: no active session; start one with `workout session start --routine NAME`\n',
    });
    expect(first[1]!.stdout).toMatch(
      /^Started session \d+ "Legs": started \d{4}-\d\d-\d\d \d\d:\d\d, active, 0 set\(s\)\.\n$/,
    );
    expect(first[2]).toMatchObject({ code: 0, stdout: 'Squat, warm-up 1 of 1: 50 kg x 5\n', stderr: '' });
    expect(first[3]!.stdout).toBe(
      'Logged Squat set 1: 50 kg x 5 (warmup)\nNext: Squat, set 1 of 2: 100 kg x 5\n  the planned start\n',
    );
    expect(first[5]!.stdout).toBe(
      'Logged Squat set 3: 100 kg x 4\nNext: Curl, set 1 of 2: 20 kg x 8-10\n  the planned start\n',
    );
    expect(first[7]!.stdout).toMatch(
      /^Logged Curl set 2: 20 kg x 10\n(New PR: .*\n)*Next: every set of routine Legs is logged; end the session with `workout session end`\n$/,
    );
    expect(first[8]).toMatchObject({
      code: 0,
      stdout: 'every set of routine Legs is logged; end the session with `workout session end`\n',
    });
    // A missed squat holds the weight (its warm-up follows it); the curls reached the top: +1 kg.
    expect(json<Step>(first[11]!.stdout)).toMatchObject({
      exercise: 'Squat',
      kind: 'warmup',
      set_number: 1,
      weight: 50,
      done: false,
      rest_seconds: 180,
      last_time: {
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        sets: [
          { weight: 100, unit: 'kg', reps: 5 },
          { weight: 100, unit: 'kg', reps: 4 },
        ],
      },
    });

    const second = await runCliBatch(
      db,
      [
        ['next', '--log'],
        ['next'],
        ['next', '--log', '4'],
        ['next', '--log', '100kg x 3'],
        ['--json', 'next'],
        ['next', '--log', '9'],
        ['next', '--log', '8'],
        ['session', 'end'],
        ['session', 'start', '--routine', 'Legs'],
        ['--json', 'next'],
        ['next', '--log'],
        ['next', '--log', '5'],
        ['next', '--log', '5'],
        ['--json', 'next'],
        ['session', 'show'],
        ['--json', 'session', 'show'],
      ],
      { env: { TZ: 'UTC' } },
    );
    expect(second[1]!.stdout).toBe(
      `Squat, set 1 of 2: 100 kg x 5\n  same weight: missed reps last time (1 of 2 before a deload)\n  last time (${today}): 100 kg x 5, 4\n`,
    );
    expect(json<Step>(second[4]!.stdout)).toMatchObject({
      exercise: 'Curl',
      weight: 21,
      reason: '+1 kg: every set hit its reps last time',
    });
    // Two misses in a row: 10 % off 100 kg, and the warm-up at half of that.
    expect(json<Step>(second[9]!.stdout)).toMatchObject({ exercise: 'Squat', kind: 'warmup', weight: 45 });
    expect(second[11]!.stdout).toMatch(/^Logged Squat set 2: 90 kg x 5\n/);
    expect(json<Step>(second[13]!.stdout)).toMatchObject({
      exercise: 'Curl',
      weight: 21,
      reason: 'same weight until every set reaches 10 reps',
      rest_seconds: 150,
    });
    // session show: the plan beside what the session holds.
    expect(second[14]!.stdout).toMatch(
      /\n\nRoutine Legs, planned against done:\n {2}Squat: 2 of 2 sets, warm-ups 1 of 1 {2}\(warmup 1x5 @ 50%, 2x5 @ 100kg, \+2\.5kg when all reps done, deload 10% after 2 misses, rest 3m\)\n {2}Curl: 0 of 2 sets {2}\(2x8-10 @ 20kg, double progression \+1kg\)\n$/,
    );
    expect(json<{ plan: unknown }>(second[15]!.stdout).plan).toEqual({
      routine: 'Legs',
      exercises: [
        {
          exercise: 'Squat',
          plan: expect.any(String),
          warmups: { done: 1, planned: 1 },
          sets: { done: 2, planned: 2 },
        },
        {
          exercise: 'Curl',
          plan: '2x8-10 @ 20kg, double progression +1kg',
          warmups: { done: 0, planned: 0 },
          sets: { done: 0, planned: 2 },
        },
      ],
    });
    for (const result of [...first.slice(1), ...second]) expect(result.stderr, result.stdout).toBe('');
  });

  test('bad input and a missing plan write nothing', async () => {
    const [started] = await runCliBatch(db, [['session', 'start', '--routine', 'Legs']]);
    expect(started!.code).toBe(0);
    const before = await snapshotDatabase(db);
    const refused = await runCliBatch(db, [
      ['next', '--log', 'heavy'],
      ['next', '--log', '0'],
      ['next', '--log', '100kgx5x3'],
      ['session', 'start', '--routine', 'Arms'],
      ['routine', 'show', 'Arms'],
    ]);
    expect(refused.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [2, '', 'workout: SET "heavy" is not a set; accepted forms: 100x5, 100kg x5, 225lb x 5, bw x 12, bw+20x5\n'],
      [2, '', 'workout: --log reps must be a whole number from 1 to 1000\n'],
      [2, '', 'workout: SET "100kgx5x3" is not a set; accepted forms: 100x5, 100kg x5, 225lb x 5, bw x 12, bw+20x5\n'],
      [2, '', 'workout: no routine named "Arms"; see `workout routine list`\n'],
      [2, '', 'workout: no routine named "Arms"; see `workout routine list`\n'],
    ]);
    // A rep range needs the reps done.
    const inRange = await runCliBatch(db, [
      ['next', '--log'],
      ['next', '--log'],
      ['next', '--log'],
      ['next', '--log'],
    ]);
    expect(inRange[3]).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'workout: the plan says 8-10 reps: give the reps done, e.g. --log 8\n',
    });
    const afterSquats = await snapshotDatabase(db);
    expect((await runCliBatch(db, [['next', '--log']]))[0]!.code).toBe(2);
    expect((await snapshotDatabase(db)).tables).toEqual(afterSquats.tables);
    expect(afterSquats.tables.workout_log).not.toEqual(before.tables.workout_log);

    const [ended, unlinked, plain, noRoutine] = await runCliBatch(db, [
      ['session', 'end'],
      ['routine', 'delete', 'Legs'],
      ['session', 'start'],
      ['next'],
    ]);
    expect([ended!.code, plain!.code]).toEqual([0, 0]);
    expect(unlinked!.stdout).toBe('Deleted routine Legs; 1 session(s) keep their sets, unlinked.\n');
    expect(noRoutine).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^workout: session \d+ follows no routine; end it/),
    });
  });

  test('--log leaves the sets and records `set add` would', async () => {
    const logged = ['', '', '4', '10', '9'];
    const runs = logged.map((value) => (value ? ['next', '--log', value] : ['next', '--log']));
    expect(
      (await db.cli(['routine', 'create', 'Legs'], { stdin: ROUTINE, env: { WORKOUT_USER: 'planned' } })).code,
    ).toBe(0);
    await runCliBatch(db, [['session', 'start', '--routine', 'Legs'], ...runs, ['session', 'end']], {
      env: { WORKOUT_USER: 'planned' },
    });
    await runCliBatch(
      db,
      [
        ['session', 'start'],
        ['set', 'add', 'Squat', '50kg x 5', '--type', 'warmup'],
        ['set', 'add', 'Squat', '100kg x 5'],
        ['set', 'add', 'Squat', '100kg x 4'],
        ['set', 'add', 'Curl', '20kg x 10'],
        ['set', 'add', 'Curl', '20kg x 9'],
        ['session', 'end'],
      ],
      { env: { WORKOUT_USER: 'by hand' } },
    );
    const rows = (user: string) =>
      db.query(
        `SELECT e.name, l.set_number, l.weight::text, l.unit, l.bodyweight, l.reps, l.rpe, l.set_type, l.notes
         FROM workout_log l JOIN exercise e ON e.id = l.exercise_id JOIN app_user u ON u.id = l.user_id
         WHERE u.name = $1 ORDER BY l.id`,
        [user],
      );
    expect(await rows('planned')).toEqual(await rows('by hand'));
    expect(await rows('planned')).toHaveLength(5);
    for (const exercise of ['Squat', 'Curl']) {
      const stored = canonicalRecords(await db.query<ExpectedRecord>(STORED_RECORDS_SQL, ['planned', exercise]));
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual(expectedRecords(await db.query<LoggedSet>(LOGGED_SETS_SQL, ['planned', exercise])));
    }
  });

  test('two loggers at once log two planned sets, not one twice', async () => {
    await runCliBatch(db, [['session', 'start', '--routine', 'Legs']]);
    const results = await runCliWorkers(db, [[['next', '--log']], [['next', '--log']]]);
    expect(results.flat().map((r) => r.code)).toEqual([0, 0]);
    const sets = await db.query<{ set_type: string }>('SELECT set_type FROM workout_log ORDER BY id');
    expect(sets.map((s) => s.set_type)).toEqual(['warmup', 'normal']);
  });
});

describe.skipIf(BACKEND !== 'server')('next --log on a server', () => {
  test('is one transaction', async () => {
    await runCliBatch(db, [
      ['session', 'start', '--routine', 'Legs'],
      ['next', '--log'],
    ]);
    const watch = await watchDatabase(process.env.TEST_DATABASE_URL!, new URL(db.url!).pathname.slice(1));
    const { result, activity } = await watch.observe(() => db.cli(['next', '--log']));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const sent = activity.statements.map((s) => s.text);
    expect(activity.sessions).toBe(1);
    expect(activity.transactions, sent.join('\n---\n')).toBe(1);
    expect(activity.outside.map((s) => s.text)).toEqual([]);
    expect(activity.serverTransactions).toBe(1);
    expect(sent[0]).toMatch(/^(BEGIN|START TRANSACTION)\b/i);
    expect(sent.at(-1)).toMatch(/^COMMIT$/i);
  });
});
