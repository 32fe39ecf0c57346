import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FIXTURES } from '../helpers/importFixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Source keys by user, as migration 006 leaves them. */
async function keys(): Promise<string[]> {
  const rows = await db.query<{ key: string }>(`
    SELECT u.name || ' ' || s.source_key AS key FROM workout_session s JOIN app_user u ON u.id = s.user_id ORDER BY 1`);
  await db.release();
  return rows.map((row) => row.key);
}

describe('migration 006: Strong 6 keys lose their workout number', () => {
  test('the lowest number at a start takes the plain key, unless it is taken; then an import finds them', async () => {
    await db.query(`INSERT INTO app_user (name) VALUES ('tester'), ('other')`);
    await db.query(`
      INSERT INTO workout_session (user_id, source_key, start_time, end_time)
      SELECT u.id, k.key, timestamptz '2024-06-10 17:20Z', timestamptz '2024-06-10 18:20Z'
      FROM (VALUES
        ('tester', 'strong:2024-06-10 18:20:00#42'), ('tester', 'strong:2024-06-10 18:20:00#41'),
        ('tester', 'strong:2024-08-01 07:00:00'), ('tester', 'strong:2024-08-01 07:00:00#7'),
        ('tester', 'hevy:2024-06-10 18:20:00|Push #3'), ('other', 'strong:2024-06-10 18:20:00#41')
      ) AS k (name, key) JOIN app_user u ON u.name = k.name`);
    // As a database from before 006: the migration is pending again.
    await db.query('DELETE FROM workout_migration WHERE version = 6');
    await db.release();

    const migrate = await db.cli(['db', 'migrate']);
    expect([migrate.code, migrate.stderr]).toEqual([0, '']);
    expect(await keys()).toEqual([
      'other strong:2024-06-10 18:20:00',
      'tester hevy:2024-06-10 18:20:00|Push #3',
      'tester strong:2024-06-10 18:20:00',
      'tester strong:2024-06-10 18:20:00#42',
      'tester strong:2024-08-01 07:00:00',
      'tester strong:2024-08-01 07:00:00#7',
    ]);

    // Workouts #41 and #42 of this Strong 6 file, both started 2024-06-10 18:20:00, are those sessions.
    const again = await db.cli(['import', path.join(FIXTURES, 'strong-6.csv'), '--tz', 'Europe/London', '--json']);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ sessions_added: 0, already_present: { sessions: 2 } });
  });
});
