import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { DateRange } from '../../domain/dateRange.js';

const topExerciseRow = z.object({ exercise: z.string(), volume: z.number(), working_sets: z.number() });

export type TopExercise = z.infer<typeof topExerciseRow>;

/** The user's exercises with the most volume in the range (sets that are not warm-ups), most first. */
export async function topExercises(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  { from, to }: DateRange,
  limit: number,
): Promise<TopExercise[]> {
  return [
    ...(await pool.any(sql.type(topExerciseRow)`
      SELECT e.name AS exercise, t.volume, t.working_sets
      FROM (
        SELECT l.exercise_id, sum(l.weight * l.reps) AS volume, count(*) AS working_sets
        FROM workout_log l
        WHERE l.user_id = ${userId} AND l.set_type <> 'warmup'
          ${from ? sql.fragment`AND l.performed_at >= ${sql.timestamp(from)}` : sql.fragment``}
          ${to ? sql.fragment`AND l.performed_at < ${sql.timestamp(to)}` : sql.fragment``}
        GROUP BY l.exercise_id
      ) t
      JOIN exercise e ON e.id = t.exercise_id
      ORDER BY t.volume DESC, lower(e.name)
      LIMIT ${limit}`)),
  ];
}
