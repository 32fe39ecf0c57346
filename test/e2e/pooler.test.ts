import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { holdUserLock } from '../helpers/faults.js';
import { ROOT } from '../helpers/paths.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

/**
 * Every command through PgBouncer in transaction mode with its default settings, where
 * each transaction may get another server connection and session state leaks to the
 * next client. TEST_POOLER_URL names the pooler (.ci/run starts one in front of the test
 * server); the database name in it is replaced by each test's own.
 */
const POOLER_URL = process.env.TEST_POOLER_URL;
const reason = BACKEND !== 'server' ? 'needs the server backend' : !POOLER_URL ? 'TEST_POOLER_URL is not set' : '';
if (reason) console.warn(`pooler tests skipped: ${reason}`);

describe.skipIf(reason !== '')('behind PgBouncer in transaction mode', () => {
  let db: TestDatabase;
  let pooled: string;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { env: { DATABASE_URL: pooled, ...env }, timeoutMs: 30_000 });
  const ok = async (args: string[]) => {
    const result = await cli(args);
    expect(result.stderr, args.join(' ')).not.toMatch(/workout: /);
    expect(result.code, args.join(' ')).toBe(0);
    return result.stdout;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    pooled = serverUrl(POOLER_URL!, new URL(db.url!).pathname.slice(1));
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** What a later client of the pooler gets: the server defaults, not a setting a command left behind. */
  async function expectNoSessionStateLeft() {
    await withClient(pooled, async (client) => {
      const settings = await client.query(
        `SELECT name, setting FROM pg_settings WHERE name IN ('lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout') AND source <> 'default'`,
      );
      expect(settings.rows).toEqual([]);
    });
    const locks = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
    expect(locks).toEqual([{ n: 0 }]);
  }

  test('db migrate on a new database, then db status', async () => {
    const fresh = await createTestDatabase();
    const name = new URL(fresh.url!).pathname.slice(1);
    await fresh.query('DROP TABLE workout_migration');
    await fresh.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    try {
      const migrated = await runCli(['db', 'migrate'], { env: { DATABASE_URL: serverUrl(POOLER_URL!, name) } });
      expect(migrated.stderr).not.toMatch(/workout: /);
      expect(migrated.stdout).toMatch(/^applied 001_schema$/m);
      const status = await runCli(['db', 'status', '--json'], { env: { DATABASE_URL: serverUrl(POOLER_URL!, name) } });
      expect(JSON.parse(status.stdout).migrations.every((m: { applied: boolean }) => m.applied)).toBe(true);
    } finally {
      await fresh.drop();
    }
  });

  test('the everyday commands: session start/end, set add/undo, pr list, import, export', async () => {
    await ok(['session', 'start']);
    // A name of the user's own, apart from the catalog entries the Strong file below lands on.
    await ok(['set', 'add', 'Zercher Squat', '100x5']);
    await ok(['set', 'add', 'Zercher Squat', '105x5']);
    await ok(['set', 'undo']);
    await ok(['session', 'end']);
    expect(JSON.parse(await ok(['pr', 'list', '--json']))).toContainEqual(
      expect.objectContaining({ exercise: 'Zercher Squat' }),
    );
    await ok(['import', path.join(ROOT, 'test/fixtures/import/strong-5.csv'), '--unit', 'kg']);
    const exported = await ok(['export']);
    expect(exported.split('\n').filter((line) => line.includes(',Zercher Squat,'))).toHaveLength(1);
    expect(JSON.parse(await ok(['session', 'list', '--json'])).length).toBeGreaterThan(1);
    await expectNoSessionStateLeft();
  });

  test('--lock-timeout and --statement-timeout hold: a set add behind a held user lock gives up in about 1 s', async () => {
    await ok(['set', 'add', 'Squat', '140x5']);
    const lock = await holdUserLock(db.url!, 'tester');
    try {
      for (const [args, message] of [
        [['--lock-timeout', '1'], 'gave up waiting for a lock (lock_timeout)'],
        [['--lock-timeout', '30', '--statement-timeout', '1'], 'the statement ran past statement_timeout'],
      ] as const) {
        const started = performance.now();
        const blocked = await cli([...args, 'set', 'add', 'Squat', '145x5']);
        const seconds = (performance.now() - started) / 1000;
        expect(blocked.stderr).toContain(message);
        expect(blocked.code).toBe(1);
        expect(seconds).toBeLessThan(4);
      }
    } finally {
      await lock.release();
    }
    await expectNoSessionStateLeft();
  });

  test('db migrate-indexes: builds refused in one line (no INVALID index, no lock or SET left); --dry-run and "present" work', async () => {
    expect(await ok(['db', 'migrate-indexes'])).toBe(
      'idx_user_active_session: present\nidx_session_exercise: present\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
    );
    await db.query('DROP INDEX idx_user_active_session');
    expect(await ok(['db', 'migrate-indexes', '--dry-run'])).toMatch(/^idx_user_active_session: would create$/m);
    const refused = await cli(['db', 'migrate-indexes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^workout: db migrate-indexes needs a direct connection to the server, not one through a connection pooler .*\n$/,
    );
    const left = await db.query(
      `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indexrelid::regclass::text = 'idx_user_active_session'`,
    );
    expect(left).toEqual([]);
    await expectNoSessionStateLeft();
    const direct = await runCli(['db', 'migrate-indexes'], { env: { DATABASE_URL: db.url! } });
    expect(direct.stdout).toMatch(/^idx_user_active_session: created$/m);
    const status = JSON.parse(await ok(['db', 'status', '--json']));
    expect(status.indexes.map((index: { state: string }) => index.state)).toEqual(['valid', 'valid', 'valid', 'valid']);
  });
});
