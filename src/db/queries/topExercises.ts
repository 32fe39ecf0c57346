import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { DateRange } from '../../domain/dateRange.js';
import { sessionsBefore, sessionsFrom } from './sessionTotals.js';

const topExerciseRow = z.object({ exercise: z.string(), volume: z.number(), working_sets: z.number() });

export type TopExercise = z.infer<typeof topExerciseRow>;

/**
 * The user's exercises with the most volume (sets that are not warm-ups) in the sessions
 * of the range (as sessionTotals counts them), most first.
 */
export async function topExercises(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  { from, to }: DateRange,
  limit: number,
): Promise<TopExercise[]> {
  return [
    ...(await pool.any(sql.type(topExerciseRow)`
      SELECT * FROM (
        -- The names by primary key, for the user's exercises only (a join would read the whole shared list).
        SELECT (SELECT e.name FROM exercise e WHERE e.id = t.exercise_id) AS exercise, t.volume, t.working_sets
        FROM (
          SELECT exercise_id, sum(volume) AS volume, sum(working_sets) AS working_sets
          FROM session_exercise_totals
          WHERE user_id = ${userId} ${sessionsFrom(from)}
            ${to ? sql.fragment`AND session_id IN (SELECT session_id FROM session_exercise_totals WHERE user_id = ${userId} ${sessionsFrom(from)} GROUP BY session_id ${sessionsBefore(to)})` : sql.fragment``}
          GROUP BY exercise_id
          HAVING sum(working_sets) > 0
        ) t
      ) named
      ORDER BY volume DESC, lower(exercise)
      LIMIT ${limit}`)),
  ];
}
