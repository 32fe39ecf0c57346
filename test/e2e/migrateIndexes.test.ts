import { setTimeout as sleep } from 'node:timers/promises';
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

type IndexRow = { name: string; oid: string; filenode: string; valid: boolean; ready: boolean; definition: string };

/** Every index on the two tables, with what a rebuild would change (oid, relfilenode). */
async function indexCatalog(): Promise<IndexRow[]> {
  return db.query<IndexRow>(`
    SELECT c.relname AS name, c.oid::int8::text AS oid, c.relfilenode::text AS filenode,
           i.indisvalid AS valid, i.indisready AS ready, pg_get_indexdef(c.oid) AS definition
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_class t ON t.oid = i.indrelid
    WHERE t.relname IN ('workout_session', 'workout_log')
    ORDER BY c.relname COLLATE "C"`);
}

const COMPOSITE = ['idx_session_exercise', 'idx_user_active_session'];
const composite = (rows: IndexRow[]) => rows.filter((row) => COMPOSITE.includes(row.name));

describe('db migrate-indexes', () => {
  test('creates both indexes where missing; --dry-run and a second run change nothing', async () => {
    const original = await indexCatalog();
    expect(composite(original).map((row) => row.name)).toEqual(COMPOSITE);
    await db.query('DROP INDEX idx_user_active_session');
    await db.query('DROP INDEX idx_session_exercise');
    const dropped = await indexCatalog();
    expect(composite(dropped)).toEqual([]);

    const dryRun = await db.cli(['db', 'migrate-indexes', '--dry-run']);
    expect(dryRun).toMatchObject({
      code: 0,
      stdout:
        'idx_user_active_session: would create\nidx_session_exercise: would create\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
      stderr: '',
    });
    expect(await indexCatalog()).toEqual(dropped);

    const created = await db.cli(['db', 'migrate-indexes']);
    expect(created).toMatchObject({
      code: 0,
      stdout:
        'idx_user_active_session: created\nidx_session_exercise: created\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
      stderr: '',
    });
    const rebuilt = await indexCatalog();
    // The same definitions db migrate gives (CONCURRENTLY or not), valid and ready.
    expect(rebuilt.map(({ name, definition, valid, ready }) => ({ name, definition, valid, ready }))).toEqual(
      original.map(({ name, definition, valid, ready }) => ({ name, definition, valid, ready })),
    );

    const again = await db.cli(['db', 'migrate-indexes']);
    expect(again).toMatchObject({
      code: 0,
      stdout:
        'idx_user_active_session: present\nidx_session_exercise: present\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
    });
    expect(await indexCatalog()).toEqual(rebuilt);
  });

  test('rebuilds an INVALID index and leaves the valid one alone', async () => {
    const original = await indexCatalog();
    // What an interrupted CREATE INDEX CONCURRENTLY leaves behind (we are superuser on both backends).
    await db.query(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'idx_session_exercise'::regclass`);
    const invalid = await indexCatalog();

    const status = await db.cli(['db', 'status']);
    expect(status.stdout).toContain(
      'index:       idx_user_active_session valid\nindex:       idx_session_exercise invalid\n' +
        'index:       workout_log_exercise_time valid\nindex:       workout_log_exercise_reps valid\n',
    );
    const dryRun = await db.cli(['db', 'migrate-indexes', '--dry-run']);
    expect(dryRun.stdout).toBe(
      'idx_user_active_session: present\nidx_session_exercise: would rebuild\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
    );
    expect(await indexCatalog()).toEqual(invalid);

    const repaired = await db.cli(['db', 'migrate-indexes']);
    expect(repaired).toMatchObject({
      code: 0,
      stdout:
        'idx_user_active_session: present\nidx_session_exercise: rebuilt\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
      stderr: '',
    });
    const after = await indexCatalog();
    const byName = (rows: IndexRow[], name: string) => rows.find((row) => row.name === name)!;
    expect(byName(after, 'idx_user_active_session')).toEqual(byName(original, 'idx_user_active_session'));
    const rebuilt = byName(after, 'idx_session_exercise');
    expect(rebuilt).toMatchObject({
      valid: true,
      ready: true,
      definition: byName(original, 'idx_session_exercise').definition,
    });
    expect(rebuilt.oid).not.toBe(byName(original, 'idx_session_exercise').oid);
  });
});

describe.skipIf(BACKEND !== 'server')('db migrate-indexes on a server', () => {
  test('an index left INVALID by a failed CREATE INDEX CONCURRENTLY is rebuilt once the cause is gone', async () => {
    await db.cli(['set', 'add', 'Bench Press', '100x5']);
    await db.query('DROP INDEX idx_session_exercise');
    // A repeated set number: the unique build fails half-way and leaves its index INVALID.
    await db.query(`INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
                    SELECT session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at FROM workout_log`);
    const failed = await db.cli(['db', 'migrate-indexes']);
    expect(failed.code).toBe(1);
    // Never "nothing was written": the failed build may have left its index behind.
    expect(failed.stderr).toMatch(
      /^workout: building idx_session_exercise failed \(could not create unique index .*\): it may be left INVALID, .*run `workout db migrate-indexes` again to rebuild it\n$/,
    );
    const [left] = await db.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'idx_session_exercise'::regclass`,
    );
    expect(left).toEqual({ valid: false });

    await db.query(`DELETE FROM workout_log WHERE id = (SELECT max(id) FROM workout_log)`);
    const repaired = await db.cli(['db', 'migrate-indexes']);
    expect(repaired).toMatchObject({
      code: 0,
      stdout:
        'idx_user_active_session: present\nidx_session_exercise: rebuilt\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
    });
    const [valid] = await db.query<{ valid: boolean; unique: boolean }>(
      `SELECT indisvalid AS valid, indisunique AS unique FROM pg_index WHERE indexrelid = 'idx_session_exercise'::regclass`,
    );
    expect(valid).toEqual({ valid: true, unique: true });
  });

  test('a live writer: the CONCURRENTLY build waits for it past --lock-timeout, and leaves no INVALID index', async () => {
    await db.cli(['set', 'add', 'Bench Press', '100x5']);
    await db.query('DROP INDEX idx_session_exercise');
    await withClient(db.url!, async (writer) => {
      // A user's set add in flight: CREATE INDEX CONCURRENTLY must wait for its transaction.
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
                          SELECT session_id, user_id, exercise_id, 2, weight, unit, reps, now() FROM workout_log`);
      let done = false;
      const build = db.cli(['--lock-timeout', '1', 'db', 'migrate-indexes']).finally(() => (done = true));
      // Keep the writer open until the build has waited longer than --lock-timeout (or has given up).
      for (;;) {
        const [waiting] = await db.query<{ long: boolean }>(`
          SELECT coalesce(bool_or(now() - query_start > interval '2 seconds'), false) AS long FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'`);
        if (done || waiting?.long) break;
        await sleep(100);
      }
      await writer.query('COMMIT');
      const result = await build;
      expect(result).toMatchObject({
        code: 0,
        stdout:
          'idx_user_active_session: present\nidx_session_exercise: created\nworkout_log_exercise_time: present\nworkout_log_exercise_reps: present\n',
        stderr: '',
      });
    });
    const [index] = await db.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'idx_session_exercise'::regclass`,
    );
    expect(index).toEqual({ valid: true });
  });
});
