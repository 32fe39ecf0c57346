import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Times print in the local zone: pin it. */
const cli = (args: string[]) => db.cli(args, { env: { TZ: 'UTC' } });

describe('sessions', () => {
  test('start, the active-session refusal, end, show and list', async () => {
    expect(await cli(['session', 'end'])).toMatchObject({
      code: 1, stdout: '', stderr: 'workout: no active session to end; start one with `workout session start`\n',
    });
    expect(await cli(['session', 'show'])).toMatchObject({ code: 1, stderr: 'workout: no sessions yet for tester\n' });
    expect(await cli(['session', 'list'])).toMatchObject({ code: 0, stdout: 'No sessions yet. Log a set with `workout set add EXERCISE SET`.\n' });

    const started = await cli(['session', 'start', '--name', 'Push day', '--at', '2025-07-23T10:00Z']);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const id = Number(/^Started session (\d+) "Push day": started 2025-07-23 10:00, active, 0 set\(s\)\.\n$/.exec(started.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);

    // Sets join the active session; no "Started session" note.
    expect(await cli(['set', 'add', 'Bench Press', '100x5'])).toMatchObject({ code: 0, stderr: '' });
    expect(await cli(['set', 'add', 'Bench Press', '102.5x5', '--rpe', '8.5', '--note', 'felt fast'])).toMatchObject({ code: 0, stderr: '' });
    expect(await cli(['set', 'add', 'Dip', 'bw x 12', '--type', 'failure'])).toMatchObject({ code: 0, stderr: '' });

    const again = await cli(['session', 'start']);
    expect(again).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `workout: session ${id} is already active (started 2025-07-23T10:00:00.000Z, 3 set(s)); end it with \`workout session end\`\n`,
    });

    const tooEarly = await cli(['session', 'end', '--at', '2025-07-23T09:59Z']);
    expect(tooEarly).toMatchObject({ code: 2, stdout: '' });
    expect(tooEarly.stderr).toMatch(/^workout: --at .*before the session started[^\n]*\n$/);

    const ended = await cli(['session', 'end', '--at', '2025-07-23T11:30Z']);
    expect(ended).toMatchObject({ code: 0, stdout: `Ended session ${id} "Push day": started 2025-07-23 10:00, ended 2025-07-23 11:30, 3 set(s).\n` });
    expect((await cli(['session', 'end'])).code).toBe(1);

    const shown = await cli(['session', 'show']);
    expect(shown.stdout).toBe(
      `session ${id} "Push day": started 2025-07-23 10:00, ended 2025-07-23 11:30, 3 set(s)\n\n` +
        'Bench Press\n   1. 100 kg x 5\n   2. 102.5 kg x 5  (RPE 8.5, felt fast)\n\nDip\n   1. bw x 12  (failure)\n',
    );

    // A set with no active session starts a new one and says so on stderr.
    const next = await cli(['set', 'add', 'Squat', '140x3']);
    const nextId = Number(/^Started session (\d+)\.\n$/.exec(next.stderr)?.[1]);
    expect(nextId).toBeGreaterThan(id);

    const list = JSON.parse((await cli(['--json', 'session', 'list'])).stdout) as Array<{ id: number; name: string | null; end_time: string | null; set_count: number; exercise_count: number }>;
    expect(list.map(({ id: sessionId, name, end_time, set_count, exercise_count }) => ({ sessionId, name, end_time, set_count, exercise_count }))).toEqual([
      { sessionId: nextId, name: null, end_time: null, set_count: 1, exercise_count: 1 },
      { sessionId: id, name: 'Push day', end_time: '2025-07-23T11:30:00.000Z', set_count: 3, exercise_count: 2 },
    ]);
    expect((await cli(['session', 'list', '--limit', '1'])).stdout).toMatch(new RegExp(`^session ${nextId}: started .*, active, 1 set\\(s\\)\\n$`));

    const old = JSON.parse((await cli(['--json', 'session', 'show', String(id)])).stdout) as { session: { id: number }; sets: Array<{ exercise: string; set_number: number }> };
    expect(old.session.id).toBe(id);
    expect(old.sets.map((set) => `${set.exercise} ${set.set_number}`)).toEqual(['Bench Press 1', 'Bench Press 2', 'Dip 1']);
    // Only the user's own sessions.
    expect(await cli(['--user', 'someone else', 'session', 'show', String(id)])).toMatchObject({
      code: 1, stderr: `workout: no session ${id} for someone else\n`,
    });
  });
});
