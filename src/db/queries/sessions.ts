import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { UsageError, WorkoutError } from '../../errors.js';
import { findUserId, lockUser } from './lockUser.js';
import { loggedSet } from './loggedSet.js';
import { routineNamed } from './routineRead.js';

const sessionRow = z.object({
  id: z.number(),
  name: z.string().nullable(),
  start_time: z.date(),
  end_time: z.date().nullable(),
  set_count: z.number(),
  exercise_count: z.number(),
});
export type SessionSummary = z.infer<typeof sessionRow>;

const summaryColumns = sql.fragment`
  s.id, s.name, s.start_time, s.end_time,
  (SELECT count(*) FROM workout_log l WHERE l.session_id = s.id) AS set_count,
  (SELECT count(DISTINCT l.exercise_id) FROM workout_log l WHERE l.session_id = s.id) AS exercise_count`;

export async function startSession(
  pool: DatabasePool,
  userName: string,
  { name, at, routine }: { name: string | null; at: Date | null; routine: string | null },
): Promise<SessionSummary> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    // A session that follows a routine is named after it unless named otherwise.
    const followed = routine === null ? null : await routineNamed(tx, userId, routine);
    const active = await tx.maybeOne(sql.type(sessionRow)`
      SELECT ${summaryColumns} FROM workout_session s WHERE s.user_id = ${userId} AND s.end_time IS NULL`);
    if (active) {
      throw new WorkoutError(
        `session ${active.id} is already active (started ${active.start_time.toISOString()}, ${active.set_count} set(s)); ` +
          'end it with `workout session end`',
      );
    }
    return tx.one(sql.type(sessionRow)`
      INSERT INTO workout_session AS s (user_id, name, start_time, routine_id)
      VALUES (${userId}, ${name ?? followed?.name ?? null}, ${at ? sql.timestamp(at) : sql.fragment`now()`}, ${followed?.id ?? null})
      RETURNING s.id, s.name, s.start_time, s.end_time, 0::int8 AS set_count, 0::int8 AS exercise_count`);
  });
}

export async function endSession(pool: DatabasePool, userName: string, at: Date | null): Promise<SessionSummary> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    if (at) {
      const start = await tx.maybeOneFirst(sql.type(z.object({ start_time: z.date() }))`
        SELECT start_time FROM workout_session WHERE user_id = ${userId} AND end_time IS NULL`);
      if (start && at < start) {
        throw new UsageError(`--at ${at.toISOString()} is before the session started (${start.toISOString()})`);
      }
    }
    const ended = await tx.maybeOne(sql.type(sessionRow)`
      UPDATE workout_session AS s
      SET end_time = ${at ? sql.timestamp(at) : sql.fragment`greatest(now(), s.start_time)`}
      WHERE s.user_id = ${userId} AND s.end_time IS NULL
      RETURNING ${summaryColumns}`);
    if (!ended) throw new WorkoutError('no active session to end; start one with `workout session start`');
    return ended;
  });
}

export async function listSessions(pool: DatabasePool, userName: string, limit: number): Promise<SessionSummary[]> {
  const userId = await findUserId(pool, userName);
  if (userId === undefined) return [];
  return [
    ...(await pool.any(sql.type(sessionRow)`
      SELECT ${summaryColumns} FROM workout_session s
      WHERE s.user_id = ${userId}
      ORDER BY s.end_time DESC NULLS FIRST, s.id DESC
      LIMIT ${limit}`)),
  ];
}

const setRow = loggedSet.extend({ exercise: z.string() });
export type SessionSet = z.infer<typeof setRow>;

/** A session with its sets; by default the active one, else the latest. Only the user's own. */
export async function showSession(
  pool: DatabasePool,
  userName: string,
  id: number | undefined,
): Promise<{ session: SessionSummary; sets: SessionSet[] }> {
  const userId = await findUserId(pool, userName);
  const session =
    userId === undefined
      ? null
      : await pool.maybeOne(sql.type(sessionRow)`
          SELECT ${summaryColumns} FROM workout_session s
          WHERE s.user_id = ${userId} ${id === undefined ? sql.fragment`` : sql.fragment`AND s.id = ${id}`}
          ORDER BY s.end_time DESC NULLS FIRST
          LIMIT 1`);
  if (!session) {
    throw new WorkoutError(id === undefined ? `no sessions yet for ${userName}` : `no session ${id} for ${userName}`);
  }
  const sets = await pool.any(sql.type(setRow)`
    SELECT l.id, l.session_id, e.name AS exercise, l.set_number, l.weight, l.unit, l.bodyweight, l.reps, l.rpe, l.set_type,
           l.performed_at, l.notes
    FROM workout_log l JOIN exercise e ON e.id = l.exercise_id
    WHERE l.session_id = ${session.id}
    ORDER BY l.performed_at, l.id`);
  return { session, sets: [...sets] };
}
