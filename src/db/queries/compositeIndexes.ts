import { sql, type DatabasePool, type DatabasePoolConnection } from 'slonik';
import { z } from 'zod';

/**
 * The two composite indexes the hot path needs, by the names the original system gave
 * them. idx_session_exercise is unique on (session_id, exercise_id, set_number): it
 * covers (session_id, exercise_id) and also forbids a repeated set number.
 */
export const COMPOSITE_INDEXES = [
  {
    name: 'idx_user_active_session',
    create: (concurrently: boolean) =>
      concurrently
        ? sql.unsafe`CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_user_active_session ON workout_session (user_id, end_time)`
        : sql.unsafe`CREATE INDEX IF NOT EXISTS idx_user_active_session ON workout_session (user_id, end_time)`,
    drop: (concurrently: boolean) =>
      concurrently
        ? sql.unsafe`DROP INDEX CONCURRENTLY IF EXISTS idx_user_active_session`
        : sql.unsafe`DROP INDEX IF EXISTS idx_user_active_session`,
  },
  {
    name: 'idx_session_exercise',
    create: (concurrently: boolean) =>
      concurrently
        ? sql.unsafe`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_session_exercise ON workout_log (session_id, exercise_id, set_number)`
        : sql.unsafe`CREATE UNIQUE INDEX IF NOT EXISTS idx_session_exercise ON workout_log (session_id, exercise_id, set_number)`,
    drop: (concurrently: boolean) =>
      concurrently
        ? sql.unsafe`DROP INDEX CONCURRENTLY IF EXISTS idx_session_exercise`
        : sql.unsafe`DROP INDEX IF EXISTS idx_session_exercise`,
  },
] as const;

export type IndexState = 'valid' | 'invalid' | 'missing';
export type IndexAction = 'present' | 'created' | 'rebuilt' | 'would create' | 'would rebuild';

const indexRow = z.object({ name: z.string(), valid: z.boolean(), definition: z.string() });

export async function indexStates(
  connection: Pick<DatabasePool, 'any'>,
): Promise<Array<{ name: string; state: IndexState; definition: string | null }>> {
  const rows = await connection.any(sql.type(indexRow)`
    SELECT c.relname AS name, i.indisvalid AND i.indisready AS valid, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname = ANY(${sql.array(COMPOSITE_INDEXES.map((index) => index.name), 'text')})
      AND c.relnamespace = current_schema()::regnamespace`);
  return COMPOSITE_INDEXES.map(({ name }) => {
    const row = rows.find((candidate) => candidate.name === name);
    return { name, state: row ? (row.valid ? 'valid' : 'invalid') : 'missing', definition: row?.definition ?? null };
  });
}

/**
 * Creates missing indexes and rebuilds invalid ones (left by an interrupted
 * CONCURRENTLY build). On a server it builds CONCURRENTLY, so writers go on, under a
 * session advisory lock so that two operators never drop each other's build.
 */
export async function migrateIndexes(
  pool: DatabasePool,
  { concurrently, dryRun }: { concurrently: boolean; dryRun: boolean },
): Promise<Array<{ name: string; action: IndexAction }>> {
  return pool.connect(async (connection: DatabasePoolConnection) => {
    await connection.query(sql.unsafe`SELECT pg_advisory_lock(hashtext('workout_migrate_indexes'))`);
    try {
      // An index build on a large table outlasts any per-statement limit meant for sets, and
      // CONCURRENTLY waits for every transaction in flight: giving up at lock_timeout would
      // leave an INVALID index behind (still updated by every write) instead of an index.
      await connection.query(sql.unsafe`SET statement_timeout = 0`);
      await connection.query(sql.unsafe`SET lock_timeout = 0`);
      const states = await indexStates(connection);
      const results: Array<{ name: string; action: IndexAction }> = [];
      for (const index of COMPOSITE_INDEXES) {
        const state = states.find((candidate) => candidate.name === index.name)!.state;
        if (state === 'valid') {
          results.push({ name: index.name, action: 'present' });
        } else if (dryRun) {
          results.push({ name: index.name, action: state === 'missing' ? 'would create' : 'would rebuild' });
        } else {
          if (state === 'invalid') await connection.query(index.drop(concurrently));
          await connection.query(index.create(concurrently));
          results.push({ name: index.name, action: state === 'missing' ? 'created' : 'rebuilt' });
        }
      }
      return results;
    } finally {
      await connection.query(sql.unsafe`SELECT pg_advisory_unlock(hashtext('workout_migrate_indexes'))`);
    }
  });
}
