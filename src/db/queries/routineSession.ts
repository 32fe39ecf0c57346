import { type DatabaseTransactionConnection, type FragmentSqlToken, sql } from 'slonik';
import { z } from 'zod';
import { WorkoutError } from '../../errors.js';
import { appliedVersion, assertSchemaVersion } from '../schemaVersion.js';

type Reader = Pick<DatabaseTransactionConnection, 'any' | 'maybeOne'>;

/**
 * Rows (name, rank): every name the exercise answers to for the session `s`'s user (its
 * name and aliases, lower-cased), ranked as names resolve, weakest first, so that a later
 * entry of the same name wins a lookup. A routine line written "bench" finds the sets of
 * Bench Press (Barbell).
 */
function answeringNames(exerciseId: FragmentSqlToken) {
  return sql.fragment`
    SELECT lower(e.name) AS name, CASE WHEN e.user_id IS NULL THEN 2 ELSE 4 END AS rank
    FROM exercise e WHERE e.id = ${exerciseId}
    UNION ALL
    SELECT lower(a.alias), CASE WHEN a.user_id IS NULL THEN 1 ELSE 3 END
    FROM exercise_alias a WHERE a.exercise_id = ${exerciseId} AND (a.user_id IS NULL OR a.user_id = s.user_id)`;
}

const followed = z.object({
  session_id: z.number(),
  routine_id: z.number().nullable(),
  routine_name: z.string().nullable(),
  source: z.string().nullable(),
  /** Sets already logged per exercise, under each of its names and aliases (lower-cased), warm-ups apart. */
  done: z.array(z.object({ exercise: z.string(), warmups: z.number(), work: z.number() })),
});

/** The user has no active session, or it follows no routine. */
export class NoRoutineSessionError extends WorkoutError {
  override name = 'NoRoutineSessionError';
}

export type FollowedRoutine = {
  sessionId: number;
  routineId: number;
  routineName: string;
  source: string;
  done: z.infer<typeof followed>['done'];
};

/** The user's active session and the routine it follows, with what it holds so far. */
export async function followedRoutine(connection: Reader, userId: number): Promise<FollowedRoutine> {
  const row = await connection.maybeOne(sql.type(followed)`
    SELECT s.id AS session_id, r.id AS routine_id, r.name AS routine_name, r.source,
      coalesce((
        -- Under each name the exercise answers to (see answeringNames).
        SELECT json_agg(json_build_object('exercise', n.name, 'warmups', c.warmups, 'work', c.work) ORDER BY n.rank)
        FROM (
          SELECT l.exercise_id,
                 count(*) FILTER (WHERE l.set_type = 'warmup') AS warmups,
                 count(*) FILTER (WHERE l.set_type <> 'warmup') AS work
          FROM workout_log l
          WHERE l.session_id = s.id
          GROUP BY l.exercise_id
        ) c
        CROSS JOIN LATERAL (${answeringNames(sql.fragment`c.exercise_id`)}) n
      ), '[]') AS done
    FROM workout_session s LEFT JOIN routine r ON r.id = s.routine_id
    WHERE s.user_id = ${userId} AND s.end_time IS NULL`);
  if (!row) throw new NoRoutineSessionError('no active session; start one with `workout session start --routine NAME`');
  if (row.routine_id === null || row.routine_name === null || row.source === null) {
    throw new NoRoutineSessionError(
      `session ${row.session_id} follows no routine; end it (\`workout session end\`) and start one with \`workout session start --routine NAME\``,
    );
  }
  return {
    sessionId: row.session_id,
    routineId: row.routine_id,
    routineName: row.routine_name,
    source: row.source,
    done: row.done,
  };
}

/**
 * The schema check inside the caller's transaction, before anything reads the routine
 * tables: a writer opened with SchemaNeed 'current-read-by-work' sends nothing outside it.
 */
export async function assertSchemaInTransaction(tx: Pick<DatabaseTransactionConnection, 'oneFirst'>): Promise<void> {
  assertSchemaVersion(
    await tx.oneFirst(sql.type(z.object({ version: z.number().nullable() }))`SELECT ${appliedVersion} AS version`),
  );
}

const sessionRoutineRow = z.object({
  name: z.string(),
  source: z.string(),
  /** The session's exercises under each name they answer to (lower-cased), weakest first. */
  names: z.array(z.object({ name: z.string(), exercise: z.string() })),
});

/** The name and text of the routine a session follows, or null; with the names its exercises answer to. */
export async function sessionRoutine(
  connection: Pick<DatabaseTransactionConnection, 'maybeOne'>,
  sessionId: number,
): Promise<z.infer<typeof sessionRoutineRow> | null> {
  return connection.maybeOne(sql.type(sessionRoutineRow)`
    SELECT r.name, r.source,
      coalesce((
        SELECT json_agg(json_build_object('name', n.name, 'exercise', e.name) ORDER BY n.rank)
        FROM (SELECT DISTINCT l.exercise_id FROM workout_log l WHERE l.session_id = s.id) c
        JOIN exercise e ON e.id = c.exercise_id
        CROSS JOIN LATERAL (${answeringNames(sql.fragment`c.exercise_id`)}) n
      ), '[]') AS names
    FROM workout_session s JOIN routine r ON r.id = s.routine_id WHERE s.id = ${sessionId}`);
}
