import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { runCliBatch, runCliWorkers } from '../helpers/cliWorkers.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

type SessionRow = { id: number; start_time: string; end_time: string | null; sets: number };

async function sessions(): Promise<SessionRow[]> {
  return db.query<SessionRow>(`
    SELECT s.id::int AS id, to_char(s.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS start_time,
           to_char(s.end_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS end_time,
           (SELECT count(*)::int FROM workout_log l WHERE l.session_id = s.id) AS sets
    FROM workout_session s ORDER BY s.start_time`);
}

/** Every session holds its sets: start <= each set's time <= end (when ended); at most one active. */
async function expectSpansHoldTheirSets() {
  const [check] = await db.query<{ outside: number; active: number }>(`
    SELECT (SELECT count(*)::int FROM workout_log l JOIN workout_session s ON s.id = l.session_id
            WHERE l.performed_at < s.start_time OR l.performed_at > s.end_time) AS outside,
           (SELECT count(*)::int FROM workout_session WHERE end_time IS NULL) AS active`);
  expect(check).toEqual({ outside: 0, active: expect.any(Number) });
  expect(check!.active).toBeLessThanOrEqual(1);
}

describe('sessions in time', () => {
  test("a backfilled set goes to a session of its own time, ended; today's set starts a new one", async () => {
    const [first, second, today] = await runCliBatch(
      db,
      [
        ['set', 'add', 'Row', '60x10', '--at', '2025-07-23T18:05'],
        ['set', 'add', 'Row', '60x10', '--at', '2025-07-23T18:09'],
        ['set', 'add', 'Squat', '100x5'],
      ],
      { env: { TZ: 'Europe/Berlin' } },
    );
    expect(first).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(
        /^Started session \d+ at 2025-07-23 18:05 and ended it there: the set is in the past\.\n$/,
      ),
    });
    // The second backfilled set joins the first one's session, which grows to hold it.
    expect(second).toMatchObject({ code: 0, stderr: '' });
    // (Squat is not a catalog name: it is created as typed, and stderr names the entry it is near.)
    expect(today).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(
        /^Started session \d+\.\nSquat is a new exercise; did you mean Squat \(Barbell\)\?\n$/,
      ),
    });
    const rows = await sessions();
    expect(rows.map(({ start_time, end_time, sets }) => ({ start_time, end_time, sets }))).toEqual([
      { start_time: '2025-07-23T16:05', end_time: '2025-07-23T16:09', sets: 2 },
      { start_time: expect.any(String), end_time: null, sets: 1 },
    ]);
    await expectSpansHoldTheirSets();
  });

  test('an active session idle for longer than WORKOUT_SESSION_GAP is ended at its last set by the next set', async () => {
    const [old, joins, after] = await runCliBatch(
      db,
      [
        ['set', 'add', 'Bench', '80x5', '--at', minutesAgo(40)],
        ['set', 'add', 'Bench', '80x5', '--at', minutesAgo(30)],
        ['set', 'add', 'Bench', '85x5'],
      ],
      { env: { TZ: 'UTC', WORKOUT_SESSION_GAP: '45' } },
    );
    // Within the gap (45 min): the 40-minute-old set started an active session and the later sets join it.
    expect(old).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Started session \d+\.\n$/) });
    expect(joins).toMatchObject({ code: 0, stderr: '' });
    expect(after).toMatchObject({ code: 0, stderr: '' });

    const [late] = await runCliBatch(db, [['set', 'add', 'Bench', '90x5']], {
      env: { TZ: 'UTC', WORKOUT_SESSION_GAP: '20m' },
    });
    // 20 minutes: the session (last set just now) is still going.
    expect(late).toMatchObject({ code: 0, stderr: '' });
    await db.query(`UPDATE workout_log SET performed_at = performed_at - interval '1 hour'`);
    await db.query(`UPDATE workout_session SET start_time = start_time - interval '1 hour'`);
    const [next] = await runCliBatch(db, [['set', 'add', 'Bench', '95x5']], {
      env: { TZ: 'UTC', WORKOUT_SESSION_GAP: '20m' },
    });
    expect(next!.code).toBe(0);
    const [idle] = await sessions();
    const ended =
      /^Ended session (\d+) at its last set \((\d{4}-\d\d-\d\d \d\d:\d\d)\): idle for more than 20 min\.\nStarted session (\d+)\.\n$/.exec(
        next!.stderr,
      );
    expect(ended, next!.stderr).not.toBeNull();
    expect(Number(ended![1])).toBe(idle!.id);
    expect(ended![2]).toBe(idle!.end_time!.replace('T', ' '));
    const rows = await sessions();
    expect(rows.map(({ end_time, sets }) => ({ ended: end_time !== null, sets }))).toEqual([
      { ended: true, sets: 4 },
      { ended: false, sets: 1 },
    ]);
    await expectSpansHoldTheirSets();
  });

  test.skipIf(BACKEND !== 'server')(
    'concurrent set adds after an idle session: it is ended once, one new active session',
    async () => {
      expect((await db.cli(['set', 'add', 'Bench', '80x5', '--at', minutesAgo(60)])).code).toBe(0);
      const saved = process.env.WORKOUT_SESSION_GAP;
      process.env.WORKOUT_SESSION_GAP = '30';
      let results: CliResult[];
      try {
        results = (
          await runCliWorkers(
            db,
            Array.from({ length: 6 }, (_, k) => [['set', 'add', 'Bench', `${90 + k}x5`]]),
          )
        ).flat();
      } finally {
        if (saved === undefined) delete process.env.WORKOUT_SESSION_GAP;
        else process.env.WORKOUT_SESSION_GAP = saved;
      }
      expect(results.map((result) => result.code)).toEqual(Array(6).fill(0));
      expect(results.map((result) => result.stderr).filter(Boolean)).toEqual([
        expect.stringMatching(
          /^Ended session \d+ at its last set \(.*\): idle for more than 30 min\.\nStarted session \d+\.\n$/,
        ),
      ]);
      const rows = await sessions();
      expect(rows.map(({ end_time, sets }) => ({ ended: end_time !== null, sets }))).toEqual([
        { ended: true, sets: 1 },
        { ended: false, sets: 6 },
      ]);
      await expectSpansHoldTheirSets();
    },
  );

  test('impossible times are refused: exit 2, one line, nothing written', async () => {
    expect((await db.cli(['session', 'start', '--at', '2025-03-08T10:00Z'])).code).toBe(0);
    expect((await db.cli(['set', 'add', 'Bench', '100x5', '--at', '2025-03-08T10:30Z'])).code).toBe(0);
    const before = await snapshotDatabase(db);
    const refusals = await runCliBatch(
      db,
      [
        // Clocks in New York go from 02:00 to 03:00 on 2025-03-09: 02:30 never happens.
        ['set', 'add', 'Bench', '100x5', '--at', '2025-03-09T02:30'],
        ['session', 'end', '--at', '2025-03-09T02:30'],
        // Ending before the session's last set.
        ['session', 'end', '--at', '2025-03-08T05:29'],
        // Far future.
        ['set', 'add', 'Bench', '100x5', '--at', '2099-12-31T23:59'],
        ['set', 'add', 'Bench', '100x5', '--at', new Date(Date.now() + 6 * 60_000).toISOString()],
        ['session', 'end', '--at', '2099-12-31T23:59'],
        ['session', 'start', '--at', '2099-12-31T23:59'],
      ],
      { env: { TZ: 'America/New_York' } },
    );
    const stderr = refusals.map((result) => result.stderr);
    expect(stderr).toEqual([
      'workout: --at "2025-03-09T02:30" does not exist in America/New_York (the clocks skip it); give a real local time or an offset such as Z or +01:00\n',
      'workout: --at "2025-03-09T02:30" does not exist in America/New_York (the clocks skip it); give a real local time or an offset such as Z or +01:00\n',
      "workout: --at 2025-03-08 05:29 is before the session's last set (2025-03-08 05:30)\n",
      ...Array(4).fill('workout: --at is in the future; a time may be at most 5 minutes ahead of now\n'),
    ]);
    for (const result of refusals) expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(await snapshotDatabase(db)).toEqual(before);

    // The hour after the change exists; a set a few minutes ahead of now is a clock running fast.
    const accepted = await runCliBatch(
      db,
      [
        ['set', 'add', 'Bench', '100x5', '--at', '2025-03-09T03:30'],
        ['set', 'add', 'Bench', '100x5', '--at', new Date(Date.now() + 2 * 60_000).toISOString()],
      ],
      { env: { TZ: 'America/New_York' } },
    );
    expect(accepted.map((result) => result.code)).toEqual([0, 0]);
    await expectSpansHoldTheirSets();
  });

  test('session show lists sets in time order, and undo removes the latest by time', async () => {
    const runs = await runCliBatch(
      db,
      [
        ['session', 'start', '--at', '2025-07-23T10:00Z'],
        ['set', 'add', 'Bench', '100x5', '--at', '2025-07-23T10:10Z'],
        ['set', 'add', 'Bench', '90x5', '--at', '2025-07-23T10:05Z'],
        ['set', 'add', 'Row', '60x10', '--at', '2025-07-23T10:20Z'],
        ['set', 'add', 'Bench', '110x3', '--at', '2025-07-23T10:15Z'],
        // Logged before the session's start, within the gap: the session now starts at 09:50.
        ['set', 'add', 'Row', '50x10', '--at', '2025-07-23T09:50Z'],
        ['--json', 'session', 'show'],
        ['set', 'undo'],
        ['session', 'show'],
      ],
      { env: { TZ: 'UTC' } },
    );
    expect(runs.slice(0, 6).map((result) => result.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const shown = JSON.parse(runs[6]!.stdout) as {
      session: { start_time: string };
      sets: Array<{ exercise: string; set_number: number; performed_at: string }>;
    };
    expect(shown.session.start_time).toBe('2025-07-23T09:50:00.000Z');
    expect(shown.sets.map((set) => `${set.performed_at.slice(11, 16)} ${set.exercise} ${set.set_number}`)).toEqual([
      '09:50 Row 2',
      '10:05 Bench Press (Barbell) 2',
      '10:10 Bench Press (Barbell) 1',
      '10:15 Bench Press (Barbell) 3',
      '10:20 Row 1',
    ]);
    expect(runs[7]!.stdout).toMatch(/^Removed Row set 1 \(60 kg x 10\) from session \d+\.\n$/);
    expect(runs[8]!.stdout).toMatch(
      /\n\nRow\n {3}2\. 50 kg x 10 {2}\[id \d+\]\n\nBench Press \(Barbell\)\n {3}2\. 90 kg x 5 {2}\[id \d+\]\n {3}1\. 100 kg x 5 {2}\[id \d+\]\n {3}3\. 110 kg x 3 {2}\[id \d+\]\n$/,
    );
    await expectSpansHoldTheirSets();
  });

  test('messages show times in the local zone, JSON in ISO 8601', async () => {
    const env = { TZ: 'Asia/Kolkata' };
    const [started, again, json, early] = await runCliBatch(
      db,
      [
        ['session', 'start', '--at', '2025-07-23T10:00Z'],
        ['session', 'start', '--at', '2025-07-23T10:30Z'],
        ['--json', 'session', 'show'],
        ['session', 'end', '--at', '2025-07-23T15:29'],
      ],
      { env },
    );
    expect(started!.stdout).toMatch(/^Started session \d+: started 2025-07-23 15:30, active, 0 set\(s\)\.\n$/);
    expect(again!.stderr).toMatch(
      /^workout: session \d+ is already active \(started 2025-07-23 15:30, 0 set\(s\)\); end it/,
    );
    expect(JSON.parse(json!.stdout).session.start_time).toBe('2025-07-23T10:00:00.000Z');
    expect(early!.stderr).toBe('workout: --at 2025-07-23 15:29 is before the session started (2025-07-23 15:30)\n');
  });
});
