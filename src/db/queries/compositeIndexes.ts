import { type DatabasePool, type DatabasePoolConnection, type FragmentSqlToken, sql } from 'slonik';
import { z } from 'zod';
import { WorkoutError } from '../../errors.js';

/**
 * The two composite indexes the hot path needs, by the names the original system gave
 * them. idx_session_exercise is unique on (session_id, exercise_id, set_number): it
 * covers (session_id, exercise_id) and also forbids a repeated set number. Then the two
 * the training views read (migration 012), which a large live server builds here first,
 * concurrently, so that `db migrate` finds them present and writers never wait on a build.
 */
const CONCURRENTLY = (concurrently: boolean) => (concurrently ? sql.fragment`CONCURRENTLY` : sql.fragment``);

/** One index: its name, and how to build or drop it, in a transaction or concurrently. */
function compositeIndex(name: string, kind: 'INDEX' | 'UNIQUE INDEX', definition: FragmentSqlToken) {
  const index = sql.identifier([name]);
  const create = kind === 'UNIQUE INDEX' ? sql.fragment`CREATE UNIQUE INDEX` : sql.fragment`CREATE INDEX`;
  return {
    name,
    create: (concurrently: boolean) =>
      sql.unsafe`${create} ${CONCURRENTLY(concurrently)} IF NOT EXISTS ${index} ${definition}`,
    drop: (concurrently: boolean) => sql.unsafe`DROP INDEX ${CONCURRENTLY(concurrently)} IF EXISTS ${index}`,
  };
}

export const COMPOSITE_INDEXES = [
  compositeIndex('idx_user_active_session', 'INDEX', sql.fragment`ON workout_session (user_id, end_time)`),
  compositeIndex(
    'idx_session_exercise',
    'UNIQUE INDEX',
    sql.fragment`ON workout_log (session_id, exercise_id, set_number)`,
  ),
  compositeIndex(
    'workout_log_exercise_time',
    'INDEX',
    sql.fragment`ON workout_log (user_id, exercise_id, performed_at, id) INCLUDE (session_id, weight, reps, bodyweight, set_type)`,
  ),
  compositeIndex(
    'workout_log_exercise_reps',
    'INDEX',
    sql.fragment`ON workout_log (user_id, exercise_id, reps, weight) INCLUDE (performed_at, bodyweight) WHERE set_type <> 'warmup'`,
  ),
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
    WHERE c.relname = ANY(${sql.array(
      COMPOSITE_INDEXES.map((index) => index.name),
      'text',
    )})
      AND c.relnamespace = current_schema()::regnamespace`);
  return COMPOSITE_INDEXES.map(({ name }) => {
    const row = rows.find((candidate) => candidate.name === name);
    return { name, state: row ? (row.valid ? 'valid' : 'invalid') : 'missing', definition: row?.definition ?? null };
  });
}

/** Index builds were asked for on a connection through a pooler, where they cannot be made safe (exit 1). */
export class PooledConnectionError extends WorkoutError {
  override name = 'PooledConnectionError';
}

const backendPid = sql.type(z.object({ pid: z.number() }))`SELECT pg_backend_pid() AS pid`;

/**
 * Creates missing indexes and rebuilds invalid ones (left by an interrupted
 * CONCURRENTLY build). On a server it builds CONCURRENTLY, so writers go on, under a
 * session advisory lock so that two operators never drop each other's build.
 *
 * A CONCURRENTLY build cannot run in a transaction, so its lifted timeouts and that lock
 * must live in the session: that needs a connection straight to the server. Behind a
 * transaction pooler (PgBouncer) each statement may land on another server connection
 * (the lock "released" on a backend that never took it, the timeout lifted on one and
 * the build cancelled on another, the SET left for the next client), so the builds are
 * refused there. A pooler shows itself by announcing a backend pid at connect
 * (`announcedPid`) that is not the pid of the backend answering. --dry-run, and a run
 * that finds every index valid, only read: they work anywhere.
 */
export async function migrateIndexes(
  pool: DatabasePool,
  {
    concurrently,
    dryRun,
    announcedPid,
  }: { concurrently: boolean; dryRun: boolean; announcedPid: () => number | undefined },
): Promise<Array<{ name: string; action: IndexAction }>> {
  const planned = (await indexStates(pool)).map(({ name, state }) => ({
    name,
    action: (state === 'valid' ? 'present' : state === 'missing' ? 'would create' : 'would rebuild') as IndexAction,
  }));
  if (dryRun || planned.every((index) => index.action === 'present')) return planned;
  return pool.connect(async (connection: DatabasePoolConnection) => {
    if (concurrently && (await connection.oneFirst(backendPid)) !== announcedPid()) {
      throw new PooledConnectionError(
        'db migrate-indexes needs a direct connection to the server, not one through a connection pooler ' +
          '(PgBouncer): point --database-url at the server itself (--dry-run works through the pooler)',
      );
    }
    await connection.query(sql.unsafe`SELECT pg_advisory_lock(hashtext('workout_migrate_indexes'))`);
    try {
      // An index build on a large table outlasts any per-statement limit meant for sets, and
      // CONCURRENTLY waits for every transaction in flight: giving up at lock_timeout would
      // leave an INVALID index behind (still updated by every write) instead of an index.
      // Session settings are safe here: the connection is the server's own and ends with the command.
      await connection.query(sql.unsafe`SET statement_timeout = 0`);
      await connection.query(sql.unsafe`SET lock_timeout = 0`);
      const states = await indexStates(connection);
      const results: Array<{ name: string; action: IndexAction }> = [];
      for (const index of COMPOSITE_INDEXES) {
        const state = states.find((candidate) => candidate.name === index.name)!.state;
        if (state === 'valid') {
          results.push({ name: index.name, action: 'present' });
          continue;
        }
        try {
          if (state === 'invalid') await connection.query(index.drop(concurrently));
          await connection.query(index.create(concurrently));
        } catch (error) {
          if (!concurrently) throw error;
          throw new WorkoutError(
            `building ${index.name} failed (${messageOf(error)}): it may be left INVALID, which every write still ` +
              'maintains; run `workout db migrate-indexes` again to rebuild it',
          );
        }
        results.push({ name: index.name, action: state === 'missing' ? 'created' : 'rebuilt' });
      }
      return results;
    } finally {
      await connection.query(sql.unsafe`SELECT pg_advisory_unlock(hashtext('workout_migrate_indexes'))`);
    }
  });
}

/** The innermost message (slonik wraps the driver's error). */
function messageOf(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
