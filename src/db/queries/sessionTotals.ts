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
 * Per session whose first set lies in the range, dated by that set: its working sets
 * (not warm-ups), their reps and volume (kilograms x reps; a bodyweight set counts its
 * added load). Read from session_exercise_totals (012), one row per session and exercise,
 * from the index alone; a session whose first set is in the range counts whole.
 */
export async function sessionTotals(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  { from, to }: DateRange,
): Promise<SessionTotals[]> {
  return [
    ...(await pool.any(sql.type(sessionTotalsRow)`
      SELECT session_id, min(first_at) AS first_at, sum(working_sets) AS working_sets, sum(reps) AS reps,
             sum(volume) AS volume
      FROM session_exercise_totals
      WHERE user_id = ${userId} ${sessionsFrom(from)}
      GROUP BY session_id
      ${sessionsBefore(to)}
      ORDER BY first_at`)),
  ];
}

/**
 * A session is in the range when its first set is: every exercise of a session that began
 * on or after --from began then too (a filter on the index), and the session's first set
 * is before --to (a filter on the group).
 */
export function sessionsFrom(from: Date | null) {
  return from ? sql.fragment`AND first_at >= ${sql.timestamp(from)}` : sql.fragment``;
}

export function sessionsBefore(to: Date | null) {
  return to ? sql.fragment`HAVING min(first_at) < ${sql.timestamp(to)}` : sql.fragment``;
}
