import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { MUSCLES } from '../../domain/catalog/muscles.js';
import type { DateRange } from '../../domain/dateRange.js';

const muscleRow = z.object({
  /** null: the sets of exercises that name no muscle. */
  muscle: z.enum(MUSCLES).nullable(),
  sets: z.number(),
  volume: z.number(),
  exercises: z.array(z.string()),
});

export type MuscleVolume = z.infer<typeof muscleRow>;

/**
 * Working sets (not warm-ups) and their volume (kilograms x reps) per muscle, of a
 * user's sets in a range or of one session's sets. A set counts whole for each primary muscle of
 * its exercise and half for each secondary one; an exercise with no muscles counts under
 * null. Most sets first.
 */
export async function muscleVolume(
  pool: Pick<DatabasePool, 'any'>,
  scope: { userId: number; range: DateRange } | { sessionId: number },
): Promise<MuscleVolume[]> {
  // A session's sets are its user's (workout_log_session_user_fkey).
  const where =
    'sessionId' in scope
      ? sql.fragment`l.session_id = ${scope.sessionId}`
      : sql.join(
          [
            sql.fragment`l.user_id = ${scope.userId}`,
            ...(scope.range.from ? [sql.fragment`l.performed_at >= ${sql.timestamp(scope.range.from)}`] : []),
            ...(scope.range.to ? [sql.fragment`l.performed_at < ${sql.timestamp(scope.range.to)}`] : []),
          ],
          sql.fragment` AND `,
        );
  return [
    ...(await pool.any(sql.type(muscleRow)`
      WITH per_exercise AS (
        SELECT l.exercise_id, count(*) AS sets, sum(l.weight * l.reps) AS volume
        FROM workout_log l
        WHERE l.set_type <> 'warmup' AND ${where}
        GROUP BY l.exercise_id
      )
      SELECT m.muscle, sum(p.sets * m.share) AS sets, sum(p.volume * m.share) AS volume,
             array_agg(e.name ORDER BY lower(e.name)) AS exercises
      FROM per_exercise p
      JOIN exercise e ON e.id = p.exercise_id
      CROSS JOIN LATERAL (
        SELECT muscle, 1.0 AS share FROM unnest(e.primary_muscles) AS muscle
        UNION ALL
        SELECT muscle, 0.5 FROM unnest(e.secondary_muscles) AS muscle
        UNION ALL
        SELECT NULL, 1.0 WHERE cardinality(e.primary_muscles) + cardinality(e.secondary_muscles) = 0
      ) m
      GROUP BY m.muscle
      ORDER BY m.muscle IS NULL, sum(p.sets * m.share) DESC, sum(p.volume * m.share) DESC, m.muscle`)),
  ];
}
