import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

/**
 * Two PostgreSQL roles on a shared server, each logging as the workout user of its own
 * name. Roles belong to the whole cluster: each test makes its own, with unique names,
 * and drops them after.
 */
describe.skipIf(BACKEND !== 'server')('row-level security (db migrate --enable-rls)', () => {
  let db: TestDatabase;
  let ann: string;
  let bob: string;
  const roleUrl = (role: string) => {
    const url = new URL(db.url!);
    url.username = role;
    return url.toString();
  };
  const asRole = (role: string, args: string[]) =>
    db.cli(['--user', role, ...args], { env: { DATABASE_URL: roleUrl(role) } });

  beforeEach(async () => {
    db = await createTestDatabase();
    const suffix = randomBytes(4).toString('hex');
    [ann, bob] = [`rls_ann_${suffix}`, `rls_bob_${suffix}`];
    await db.query(`CREATE ROLE ${ann} LOGIN; CREATE ROLE ${bob} LOGIN`);
    // The grants the `db migrate` help recommends.
    await db.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workout_session, workout_log, personal_record, routine,
        exercise_alias, session_exercise_totals TO ${ann}, ${bob};
      GRANT SELECT, INSERT, UPDATE ON exercise TO ${ann}, ${bob};
      GRANT SELECT ON workout_migration TO ${ann}, ${bob}`);
  });
  afterEach(async () => {
    await db.query(`DROP OWNED BY ${ann}, ${bob}`);
    await db.drop();
    await withClient(process.env.TEST_DATABASE_URL!, (admin) => admin.query(`DROP ROLE IF EXISTS ${ann}, ${bob}`));
  });

  test('off by default; --enable-rls and --disable-rls switch it, db status tells', async () => {
    const status = async () => JSON.parse((await db.cli(['--json', 'db', 'status'])).stdout).row_level_security;
    expect(await status()).toBe('off');
    // Off: one role sees the other's rows (the single-role setup is unchanged).
    expect((await asRole(ann, ['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    expect(
      await withClient(roleUrl(bob), async (client) => (await client.query('SELECT * FROM workout_log')).rowCount),
    ).toBe(1);

    const on = await db.cli(['db', 'migrate', '--enable-rls']);
    expect([on.code, on.stdout]).toEqual([0, 'Schema is up to date; nothing to apply.\nrow-level security: on\n']);
    expect(await status()).toBe('on');
    expect(
      await withClient(roleUrl(bob), async (client) => (await client.query('SELECT * FROM workout_log')).rowCount),
    ).toBe(0);

    const off = await db.cli(['--json', 'db', 'migrate', '--disable-rls']);
    expect(JSON.parse(off.stdout)).toEqual({ backend: 'server', applied: [], row_level_security: 'off' });
    const both = await db.cli(['db', 'migrate', '--enable-rls', '--disable-rls']);
    expect([both.code, both.stderr]).toEqual([2, 'workout: give --enable-rls or --disable-rls, not both\n']);
  });

  test("with it on, each role works on its own log through the CLI, and cannot reach the other's", async () => {
    expect((await db.cli(['db', 'migrate', '--enable-rls'])).code).toBe(0);
    expect((await asRole(ann, ['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    expect((await asRole(ann, ['set', 'add', 'Bench', '110x3'])).code).toBe(0);
    // The hot path (find-or-create user, FOR NO KEY UPDATE, session, set, records) runs under the policies.
    const bobSet = await asRole(bob, ['set', 'add', 'bench', '60x5', '--json']);
    expect(bobSet.code).toBe(0);
    expect(JSON.parse(bobSet.stdout)).toMatchObject({
      exercise: 'Bench Press (Barbell)',
      set_number: 1,
      session_started: true,
    });
    expect((await asRole(bob, ['set', 'undo'])).code).toBe(0);
    expect((await asRole(bob, ['session', 'end'])).code).toBe(0);

    // Bob's role, naming ann: sees nothing, may write nothing.
    const asAnn = (args: string[]) => db.cli(['--user', ann, ...args], { env: { DATABASE_URL: roleUrl(bob) } });
    expect(JSON.parse((await asAnn(['--json', 'pr', 'list'])).stdout)).toEqual([]);
    expect(JSON.parse((await asAnn(['--json', 'session', 'list'])).stdout)).toEqual([]);
    const write = await asAnn(['set', 'add', 'Bench', '200x1']);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(
      /refused: new row violates row-level security policy for table "app_user" \(with row-level security on, a database role may use only the workout user of its own name: --user <role>\)\n$/,
    );
    expect((await asAnn(['set', 'undo'])).code).toBe(1);

    // Exercises and aliases of one's own, under the policies: ann's are not bob's.
    expect((await asRole(ann, ['exercise', 'alias', 'bench', 'annb'])).code).toBe(0);
    expect((await asRole(ann, ['exercise', 'add', 'Ann Press', '--muscles', 'chest'])).code).toBe(0);
    expect((await asRole(ann, ['exercise', 'rename', 'Ann Press', 'Ann Push'])).code).toBe(0);
    expect((await asRole(bob, ['exercise', 'show', 'Ann Push'])).code).toBe(2);
    const bobAnnb = await asRole(bob, ['--json', 'set', 'add', 'annb', '50x5']);
    expect(JSON.parse(bobAnnb.stdout)).toMatchObject({ exercise: 'annb', exercise_created: true });
    expect((await asRole(bob, ['exercise', 'rename', 'annb', 'Bob Move'])).code).toBe(0);

    const annRecords = JSON.parse((await asRole(ann, ['--json', 'pr', 'list'])).stdout);
    expect(annRecords.find((r: { kind: string }) => r.kind === 'heaviest')).toMatchObject({ value: 110 });
  });

  test("hand-written SQL as bob's role cannot select, update, delete or add to ann's rows", async () => {
    expect((await db.cli(['db', 'migrate', '--enable-rls'])).code).toBe(0);
    expect((await asRole(ann, ['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    expect((await asRole(bob, ['set', 'add', 'Squat', '80x5'])).code).toBe(0);
    expect((await asRole(ann, ['exercise', 'add', 'Ann Press', '--muscles', 'chest'])).code).toBe(0);
    expect((await asRole(ann, ['exercise', 'alias', 'bench', 'annb'])).code).toBe(0);
    const everything = `
      SELECT (SELECT json_agg(u ORDER BY id) FROM app_user u) AS users,
             (SELECT json_agg(s ORDER BY id) FROM workout_session s) AS sessions,
             (SELECT json_agg(l ORDER BY id) FROM workout_log l) AS sets,
             (SELECT json_agg(p ORDER BY kind, reps) FROM personal_record p) AS records,
             (SELECT json_agg(e ORDER BY id) FROM exercise e) AS exercises,
             (SELECT json_agg(a ORDER BY id) FROM exercise_alias a) AS aliases`;
    const before = await db.query(everything);
    const [{ annId, annSession, annLog, bobId, bobSession }] = (await db.query<Record<string, number>>(`
      SELECT (SELECT id::int FROM app_user WHERE name = '${ann}') AS "annId",
             (SELECT id::int FROM workout_session WHERE user_id = (SELECT id FROM app_user WHERE name = '${ann}')) AS "annSession",
             (SELECT id::int FROM workout_log WHERE user_id = (SELECT id FROM app_user WHERE name = '${ann}')) AS "annLog",
             (SELECT id::int FROM app_user WHERE name = '${bob}') AS "bobId",
             (SELECT id::int FROM workout_session WHERE user_id = (SELECT id FROM app_user WHERE name = '${bob}')) AS "bobSession"`)) as [
      Record<string, number>,
    ];

    await withClient(roleUrl(bob), async (client) => {
      const count = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rowCount;
      /** A statement that must fail; returns its SQLSTATE. */
      const refused = async (text: string, values: unknown[] = []) => {
        try {
          await client.query(text, values);
        } catch (error) {
          return (error as pg.DatabaseError).code;
        }
        throw new Error(`not refused: ${text}`);
      };

      // Select: only bob's own rows, however asked.
      expect((await client.query('SELECT name FROM app_user')).rows).toEqual([{ name: bob }]);
      expect(await count('SELECT 1 FROM workout_session')).toBe(1);
      expect(
        await count('SELECT 1 FROM workout_log WHERE user_id = $1 OR session_id = $2 OR id = $3', [
          annId,
          annSession,
          annLog,
        ]),
      ).toBe(0);
      expect(await count('SELECT 1 FROM personal_record WHERE user_id = $1', [annId])).toBe(0);
      expect(await count('SELECT 1 FROM personal_record')).toBeGreaterThan(0);
      // The catalog is shared; of the others' exercises and aliases, bob sees his own only.
      expect(await count('SELECT 1 FROM exercise WHERE user_id IS NULL')).toBeGreaterThan(300);
      expect((await client.query('SELECT name FROM exercise WHERE user_id IS NOT NULL')).rows).toEqual([
        { name: 'Squat' },
      ]);
      expect(await count('SELECT 1 FROM exercise_alias WHERE user_id IS NOT NULL')).toBe(0);

      // Update and delete: nothing of ann's matches.
      expect(await count('UPDATE workout_log SET reps = 1 WHERE user_id = $1', [annId])).toBe(0);
      expect(await count('UPDATE workout_session SET name = $1 WHERE id = $2', ['mine', annSession])).toBe(0);
      expect(await count('UPDATE personal_record SET value = 1 WHERE user_id = $1', [annId])).toBe(0);
      expect(await count('UPDATE app_user SET name = $1 WHERE id = $2', ['x', annId])).toBe(0);
      expect(await count('DELETE FROM personal_record WHERE user_id = $1', [annId])).toBe(0);
      expect(await count('DELETE FROM workout_log WHERE id = $1', [annLog])).toBe(0);
      expect(await count('DELETE FROM workout_session WHERE user_id = $1', [annId])).toBe(0);
      expect(await count('DELETE FROM app_user WHERE id = $1', [annId])).toBe(0);
      // The catalog and ann's exercises cannot be renamed (only bob's own match); none can be deleted.
      expect(await count('UPDATE exercise SET name = upper(name) WHERE user_id IS NULL')).toBe(0);
      expect(await count("UPDATE exercise SET name = 'x' WHERE name = 'Ann Press'")).toBe(0);
      expect(await count("UPDATE exercise_alias SET alias = 'x'")).toBe(0);
      expect(await count('DELETE FROM exercise_alias')).toBe(0);
      expect(await refused('DELETE FROM exercise')).toBe('42501');
      // Nor added for ann, or to the catalog.
      expect(await refused(`INSERT INTO exercise (user_id, name) VALUES ($1, 'Planted')`, [annId])).toBe('42501');
      expect(await refused(`INSERT INTO exercise (name) VALUES ('Planted')`)).toBe('42501');
      expect(
        await refused(`INSERT INTO exercise_alias (user_id, exercise_id, alias) VALUES ($1, 1, 'planted')`, [annId]),
      ).toBe('42501');

      // Add or move rows into ann's log: refused by the policies, or by the set-belongs-to-its-session's-user key.
      const addSet = `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
                      VALUES ($1, $2, (SELECT min(id) FROM exercise), 99, 100, 'kg', 1, now())`;
      expect(await refused(addSet, [annSession, annId])).toBe('42501');
      expect(await refused(addSet, [annSession, bobId])).toBe('23503');
      expect(await refused('INSERT INTO workout_session (user_id, start_time) VALUES ($1, now())', [annId])).toBe(
        '42501',
      );
      expect(
        await refused(
          `INSERT INTO personal_record (user_id, exercise_id, kind, value, log_id, achieved_at)
                            VALUES ($1, (SELECT min(id) FROM exercise), 'heaviest', 500, $2, now())`,
          [annId, annLog],
        ),
      ).toBe('42501');
      expect(await refused('UPDATE workout_session SET user_id = $1 WHERE id = $2', [annId, bobSession])).toBe('42501');
      expect(await refused('UPDATE workout_log SET session_id = $1', [annSession])).toBe('23503');
      expect(await refused('INSERT INTO app_user (name) VALUES ($1)', [ann])).toBe('42501');
    });

    expect(await db.query(everything)).toEqual(before);
  });
});
