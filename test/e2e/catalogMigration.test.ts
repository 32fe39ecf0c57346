import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** The test template is migrated to the end: take 011 back off, so the database is as before the catalog. */
const BEFORE_CATALOG = `
  DROP TABLE exercise_alias;
  DROP POLICY workout_shared_exercises ON exercise;
  DROP POLICY workout_own_exercises ON exercise;
  CREATE POLICY workout_read_exercises ON exercise FOR SELECT USING (true);
  CREATE POLICY workout_add_exercises ON exercise FOR INSERT WITH CHECK (true);
  DELETE FROM exercise;
  DROP INDEX exercise_shared_name;
  DROP INDEX exercise_user_name;
  ALTER TABLE exercise DROP CONSTRAINT exercise_muscles_known, DROP COLUMN user_id, DROP COLUMN equipment,
    DROP COLUMN primary_muscles, DROP COLUMN secondary_muscles;
  CREATE UNIQUE INDEX exercise_name_key ON exercise (lower(name));
  DELETE FROM workout_migration WHERE version = 11;`;

describe('migration 011 on a database from before the catalog', () => {
  test('every exercise keeps its id and its sets; one named like a catalog entry becomes it, one user alone makes it theirs', async () => {
    for (const statement of BEFORE_CATALOG.split(';').filter((text) => text.trim() !== '')) await db.query(statement);
    for (const statement of [
      `INSERT INTO app_user (name) VALUES ('ann'), ('bob')`,
      `INSERT INTO exercise (name) VALUES ('bench press (barbell)'), ('Squatt'), ('Zercher'), ('Orphan'), ('bench')`,
      `INSERT INTO workout_session (user_id, start_time, end_time)
         SELECT id, timestamptz '2025-07-01 10:00Z', timestamptz '2025-07-01 11:00Z' FROM app_user`,
      `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
         SELECT s.id, s.user_id, e.id, 1, 100, 'kg', 5, timestamptz '2025-07-01 10:05Z'
         FROM workout_session s JOIN app_user u ON u.id = s.user_id
         JOIN exercise e ON (u.name = 'ann' AND e.name IN ('bench press (barbell)', 'Squatt', 'Zercher', 'bench'))
                         OR (u.name = 'bob' AND e.name IN ('bench press (barbell)', 'Zercher'))`,
    ]) {
      await db.query(statement);
    }
    const before = await db.query<{ id: number; name: string; sets: number }>(`
      SELECT e.id::int, e.name, count(l.id)::int AS sets FROM exercise e LEFT JOIN workout_log l ON l.exercise_id = e.id
      GROUP BY e.id ORDER BY e.id`);
    await db.release();

    const migrate = await db.cli(['db', 'migrate']);
    expect([migrate.code, migrate.stdout, migrate.stderr]).toEqual([0, 'applied 011_exercise_catalog\n', '']);

    const after = await db.query<{ id: number; name: string; owner: string | null; sets: number; muscles: string[] }>(`
      SELECT e.id::int, e.name, u.name AS owner, count(l.id)::int AS sets, e.primary_muscles AS muscles
      FROM exercise e LEFT JOIN app_user u ON u.id = e.user_id LEFT JOIN workout_log l ON l.exercise_id = e.id
      WHERE e.id <= ${before.at(-1)!.id} GROUP BY e.id, u.name ORDER BY e.id`);
    await db.release();
    const ids = (name: string) => before.find((row) => row.name === name)!.id;
    expect(after).toEqual([
      { id: ids('bench press (barbell)'), name: 'Bench Press (Barbell)', owner: null, sets: 2, muscles: ['chest'] },
      { id: ids('Squatt'), name: 'Squatt', owner: 'ann', sets: 1, muscles: [] },
      { id: ids('Zercher'), name: 'Zercher', owner: null, sets: 2, muscles: [] },
      { id: ids('Orphan'), name: 'Orphan', owner: null, sets: 0, muscles: [] },
      { id: ids('bench'), name: 'bench', owner: 'ann', sets: 1, muscles: [] },
    ]);

    // ann's own "bench" wins over the catalog's alias for her; bob's "bench" is the catalog's.
    const ann = JSON.parse((await db.cli(['--user', 'ann', '--json', 'set', 'add', 'bench', '100x5'])).stdout);
    const bob = JSON.parse((await db.cli(['--user', 'bob', '--json', 'set', 'add', 'bench', '100x5'])).stdout);
    expect([ann.exercise, bob.exercise]).toEqual(['bench', 'Bench Press (Barbell)']);
    // ann's "Squatt" is hers: bob typing it gets an exercise of his own.
    const bobSquatt = JSON.parse((await db.cli(['--user', 'bob', '--json', 'set', 'add', 'Squatt', '100x5'])).stdout);
    expect(bobSquatt).toMatchObject({ exercise: 'Squatt', exercise_created: true });
    const [counts] = await db.query<{ squatts: number }>(
      `SELECT count(*)::int AS squatts FROM exercise WHERE lower(name) = 'squatt'`,
    );
    expect(counts).toEqual({ squatts: 2 });
  });
});

describe.skipIf(BACKEND !== 'server')('migration 011 on a shared server with row-level security on', () => {
  test('the new table is under row-level security too, and the roles that could add exercises may use aliases', async () => {
    const role = `cat_ann_${randomBytes(4).toString('hex')}`;
    try {
      for (const statement of BEFORE_CATALOG.split(';').filter((text) => text.trim() !== '')) await db.query(statement);
      await db.query(`CREATE ROLE ${role} LOGIN`);
      // The grants the `db migrate` help recommended before 011, and row-level security on.
      await db.query(`
        GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workout_session, workout_log, personal_record, routine,
          session_exercise_totals TO ${role};
        GRANT SELECT, INSERT ON exercise TO ${role};
        GRANT SELECT ON workout_migration TO ${role};
        ALTER TABLE app_user ENABLE ROW LEVEL SECURITY; ALTER TABLE exercise ENABLE ROW LEVEL SECURITY;
        ALTER TABLE workout_session ENABLE ROW LEVEL SECURITY; ALTER TABLE workout_log ENABLE ROW LEVEL SECURITY;
        ALTER TABLE personal_record ENABLE ROW LEVEL SECURITY; ALTER TABLE routine ENABLE ROW LEVEL SECURITY;
        -- Only 011 is undone: 012's table stays, as 012 leaves it in a database with row-level security on.
        ALTER TABLE session_exercise_totals ENABLE ROW LEVEL SECURITY`);
      await db.release();
      expect((await db.cli(['db', 'migrate'])).code).toBe(0);
      expect(JSON.parse((await db.cli(['--json', 'db', 'status'])).stdout).row_level_security).toBe('on');

      const url = Object.assign(new URL(db.url!), { username: role }).toString();
      const asRole = (args: string[]) => db.cli(['--user', role, ...args], { env: { DATABASE_URL: url } });
      for (const args of [
        ['set', 'add', 'bench', '100x5'],
        ['set', 'add', 'Squatt', '100x5'],
        ['exercise', 'alias', 'bench', 'flat'],
        ['exercise', 'rename', 'Squatt', 'Safety Bar Squat'],
        ['set', 'add', 'flat', '100x3'],
      ]) {
        const result = await asRole(args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      }
    } finally {
      // Roles belong to the whole server: its grants here go first, then the role.
      await db.query(`DROP OWNED BY ${role}`);
      await db.release();
      await withClient(process.env.TEST_DATABASE_URL!, (admin) => admin.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });
});
