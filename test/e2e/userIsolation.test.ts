import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const as = (user: string, args: string[]) => db.cli(['--user', user, ...args]);

/** Everything stored for one user, to compare before and after the other user's commands. */
const holdings = async (user: string) =>
  db.query(
    `SELECT
       (SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'start', s.start_time, 'end', s.end_time) ORDER BY s.id)
          FROM workout_session s WHERE s.user_id = u.id) AS sessions,
       (SELECT json_agg(json_build_object('id', l.id, 'session', l.session_id, 'n', l.set_number, 'w', l.weight, 'r', l.reps) ORDER BY l.id)
          FROM workout_log l WHERE l.user_id = u.id) AS sets,
       (SELECT json_agg(json_build_object('kind', p.kind, 'reps', p.reps, 'value', p.value, 'log', p.log_id) ORDER BY p.kind, p.reps)
          FROM personal_record p WHERE p.user_id = u.id) AS records
     FROM app_user u WHERE u.name = $1`,
    [user],
  );

describe("--user A never sees or changes B's sessions, sets or records", () => {
  test("every command, run as another user, leaves the first user's log alone and shows none of it", async () => {
    expect((await as('ann', ['session', 'start', '--name', 'Push day'])).code).toBe(0);
    expect((await as('ann', ['set', 'add', 'Bench Press', '100x5'])).code).toBe(0);
    const annSet = await as('ann', ['set', 'add', 'Bench Press', '110x3', '--json']);
    const annSessionId = String(JSON.parse(annSet.stdout).session_id);
    const annBefore = await holdings('ann');
    expect(annBefore[0]).toMatchObject({ sessions: [{ name: 'Push day', end: null }] });

    // Reads: bob sees nothing of ann's, not even by her session's id.
    const list = await as('bob', ['--json', 'session', 'list']);
    expect([list.code, JSON.parse(list.stdout)]).toEqual([0, []]);
    const showLatest = await as('bob', ['session', 'show']);
    expect([showLatest.code, showLatest.stderr]).toEqual([1, 'workout: no sessions yet for bob\n']);
    const showById = await as('bob', ['session', 'show', annSessionId]);
    expect([showById.code, showById.stderr]).toEqual([1, `workout: no session ${annSessionId} for bob\n`]);
    const records = await as('bob', ['--json', 'pr', 'list', '--exercise', 'bench press']);
    expect([records.code, JSON.parse(records.stdout)]).toEqual([0, []]);

    // Writes with nothing of bob's to act on: refused, ann's active session untouched.
    const undo = await as('bob', ['set', 'undo']);
    expect([undo.code, undo.stderr]).toEqual([1, 'workout: nothing to undo: there is no active session with sets\n']);
    const end = await as('bob', ['session', 'end']);
    expect([end.code, end.stderr]).toEqual([
      1,
      'workout: no active session to end; start one with `workout session start`\n',
    ]);

    // Bob's own log, beside ann's active session: his own session, numbering and records.
    expect((await as('bob', ['session', 'start'])).code).toBe(0);
    const bobSet = await as('bob', ['set', 'add', 'bench press', '60x5', '--json']);
    // Ann's "Bench Press" is hers (not a catalog name): bob's is his own, spelled as he typed it.
    expect(JSON.parse(bobSet.stdout)).toMatchObject({ exercise: 'bench press', set_number: 1, session_started: false });
    expect(JSON.parse(bobSet.stdout).records).toContainEqual({ kind: 'heaviest', reps: 0, value: 60, previous: null });
    expect(String(JSON.parse(bobSet.stdout).session_id)).not.toBe(annSessionId);

    // Ann logs after bob: bob's undo still takes his own last set, not the newest one overall; his end ends his session.
    expect((await as('ann', ['set', 'add', 'Bench Press', '115x1'])).code).toBe(0);
    const annAfter = await holdings('ann');
    const bobUndo = await as('bob', ['--json', 'set', 'undo']);
    expect(JSON.parse(bobUndo.stdout)).toMatchObject({ exercise: 'bench press', weight: 60, reps: 5 });
    expect((await as('bob', ['session', 'end'])).code).toBe(0);

    expect(await holdings('ann')).toEqual(annAfter);
    expect(annAfter[0]).toMatchObject({ sessions: [{ name: 'Push day', end: null }] });
    expect(annAfter[0]!.sets).toEqual([
      ...(annBefore[0]!.sets as unknown[]),
      expect.objectContaining({ n: 3, w: 115, r: 1 }),
    ]);
    expect(await holdings('bob')).toEqual([
      { sessions: [expect.objectContaining({ end: expect.any(String) })], sets: null, records: null },
    ]);
  });
});
