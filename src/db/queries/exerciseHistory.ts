import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { DateRange } from '../../domain/dateRange.js';
import { SET_TYPES } from '../../domain/limits.js';
import { RECORD_KINDS } from '../../domain/records.js';
import { UNITS } from '../../domain/units.js';
import { resolvedExerciseId } from './resolveExercise.js';

const historySet = z.object({
  id: z.number(),
  set_number: z.number(),
  weight: z.number(),
  unit: z.enum(UNITS),
  bodyweight: z.boolean(),
  reps: z.number(),
  set_type: z.enum(SET_TYPES),
});

const historyRow = z.object({
  session_id: z.number(),
  started_at: z.date(),
  sets: z.array(historySet),
  volume: z.number(),
  e1rm: z.number().nullable(),
  records: z.array(z.object({ kind: z.enum(RECORD_KINDS), reps: z.number() })),
});

export type HistorySet = z.infer<typeof historySet>;
export type HistoryRow = z.infer<typeof historyRow>;

/**
 * One row per session with the exercise, newest first: its sets, volume (kilograms x
 * reps of the non-warm-up sets; a bodyweight set counts its added load), best e1RM, and
 * the records it set, judged against every earlier session by the rule every writer uses
 * (workout_record_candidates). A session is dated by its first set of the exercise.
 * The exercise's whole history is read once through workout_log_user_exercise (the
 * records need what came before --from); the shown sessions' sets through idx_session_exercise.
 */
export async function exerciseHistory(
  pool: Pick<DatabasePool, 'transaction'>,
  userId: number,
  exercise: string,
  { from, to }: DateRange,
  limit: number,
): Promise<HistoryRow[]> {
  const before = to ? sql.fragment`AND l.performed_at < ${sql.timestamp(to)}` : sql.fragment``;
  const since = from ? sql.fragment`WHERE first_at >= ${sql.timestamp(from)}` : sql.fragment``;
  return pool.transaction(async (tx) => {
    // Judging every earlier session aggregates and sorts ~5 candidates per set: in memory,
    // not on disk (90,000 sets of one exercise: 2.7 s with the default 4 MB, see test/bench/trainingReads.ts).
    await tx.query(sql.unsafe`SET LOCAL work_mem = '64MB'`);
    return [
      ...(await tx.any(sql.type(historyRow)`
      WITH ex AS (
        SELECT ${resolvedExerciseId(userId, exercise)} AS id
      ), history AS MATERIALIZED (
        SELECT l.session_id, l.performed_at, l.weight, l.reps, l.bodyweight, l.set_type
        FROM workout_log l
        WHERE l.user_id = ${userId} AND l.exercise_id = (SELECT id FROM ex) ${before}
      ), sessions AS (
        SELECT session_id, min(performed_at) AS first_at FROM history GROUP BY session_id
      ), best AS (
        SELECT h.session_id, c.kind, c.reps, max(c.value) AS value
        FROM history h CROSS JOIN LATERAL workout_record_candidates(h.weight, h.reps, h.bodyweight, h.set_type) c
        GROUP BY h.session_id, c.kind, c.reps
      ), judged AS (
        SELECT b.session_id, b.kind, b.reps, b.value,
               b.value > coalesce(max(b.value) OVER (
                 PARTITION BY b.kind, b.reps ORDER BY s.first_at, b.session_id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS is_record
        FROM best b JOIN sessions s USING (session_id)
      ), per_session AS (
        SELECT session_id, max(value) FILTER (WHERE kind = 'e1rm') AS e1rm,
               coalesce(json_agg(json_build_object('kind', kind, 'reps', reps) ORDER BY kind, reps) FILTER (WHERE is_record), '[]')
                 AS records
        FROM judged GROUP BY session_id
      ), shown AS (
        SELECT session_id, first_at FROM sessions ${since}
        ORDER BY first_at DESC, session_id DESC
        LIMIT ${limit}
      )
      SELECT sh.session_id, sh.first_at AS started_at,
        (SELECT json_agg(json_build_object(
                  'id', l.id, 'set_number', l.set_number, 'weight', l.weight, 'unit', l.unit,
                  'bodyweight', l.bodyweight, 'reps', l.reps, 'set_type', l.set_type) ORDER BY l.set_number)
         FROM workout_log l WHERE l.session_id = sh.session_id AND l.exercise_id = (SELECT id FROM ex)) AS sets,
        (SELECT coalesce(sum(l.weight * l.reps), 0) FROM workout_log l
         WHERE l.session_id = sh.session_id AND l.exercise_id = (SELECT id FROM ex) AND l.set_type <> 'warmup') AS volume,
        p.e1rm, coalesce(p.records, '[]') AS records
      FROM shown sh LEFT JOIN per_session p USING (session_id)
      ORDER BY sh.first_at DESC, sh.session_id DESC`)),
    ];
  });
}
