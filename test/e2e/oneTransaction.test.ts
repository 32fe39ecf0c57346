import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type DatabaseWatch, type ServerActivity, watchDatabase } from '../helpers/serverLog.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/**
 * What one `set add` sends, read on the server: its statement log and pg_stat_database.
 * Not timed; it counts, so that an extra round trip cannot creep in unnoticed.
 */
describe.skipIf(BACKEND !== 'server')('set add reaches the server as one transaction', () => {
  let db: TestDatabase;
  let watch: DatabaseWatch;

  beforeEach(async () => {
    db = await createTestDatabase();
    const name = new URL(db.url!).pathname.slice(1);
    watch = await watchDatabase(process.env.TEST_DATABASE_URL!, name);
  });
  afterEach(async () => {
    await db.drop();
  });

  async function observeSetAdd(args: string[], env: Record<string, string> = {}): Promise<ServerActivity> {
    const { result, activity } = await watch.observe(() => db.cli(['set', 'add', ...args], { env }));
    expect(result.stderr).not.toMatch(/workout: /);
    expect(result.code).toBe(0);
    return activity;
  }

  function expectOneTransaction(activity: ServerActivity, maxStatements = 5) {
    const sent = activity.statements.map((s) => s.text);
    // One connection, counted by the server (silent connections too) and seen in the log.
    expect(activity.sessions).toBe(1);
    expect(activity.backendPids).toHaveLength(1);
    // One transaction block, nothing outside it, and the server agrees it ran one transaction.
    expect(activity.transactions, sent.join('\n---\n')).toBe(1);
    expect(activity.outside.map((s) => s.text)).toEqual([]);
    expect(activity.serverTransactions).toBe(1);
    expect(sent[0]).toMatch(/^(BEGIN|START TRANSACTION)\b/i);
    expect(sent.at(-1)).toMatch(/^COMMIT$/i);
    expect(sent.length).toBeLessThanOrEqual(maxStatements);
    // Nothing a short-lived CLI does not need: no type lookup, no session reset, no SET.
    for (const text of sent) {
      expect(text).not.toMatch(/pg_type|DISCARD|^\s*(SET|RESET|SHOW)\b/i);
    }
  }

  test('the first set of a new user and exercise (creates both, starts a session)', async () => {
    const activity = await observeSetAdd(['Bench Press', '100x5'], { WORKOUT_USER: 'first-timer' });
    expectOneTransaction(activity);
    const rows = await db.query<{ user: string; exercise: string; set_number: number }>(
      `SELECT u.name AS user, e.name AS exercise, l.set_number
       FROM workout_log l JOIN app_user u ON u.id = l.user_id JOIN exercise e ON e.id = l.exercise_id`,
    );
    expect(rows).toEqual([{ user: 'first-timer', exercise: 'Bench Press', set_number: 1 }]);
  });

  test('a set in the active session', async () => {
    expect((await db.cli(['set', 'add', 'Squat', '140x5'])).code).toBe(0);
    const activity = await observeSetAdd(['Squat', '142.5x5', '--rpe', '8']);
    expectOneTransaction(activity);
    const rows = await db.query<{ sessions: number; sets: number }>(
      'SELECT count(DISTINCT session_id)::int AS sessions, count(*)::int AS sets FROM workout_log',
    );
    expect(rows).toEqual([{ sessions: 1, sets: 2 }]);
  });

  test('a set that starts a new session after the last one ended', async () => {
    expect((await db.cli(['set', 'add', 'Deadlift', '180x3'])).code).toBe(0);
    expect((await db.cli(['session', 'end'])).code).toBe(0);
    const activity = await observeSetAdd(['Deadlift', '185x3']);
    expectOneTransaction(activity);
    const rows = await db.query<{ active: number; sessions: number }>(
      'SELECT count(*) FILTER (WHERE end_time IS NULL)::int AS active, count(*)::int AS sessions FROM workout_session',
    );
    expect(rows).toEqual([{ active: 1, sessions: 2 }]);
  });

  test('five sets in one command, one relative to the last working set: one transaction, <= 6 statements', async () => {
    expect((await db.cli(['set', 'add', 'Squat', '140x5'])).code).toBe(0);
    const activity = await observeSetAdd(['Squat', '+2.5x5', '145x5', '147.5x3', '150x1', 'same']);
    expectOneTransaction(activity, 6);
    const rows = await db.query<{ sets: number; commands: number }>(
      'SELECT count(*)::int AS sets, count(DISTINCT command_xact::text)::int AS commands FROM workout_log',
    );
    expect(rows).toEqual([{ sets: 6, commands: 2 }]);
  });
});
