import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

/**
 * Read commands on a read-only connection: a role whose transactions are read-only
 * (default_transaction_read_only, as on a hot standby) and a role with only SELECT.
 * Writes there fail with one line, exit 1. And `db migrate` by a role that may not
 * create in the schema says so, not something about row-level security.
 */
describe.skipIf(BACKEND !== 'server')('read-only connections', () => {
  let db: TestDatabase;
  const suffix = randomBytes(4).toString('hex');
  const readOnlyRole = `workout_ro_${suffix}`;
  const selectOnlyRole = `workout_select_${suffix}`;
  const as = (role: string) => {
    const url = new URL(db.url!);
    url.username = role;
    return url.toString();
  };
  const cli = (role: string, args: string[]) => runCli(args, { env: { DATABASE_URL: as(role) } });

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await db.cli(['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    const tables = [
      'app_user, exercise, exercise_alias, workout_session, workout_log, personal_record, routine',
      'workout_migration, session_exercise_totals',
    ].join(', ');
    await db.query(`CREATE ROLE ${readOnlyRole} LOGIN`);
    await db.query(`ALTER ROLE ${readOnlyRole} SET default_transaction_read_only = on`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${tables} TO ${readOnlyRole}`);
    await db.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${readOnlyRole}`);
    await db.query(`CREATE ROLE ${selectOnlyRole} LOGIN`);
    await db.query(`GRANT SELECT ON ${tables} TO ${selectOnlyRole}`);
  });
  afterAll(async () => {
    await db?.drop();
    // Roles belong to the whole server; their grants went with the database.
    await withClient(process.env.TEST_DATABASE_URL!, (admin) =>
      admin.query(`DROP ROLE IF EXISTS ${readOnlyRole}; DROP ROLE IF EXISTS ${selectOnlyRole}`),
    );
  });

  test.each([
    ['pr list', ['pr', 'list', '--json']],
    ['session show', ['session', 'show', '--json']],
    ['session list', ['session', 'list', '--json']],
    ['export', ['export']],
    ['db status', ['db', 'status', '--json']],
  ])('%s works for both roles', async (_name, args) => {
    for (const role of [readOnlyRole, selectOnlyRole]) {
      const result = await runCli(args, { env: { DATABASE_URL: as(role), WORKOUT_USER: 'tester' } });
      expect(result.stderr, role).toBe('');
      expect(result.code, role).toBe(0);
      expect(result.stdout, role).toMatch(/Bench|applied|set_count/);
    }
  });

  test('a write on a read-only connection: one line, exit 1, nothing written', async () => {
    const result = await cli(readOnlyRole, ['set', 'add', 'Bench', '105x5']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^workout: .* is read-only \(a hot standby, or default_transaction_read_only for this role\): writes need the primary server and a role that may write\n$/,
    );
    const denied = await cli(selectOnlyRole, ['set', 'add', 'Bench', '105x5']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^workout: .* refused: permission denied for table app_user/);
    expect(denied.stderr.split('\n')).toHaveLength(2);
    expect(await db.query('SELECT count(*)::int AS n FROM workout_log')).toEqual([{ n: 1 }]);
  });

  test('db migrate by a role that may not create in the schema: says so, not row-level security', async () => {
    const fresh = await createTestDatabase();
    try {
      // An empty schema the role may use but not create in (PUBLIC's rights on `public` since PostgreSQL 15).
      await fresh.query(
        `DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO ${selectOnlyRole}`,
      );
      const url = new URL(fresh.url!);
      url.username = selectOnlyRole;
      const result = await runCli(['db', 'migrate'], { env: { DATABASE_URL: url.toString() } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /refused: permission denied for schema public \(changing the schema needs a role that may create in it/,
      );
      expect(result.stderr).not.toMatch(/row-level security/);
    } finally {
      await fresh.drop();
    }
  });
});
