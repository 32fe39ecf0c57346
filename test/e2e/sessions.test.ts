import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

describe('sessions', () => {
  test('start, the active-session refusal, end, show and list', async () => {
    // One CLI run per line, in order (times print in the local zone: pin it).
    const [
      endNone,
      showNone,
      listNone,
      started,
      set1,
      set2,
      set3,
      again,
      tooEarly,
      ended,
      endAgain,
      shown,
      next,
      listJson,
    ] = await runCliBatch(
      db,
      [
        ['session', 'end'],
        ['session', 'show'],
        ['session', 'list'],
        ['session', 'start', '--name', 'Push day', '--at', '2025-07-23T10:00Z'],
        ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-23T10:05Z'],
        ['set', 'add', 'Bench Press', '102.5x5', '--rpe', '8.5', '--note', 'felt fast', '--at', '2025-07-23T10:10Z'],
        ['set', 'add', 'Dip', 'bw x 12', '--type', 'failure', '--at', '2025-07-23T10:15Z'],
        ['session', 'start', '--at', '2025-07-23T10:20Z'],
        ['session', 'end', '--at', '2025-07-23T10:14Z'],
        ['session', 'end', '--at', '2025-07-23T11:30Z'],
        ['session', 'end'],
        ['session', 'show'],
        ['set', 'add', 'Squat', '140x3'],
        ['--json', 'session', 'list'],
      ],
      { env: { TZ: 'UTC' } },
    );
    expect(endNone).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'workout: no active session to end; start one with `workout session start`\n',
    });
    expect(showNone).toMatchObject({ code: 1, stderr: 'workout: no sessions yet for tester\n' });
    expect(listNone).toMatchObject({
      code: 0,
      stdout: 'No sessions yet. Log a set with `workout set add EXERCISE SET`.\n',
    });

    expect(started).toMatchObject({ code: 0, stderr: '' });
    const id = Number(
      /^Started session (\d+) "Push day": started 2025-07-23 10:00, active, 0 set\(s\)\.\n$/.exec(started!.stdout)?.[1],
    );
    expect(id).toBeGreaterThan(0);
    // Sets join the active session: no "Started session" note.
    expect(set2).toMatchObject({ code: 0, stderr: '' });
    // A name new to the user, near a catalog entry, is created as typed and says so.
    expect([set1, set3]).toMatchObject([
      { code: 0, stderr: 'Bench Press is a new exercise; did you mean Bench Press (Barbell)?\n' },
      { code: 0, stderr: 'Dip is a new exercise; did you mean Triceps Dip?\n' },
    ]);

    expect(again).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `workout: session ${id} is already active (started 2025-07-23 10:00, 3 set(s)); end it with \`workout session end\`\n`,
    });
    expect(tooEarly).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "workout: --at 2025-07-23 10:14 is before the session's last set (2025-07-23 10:15)\n",
    });
    expect(ended).toMatchObject({
      code: 0,
      stdout: `Ended session ${id} "Push day": started 2025-07-23 10:00, ended 2025-07-23 11:30, 3 set(s).\n`,
    });
    expect(endAgain!.code).toBe(1);
    // Each set with its id, for set edit and set delete.
    const [bench1, bench2, dip] = (
      await db.query<{ id: number }>('SELECT id::int AS id FROM workout_log WHERE session_id = $1 ORDER BY id', [id])
    ).map((row) => row.id);
    expect(shown!.stdout).toBe(
      `session ${id} "Push day": started 2025-07-23 10:00, ended 2025-07-23 11:30, 3 set(s)\n\n` +
        `Bench Press\n   1. 100 kg x 5  [id ${bench1}]\n   2. 102.5 kg x 5  (RPE 8.5, felt fast)  [id ${bench2}]\n\n` +
        `Dip\n   1. bw x 12  (failure)  [id ${dip}]\n`,
    );

    // A set with no active session starts a new one and says so on stderr.
    const nextId = Number(
      /^Started session (\d+)\.\nSquat is a new exercise; did you mean Squat \(Barbell\)\?\n$/.exec(next!.stderr)?.[1],
    );
    expect(nextId).toBeGreaterThan(id);
    const list = JSON.parse(listJson!.stdout) as Array<{
      id: number;
      name: string | null;
      end_time: string | null;
      set_count: number;
      exercise_count: number;
    }>;
    expect(
      list.map(({ id: sessionId, name, end_time, set_count, exercise_count }) => ({
        sessionId,
        name,
        end_time,
        set_count,
        exercise_count,
      })),
    ).toEqual([
      { sessionId: nextId, name: null, end_time: null, set_count: 1, exercise_count: 1 },
      { sessionId: id, name: 'Push day', end_time: '2025-07-23T11:30:00.000Z', set_count: 3, exercise_count: 2 },
    ]);

    const [old, limited, stranger] = await runCliBatch(db, [
      ['--json', 'session', 'show', String(id)],
      ['session', 'list', '--limit', '1'],
      ['--user', 'someone else', 'session', 'show', String(id)],
    ]);
    const oldSession = JSON.parse(old!.stdout) as {
      session: { id: number };
      sets: Array<{ exercise: string; set_number: number }>;
    };
    expect(oldSession.session.id).toBe(id);
    expect(oldSession.sets.map((set) => `${set.exercise} ${set.set_number}`)).toEqual([
      'Bench Press 1',
      'Bench Press 2',
      'Dip 1',
    ]);
    expect(limited!.stdout).toMatch(new RegExp(`^session ${nextId}: started .*, active, 1 set\\(s\\)\\n$`));
    // Only the user's own sessions.
    expect(stranger).toMatchObject({ code: 1, stderr: `workout: no session ${id} for someone else\n` });
  });
});
