import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { DateRange } from '../../domain/dateRange.js';

const sessionTotalsRow = z.object({
  session_id: z.number(),
  first_at: z.date(),
  working_sets: z.number(),
  reps: z.number(),
  volume: z.number(),
});

export type SessionTotals = z.infer<typeof sessionTotalsRow>;

/**
 * Per session with sets in the range, dated by its first one: the sets that are not
 * warm-ups, their reps and volume (kilograms x reps; a bodyweight set counts its added
 * load). One pass over workout_log_user_time from --from to --to.
 */
export async function sessionTotals(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  { from, to }: DateRange,
): Promise<SessionTotals[]> {
  return [
    ...(await pool.any(sql.type(sessionTotalsRow)`
      SELECT l.session_id, min(l.performed_at) AS first_at,
             count(*) FILTER (WHERE l.set_type <> 'warmup') AS working_sets,
             coalesce(sum(l.reps) FILTER (WHERE l.set_type <> 'warmup'), 0) AS reps,
             coalesce(sum(l.weight * l.reps) FILTER (WHERE l.set_type <> 'warmup'), 0) AS volume
      FROM workout_log l
      WHERE l.user_id = ${userId}
        ${from ? sql.fragment`AND l.performed_at >= ${sql.timestamp(from)}` : sql.fragment``}
        ${to ? sql.fragment`AND l.performed_at < ${sql.timestamp(to)}` : sql.fragment``}
      GROUP BY l.session_id
      ORDER BY first_at`)),
  ];
}
