import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { loggedSet } from './loggedSet.js';
import { resolvedExerciseId } from './resolveExercise.js';

const lastSetRow = loggedSet.extend({
  exercise: z.string(),
  session_name: z.string().nullable(),
  session_start: z.date(),
  active: z.boolean(),
});

export type LastSet = z.infer<typeof lastSetRow>;

/**
 * The user's sets of one exercise in the latest session that had it, other than the
 * active session, and in the active session: ordered by session (the earlier first),
 * then set number. Both lookups walk an index backwards from the newest set
 * (workout_log_exercise_time, then idx_session_exercise): the same cost at any history size.
 */
export async function lastSets(pool: Pick<DatabasePool, 'any'>, userId: number, exercise: string): Promise<LastSet[]> {
  return [
    ...(await pool.any(sql.type(lastSetRow)`
      WITH ex AS (
        SELECT id, name FROM exercise WHERE id = ${resolvedExerciseId(userId, exercise)}
      ), active AS (
        SELECT id FROM workout_session WHERE user_id = ${userId} AND end_time IS NULL
      ), previous AS (
        SELECT l.session_id AS id FROM workout_log l
        WHERE l.user_id = ${userId} AND l.exercise_id = (SELECT id FROM ex)
          AND l.session_id <> coalesce((SELECT id FROM active), 0)
        ORDER BY l.performed_at DESC
        LIMIT 1
      )
      SELECT l.id, l.session_id, ex.name AS exercise, l.set_number, l.weight, l.unit, l.bodyweight, l.reps, l.rpe,
             l.set_type, l.performed_at, l.notes, s.name AS session_name, s.start_time AS session_start,
             s.end_time IS NULL AS active
      FROM ex
      JOIN workout_log l ON l.exercise_id = ex.id
      JOIN workout_session s ON s.id = l.session_id
      WHERE l.session_id IN (SELECT id FROM previous UNION ALL SELECT id FROM active)
      ORDER BY s.end_time IS NULL, l.set_number`)),
  ];
}
