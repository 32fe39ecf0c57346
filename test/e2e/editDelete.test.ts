import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { snapshot, snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const setIds = async () =>
  (await db.query<{ id: number }>('SELECT id::int AS id FROM workout_log ORDER BY id')).map((row) => row.id);

describe('fixing mistakes', () => {
  test('set edit and set delete: one set changed, numbers 1..N, records recomputed', async () => {
    await runCliBatch(db, [
      ['session', 'start', '--name', 'Push', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-01T10:05Z'],
      ['set', 'add', 'Bench Press', '225x5', '--at', '2025-07-01T10:10Z'],
      ['set', 'add', 'Bench Press', '105x5', '--at', '2025-07-01T10:15Z'],
      ['set', 'add', 'Incline Bench', '80x8', '--at', '2025-07-01T10:20Z'],
    ]);
    const [first, second, third, incline] = await setIds();
    const results = await runCliBatch(
      db,
      [
        // 225 "kg" was meant as pounds: the number stays, the unit changes.
        ['set', 'edit', String(second), '--unit', 'lb'],
        ['--json', 'set', 'edit', String(first), '100', 'x', '3', '--rpe', '8', '--note', 'paused'],
        ['set', 'edit', String(third), '--exercise', 'incline bench'],
        ['set', 'delete', String(first)],
        ['pr', 'list', '--exercise', 'Bench Press', '--unit', 'lb'],
        ['session', 'show'],
      ],
      { env: { TZ: 'UTC' } },
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const [unit, json, moved, deleted, records, shown] = results;
    expect(unit!.stdout).toBe(`Changed set ${second} (session 1, Bench Press):\n   2. 225 lb x 5  [id ${second}]\n`);
    expect(JSON.parse(json!.stdout)).toMatchObject({
      id: first,
      set_number: 1,
      weight: 100,
      weight_kg: 100,
      unit: 'kg',
      reps: 3,
      rpe: 8,
      notes: 'paused',
    });
    expect(moved!.stdout).toBe(`Changed set ${third} (session 1, Incline Bench):\n   2. 105 kg x 5  [id ${third}]\n`);
    expect(deleted!.stdout).toBe(
      `Deleted set ${first} (session 1, Bench Press):\n   1. 100 kg x 3  (RPE 8, paused)  [id ${first}]\n`,
    );
    // Only 225 lb x 5 is left of the bench press: it holds every record, as set 1.
    expect(records!.stdout).toMatch(/heaviest weight\s+│ 225 lb/);
    expect(records!.stdout).not.toMatch(/3-rep max|105 kg/);
    // The moved set is the last of its new exercise by number; session show lists sets by time.
    expect(shown!.stdout).toContain(
      `Bench Press\n   1. 225 lb x 5  [id ${second}]\n\nIncline Bench\n   2. 105 kg x 5  [id ${third}]\n   1. 80 kg x 8  [id ${incline}]\n`,
    );
    expect((await snapshot(db)).records.filter((line) => line.startsWith('Incline Bench | heaviest'))).toEqual([
      expect.stringMatching(/^Incline Bench \| heaviest \| 105 \| .* #2$/),
    ]);
  });

  test('session edit and session delete (--yes in a script), records recomputed', async () => {
    await runCliBatch(db, [
      ['session', 'start', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'Squat', '140x5', '--at', '2025-07-01T10:05Z'],
      ['session', 'end', '--at', '2025-07-01T11:00Z'],
      ['session', 'start', '--at', '2025-07-08T10:00Z'],
      ['set', 'add', 'Squat', '150x5', '--at', '2025-07-08T10:05Z'],
    ]);
    const [older, newer] = (
      await db.query<{ id: number }>('SELECT id::int AS id FROM workout_session ORDER BY id')
    ).map((row) => row.id);
    const before = await snapshotDatabase(db);
    const refused = await runCliBatch(db, [['session', 'delete', String(newer)]]);
    expect(refused[0]).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `workout: session delete removes session ${newer} and all its sets: add --yes to confirm\n`,
    });
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);

    const [edited, ended, backwards, deleted, records] = await runCliBatch(
      db,
      [
        ['session', 'edit', String(older), '--name', 'Legs', '--note', 'felt strong', '--start', '2025-07-01T09:55Z'],
        ['session', 'edit', String(newer), '--end', '2025-07-08T11:00Z'],
        ['session', 'edit', String(older), '--end', '2025-07-01T09:00Z'],
        ['session', 'delete', String(newer), '--yes'],
        ['--json', 'pr', 'list'],
      ],
      { env: { TZ: 'UTC' } },
    );
    expect(edited).toMatchObject({
      code: 0,
      stdout: `Changed session ${older} "Legs": started 2025-07-01 09:55, ended 2025-07-01 11:00.\n`,
    });
    expect(ended).toMatchObject({
      code: 0,
      stdout: `Changed session ${newer}: started 2025-07-08 10:00, ended 2025-07-08 11:00.\n`,
    });
    expect(backwards).toMatchObject({
      code: 2,
      stderr: 'workout: the session would end (2025-07-01T09:00:00.000Z) before it starts (2025-07-01T09:55:00.000Z)\n',
    });
    expect(deleted).toMatchObject({
      code: 0,
      stdout: `Deleted session ${newer} (started 2025-07-08 10:00) and its 1 set(s).\n`,
    });
    const heaviest = (JSON.parse(records!.stdout) as Array<{ kind: string; value: number }>).find(
      (r) => r.kind === 'heaviest',
    );
    expect(heaviest?.value).toBe(140);
    expect((await snapshot(db)).sessions).toEqual([
      expect.stringMatching(/ \| Legs \| 2025-07-01T09:55:00.000000Z -> 2025-07-01T11:00:00.000000Z \| felt strong$/),
    ]);
  });

  test("bad ids, another user's ids, nothing to change: exit 2, one line, nothing written", async () => {
    await runCliBatch(db, [
      ['set', 'add', 'Squat', '140x5'],
      ['--user', 'bob', 'set', 'add', 'Squat', '100x5'],
    ]);
    const [mine, bobs] = await setIds();
    const [bobSession] = (
      await db.query<{ id: number }>(
        "SELECT s.id::int AS id FROM workout_session s JOIN app_user u ON u.id = s.user_id WHERE u.name = 'bob'",
      )
    ).map((row) => row.id);
    const before = await snapshotDatabase(db);
    const results = await runCliBatch(db, [
      ['set', 'edit', String(bobs), '--reps', '3'],
      ['set', 'delete', String(bobs)],
      ['session', 'edit', String(bobSession), '--name', 'mine now'],
      ['session', 'delete', String(bobSession), '--yes'],
      ['set', 'delete', '999999'],
      ['--user', 'carol', 'set', 'delete', String(mine)],
      ['set', 'edit', String(mine)],
      ['set', 'edit', 'abc', '--reps', '3'],
      ['set', 'edit', String(mine), '100x5', '--weight', '90'],
      ['set', 'edit', String(mine), '--type', 'heavy'],
      ['set', 'edit', String(mine), '--unit', 'lb', '100kg x 5'],
      ['session', 'edit', String(bobSession)],
      ['session', 'edit', '1', '--start', 'yesterday'],
    ]);
    expect(results.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [2, '', `workout: no set ${bobs} for tester; \`workout session show\` lists set ids\n`],
      [2, '', `workout: no set ${bobs} for tester; \`workout session show\` lists set ids\n`],
      [2, '', `workout: no session ${bobSession} for tester; \`workout session list\` lists session ids\n`],
      [2, '', `workout: no session ${bobSession} for tester; \`workout session list\` lists session ids\n`],
      [2, '', 'workout: no set 999999 for tester; `workout session show` lists set ids\n'],
      [2, '', `workout: no set ${mine} for carol; \`workout session show\` lists set ids\n`],
      [2, '', 'workout: nothing to change: give SET (e.g. 100x5) or an option such as --reps, --rpe or --exercise\n'],
      [2, '', 'workout: ID must be a positive whole number (see `workout session show`)\n'],
      [2, '', 'workout: give the set either as SET (e.g. 100x5) or as --weight and --reps, not both\n'],
      [2, '', 'workout: --type must be one of normal, warmup, drop, failure\n'],
      [2, '', 'workout: SET says kg but --unit says lb; give one unit\n'],
      [2, '', 'workout: nothing to change: give --name, --start, --end or --note\n'],
      [2, '', expect.stringMatching(/^workout: --start "yesterday" is not a date/)],
    ]);
    // Not even the sequences moved: nothing was attempted for a user who does not exist.
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
