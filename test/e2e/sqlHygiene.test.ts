import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { latestVersion } from '../../src/db/migrations.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

// Migration 005: volatility as it is, the NOT VALID checks validated, one function for
// the policies' "current user's id".

describe('the migrated schema', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  test('functions are labelled with their real volatility', async () => {
    const rows = await db.query<{ name: string; volatility: string }>(`
      SELECT proname AS name, provolatile AS volatility FROM pg_proc
      WHERE proname LIKE 'workout\\_%' ORDER BY proname COLLATE "C"`);
    expect(rows).toEqual([
      { name: 'workout_clean_name', volatility: 's' },
      { name: 'workout_clean_notes', volatility: 'i' },
      { name: 'workout_current_user_id', volatility: 's' },
      { name: 'workout_e1rm', volatility: 'i' },
      { name: 'workout_record_candidates', volatility: 'i' },
      { name: 'workout_refresh_session_exercise_totals', volatility: 'v' },
      { name: 'workout_to_kg', volatility: 'i' },
    ]);
  });

  test('every check and foreign key is validated', async () => {
    const notValid = await db.query(`
      SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = current_schema() AND NOT convalidated`);
    expect(notValid).toEqual([]);
  });

  test('the tenant policies all use workout_current_user_id(), which searches only the schema', async () => {
    const policies = await db.query<{ name: string; using: string; check: string }>(`
      SELECT polname AS name, pg_get_expr(polqual, polrelid) AS using, pg_get_expr(polwithcheck, polrelid) AS check
      FROM pg_policy WHERE polname IN ('workout_own_sessions', 'workout_own_sets', 'workout_own_records')`);
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      for (const expression of [policy.using, policy.check]) {
        expect(expression).toBe('(user_id = ( SELECT workout_current_user_id() AS workout_current_user_id))');
      }
    }
    const [config] = await db.query<{ config: string[] }>(
      `SELECT proconfig AS config FROM pg_proc WHERE proname = 'workout_current_user_id'`,
    );
    const [schema] = await db.query<{ name: string }>('SELECT current_schema() AS name');
    expect(config!.config).toEqual([`search_path=${schema!.name}, pg_temp`]);
  });
});

describe.skipIf(BACKEND !== 'server')('on a server', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;

  test("a role cannot put its own app_user in front of the policies' lookup", async () => {
    const db = await createTestDatabase();
    const suffix = randomBytes(4).toString('hex');
    const [ann, bob] = [`rls_ann_${suffix}`, `rls_bob_${suffix}`];
    const roleUrl = (role: string) => Object.assign(new URL(db.url!), { username: role }).toString();
    try {
      await db.query(`CREATE ROLE ${ann} LOGIN; CREATE ROLE ${bob} LOGIN`);
      const [database] = await db.query<{ name: string }>('SELECT current_database() AS name');
      await db.query(`
        GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workout_session, workout_log, personal_record, exercise_alias,
          session_exercise_totals TO ${ann}, ${bob};
        GRANT SELECT, INSERT, UPDATE ON exercise TO ${ann}, ${bob};
        GRANT SELECT ON workout_migration TO ${ann}, ${bob};
        GRANT CREATE ON DATABASE ${database!.name} TO ${ann}`);
      expect((await db.cli(['db', 'migrate', '--enable-rls'])).code).toBe(0);
      const add = (role: string) =>
        db.cli(['--user', role, 'set', 'add', 'Bench', '100x5'], { env: { DATABASE_URL: roleUrl(role) } });
      expect((await add(bob)).code).toBe(0);
      expect((await add(ann)).code).toBe(0);

      const annSees = await withClient(roleUrl(ann), async (client) => {
        // A schema named like the role is first on the default search_path ("$user", public).
        await client.query(`
          CREATE SCHEMA ${ann};
          CREATE TABLE ${ann}.app_user (id bigint, name text)`);
        const bobId = await db.query<{ id: string }>(`SELECT id::text FROM app_user WHERE name = '${bob}'`);
        await client.query(`INSERT INTO ${ann}.app_user VALUES ($1, current_user)`, [bobId[0]!.id]);
        return (await client.query<{ user_id: string }>('SELECT user_id::text FROM workout_log')).rows;
      });
      const annId = await db.query<{ id: string }>(`SELECT id::text FROM app_user WHERE name = '${ann}'`);
      expect(annSees).toEqual([{ user_id: annId[0]!.id }]);
    } finally {
      await db.query(`DROP OWNED BY ${ann}, ${bob}`);
      await db.drop();
      await withClient(adminUrl, (admin) => admin.query(`DROP ROLE IF EXISTS ${ann}, ${bob}`));
    }
  });

  test('an old database is upgraded; a hand-written row that breaks a rule stops 005, named', async () => {
    const name = `workout_old_${randomBytes(6).toString('hex')}`;
    await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = serverUrl(adminUrl, name);
    const file = (version: string) =>
      fs.readFileSync(
        path.join(
          ROOT,
          'sql',
          'migrations',
          fs.readdirSync(path.join(ROOT, 'sql', 'migrations')).find((f) => f.startsWith(version))!,
        ),
        'utf8',
      );
    try {
      // As a workout from before 005 left it: 001–004 applied, no checksums kept, and a
      // session name with a leading space written before 003's rule existed.
      await withClient(url, async (client) => {
        await client.query(file('001'));
        await client.query(file('002'));
        await client.query(`
          INSERT INTO app_user (name) VALUES ('old');
          INSERT INTO workout_session (user_id, name, start_time) SELECT id, ' padded', now() FROM app_user`);
        await client.query(file('003'));
        await client.query(file('004'));
        await client.query(`
          CREATE TABLE workout_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
          INSERT INTO workout_migration (version, name) VALUES
            (1, 'schema'), (2, 'import_export'), (3, 'limits_and_row_level_security'), (4, 'one_foreign_key_per_parent')`);
      });
      const env = { DATABASE_URL: url };
      const refused = await runCli(['db', 'migrate'], { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/check constraint "workout_session_name_clean" .* is violated by some row\n$/);
      const version = () =>
        withClient(
          url,
          async (client) => (await client.query('SELECT max(version) AS v FROM workout_migration')).rows[0].v,
        );
      expect(await version()).toBe(4);

      await withClient(url, (client) => client.query(`UPDATE workout_session SET name = 'padded'`));
      const migrated = await runCli(['db', 'migrate'], { env });
      // 005, then any later migration.
      expect([migrated.code, migrated.stdout.split('\n')[0]]).toEqual([
        0,
        'applied 005_truthful_volatility_and_validated_checks',
      ]);
      expect(await version()).toBe(latestVersion());
    } finally {
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
});
