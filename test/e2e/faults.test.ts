import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type CliResult, runCli } from '../helpers/cli.js';
import { blockedWorkoutBackend, holdUserLock, terminateBackend } from '../helpers/faults.js';
import { type PrivateCluster, startPrivateCluster } from '../helpers/privateCluster.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type Snapshot = { sets: number; sessions: number; records: number; numbers: string };
const snapshot = async (query: TestDatabase['query']): Promise<Snapshot> =>
  (
    await query<Snapshot>(`
      SELECT (SELECT count(*)::int FROM workout_log) AS sets,
             (SELECT count(*)::int FROM workout_session) AS sessions,
             (SELECT count(*)::int FROM personal_record) AS records,
             (SELECT coalesce(string_agg(set_number::text, ',' ORDER BY set_number), '') FROM workout_log) AS numbers`)
  )[0]!;

describe.skipIf(BACKEND !== 'server')('connection killed in the middle of set add', () => {
  test('pg_terminate_backend while set add waits inside its transaction: clear message, nothing written, a retry succeeds', async () => {
    expect((await db.cli(['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    const before = await snapshot(db.query);
    const lock = await holdUserLock(db.url!, 'tester');
    let result: CliResult;
    try {
      const pending = db.cli(['set', 'add', 'Bench', '110x3'], { timeoutMs: 30_000 });
      await terminateBackend(db.url!, await blockedWorkoutBackend(db.url!));
      result = await pending;
    } finally {
      await lock.release();
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^workout: the connection to 127\.0\.0\.1:\d+\/workout_test_\w+ was lost; nothing was written, try again\n$/,
    );
    expect(await snapshot(db.query)).toEqual(before);

    const retry = await db.cli(['set', 'add', 'Bench', '110x3', '--json']);
    expect(retry.code).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({ set_number: 2, session_started: false });
  });
});

describe.skipIf(BACKEND !== 'server')(
  'a server restart (a private cluster; the shared server is never restarted)',
  () => {
    let cluster: PrivateCluster;
    let url: string;
    beforeEach(async () => {
      cluster = await startPrivateCluster();
      await withClient(cluster.url, (client) => client.query('CREATE DATABASE gym'));
      url = cluster.url.replace(/\/postgres$/, '/gym');
      expect((await runCli(['db', 'migrate'], { env: { DATABASE_URL: url } })).code).toBe(0);
    });
    afterEach(async () => {
      await cluster.destroy();
    });
    const cli = (args: string[]) => runCli(args, { env: { DATABASE_URL: url }, timeoutMs: 30_000 });
    const query: TestDatabase['query'] = async (text, values) =>
      withClient(url, async (client) => (await client.query(text, values)).rows);

    test('restarted between two commands, and down for one: exit 3 while down, then everything goes on', async () => {
      expect((await cli(['set', 'add', 'Squat', '140x5'])).code).toBe(0);
      await cluster.restart();
      const afterRestart = await cli(['set', 'add', 'Squat', '145x5', '--json']);
      expect(afterRestart.code).toBe(0);
      expect(JSON.parse(afterRestart.stdout)).toMatchObject({ set_number: 2, session_started: false });

      await cluster.stop();
      const down = await cli(['set', 'add', 'Squat', '150x5']);
      expect(down.code).toBe(3);
      expect(down.stderr).toMatch(
        /^workout: cannot connect to 127\.0\.0\.1:\d+\/gym: ECONNREFUSED \(is the server running\?\)\n$/,
      );
      await cluster.start();
      expect(await snapshot(query)).toMatchObject({ sets: 2, numbers: '1,2' });
      expect((await cli(['set', 'add', 'Squat', '150x5'])).code).toBe(0);
      expect(await snapshot(query)).toMatchObject({ sets: 3, sessions: 1, numbers: '1,2,3' });
    });

    test('restarted while set add is inside its transaction: the set is not written, a retry succeeds', async () => {
      expect((await cli(['set', 'add', 'Squat', '140x5'])).code).toBe(0);
      const lock = await holdUserLock(url, 'tester');
      const pending = cli(['set', 'add', 'Squat', '145x5']);
      await blockedWorkoutBackend(url);
      // A fast shutdown terminates every backend, the lock holder's too.
      await cluster.restart();
      const result = await pending;
      await lock.release().catch(() => {});
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/was lost; nothing was written, try again\n$/);
      expect(await snapshot(query)).toMatchObject({ sets: 1, numbers: '1' });
      expect((await cli(['set', 'add', 'Squat', '145x5'])).code).toBe(0);
      expect(await snapshot(query)).toMatchObject({ sets: 2, numbers: '1,2' });
    });
  },
);

describe('transient serialization failures and deadlocks in set add', () => {
  /** A test-only trigger that fails the first `failures` attempts to insert a set with SQLSTATE `code`. */
  async function failTransiently(failures: number, code: '40001' | '40P01') {
    await db.query('CREATE SEQUENCE test_attempts');
    await db.query('CREATE TABLE test_fault_plan (failures int NOT NULL, code text NOT NULL)');
    await db.query(`
      CREATE FUNCTION test_fail_transiently() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- nextval is not rolled back: it counts every attempt, also the failed ones.
        IF nextval('test_attempts') <= (SELECT failures FROM test_fault_plan) THEN
          RAISE EXCEPTION 'test: transient failure' USING ERRCODE = (SELECT code FROM test_fault_plan);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      'CREATE TRIGGER test_fail_transiently BEFORE INSERT ON workout_log FOR EACH ROW EXECUTE FUNCTION test_fail_transiently()',
    );
    await db.query('INSERT INTO test_fault_plan VALUES ($1, $2)', [failures, code]);
  }
  const attempts = async () => (await db.query<{ n: number }>('SELECT last_value::int AS n FROM test_attempts'))[0]!.n;

  test('is retried: two serialization failures, then the set is written once, in one session, with its records', async () => {
    await failTransiently(2, '40001');
    const result = await db.cli(['set', 'add', 'Bench', '100x5', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ set_number: 1, session_started: true });
    expect(await attempts()).toBe(3);
    expect(await snapshot(db.query)).toEqual({ sets: 1, sessions: 1, records: 4, numbers: '1' });
  });

  test('a bounded number of times: a deadlock that never clears fails after 4 attempts, nothing written', async () => {
    await failTransiently(1_000, '40P01');
    const result = await db.cli(['set', 'add', 'Bench', '100x5']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'workout: the database kept reporting a conflict with concurrent writers (serialization failure or deadlock) ' +
        'after several attempts; nothing was written, try again\n',
    );
    expect(await attempts()).toBe(4);
    expect(await snapshot(db.query)).toEqual({ sets: 0, sessions: 0, records: 0, numbers: '' });
  });
});
