import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { UsageError, WorkoutError } from '../../errors.js';
import { formatLocal } from '../../ui/time.js';
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

/** The CTE `active`: the user's active session, its start and its last set (its start when it has none). */
function activeSpan(userId: number) {
  return sql.fragment`active AS (
    SELECT s.id, s.start_time,
           greatest(s.start_time, (SELECT max(l.performed_at) FROM workout_log l WHERE l.session_id = s.id)) AS last_at
    FROM workout_session s WHERE s.user_id = ${userId} AND s.end_time IS NULL
  )`;
}

export type StartedSession = SessionSummary & { closed_session_id: number | null; closed_at: Date | null };

/**
 * Starts a session at `at` (null: now). An active session idle for more than the gap
 * before that time is over: it is ended at its last set first. A session still going
 * is not ended: that is `session end`'s job.
 */
export async function startSession(
  pool: DatabasePool,
  userName: string,
  {
    name,
    at,
    gapMinutes,
    routine,
  }: { name: string | null; at: Date | null; gapMinutes: number; routine: string | null },
): Promise<StartedSession> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    // A session that follows a routine is named after it unless named otherwise.
    const followed = routine === null ? null : await routineNamed(tx, userId, routine);
    const startAt = at ? sql.timestamp(at) : sql.fragment`now()`;
    const closed = await tx.maybeOne(sql.type(z.object({ id: z.number(), end_time: z.date() }))`
      WITH ${activeSpan(userId)}
      UPDATE workout_session s SET end_time = a.last_at
      FROM active a
      WHERE s.id = a.id AND ${startAt} > a.last_at + make_interval(mins => ${gapMinutes})
      RETURNING s.id, s.end_time`);
    const active = await tx.maybeOne(sql.type(sessionRow)`
      SELECT ${summaryColumns} FROM workout_session s WHERE s.user_id = ${userId} AND s.end_time IS NULL`);
    if (active) {
      throw new WorkoutError(
        `session ${active.id} is already active (started ${formatLocal(active.start_time)}, ${active.set_count} set(s)); ` +
          'end it with `workout session end`',
      );
    }
    const started = await tx.one(sql.type(sessionRow)`
      INSERT INTO workout_session AS s (user_id, name, start_time, routine_id)
      VALUES (${userId}, ${name ?? followed?.name ?? null}, ${startAt}, ${followed?.id ?? null})
      RETURNING s.id, s.name, s.start_time, s.end_time, 0::int8 AS set_count, 0::int8 AS exercise_count`);
    return { ...started, closed_session_id: closed?.id ?? null, closed_at: closed?.end_time ?? null };
  });
}

/**
 * Ends the active session at `at` (null: now, or its last set if that is later). The
 * end may not come before the session's start or its last set: a session holds its sets.
 */
export async function endSession(pool: DatabasePool, userName: string, at: Date | null): Promise<SessionSummary> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const endAt = at ? sql.fragment`${sql.timestamp(at)}` : sql.fragment`greatest(now(), a.last_at)`;
    // Compared in SQL: a set logged "now" has microseconds that a JavaScript Date drops.
    const span = await tx.maybeOne(sql.type(
      z.object({ id: z.number(), start_time: z.date(), last_at: z.date(), too_early: z.boolean() }),
    )`
      WITH ${activeSpan(userId)}
      SELECT a.id, a.start_time, a.last_at, ${endAt} < a.last_at AS too_early FROM active a`);
    if (!span) throw new WorkoutError('no active session to end; start one with `workout session start`');
    if (span.too_early && at) {
      const what =
        span.last_at.getTime() === span.start_time.getTime() ? 'the session started' : "the session's last set";
      throw new UsageError(`--at ${formatLocal(at)} is before ${what} (${formatLocal(span.last_at)})`);
    }
    return tx.one(sql.type(sessionRow)`
      WITH ${activeSpan(userId)}
      UPDATE workout_session AS s SET end_time = ${endAt}
      FROM active a
      WHERE s.id = a.id
      RETURNING ${summaryColumns}`);
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
