import { type DatabaseTransactionConnection, sql } from 'slonik';

/**
 * Rebuilds a user's records for some exercises from the sets that remain, in two
 * set-based statements. Among equal values the older set keeps the record, as it does
 * when sets are added one by one.
 */
export async function recomputeRecords(
  tx: DatabaseTransactionConnection,
  userId: number,
  exerciseIds: readonly number[],
): Promise<void> {
  if (exerciseIds.length === 0) return;
  const exercises = sql.array(exerciseIds, 'int8');
  await tx.query(sql.unsafe`
    DELETE FROM personal_record WHERE user_id = ${userId} AND exercise_id = ANY(${exercises})`);
  // The best value per record by a hash aggregate, then the oldest set holding it: only
  // the ties are sorted, not every candidate (on 100k sets: 0.5 s instead of 1.1 s).
  await tx.query(sql.unsafe`
    INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
    WITH candidate AS MATERIALIZED (
      SELECT l.exercise_id, c.kind, c.reps, c.value, l.id, l.performed_at
      FROM workout_log l
      CROSS JOIN LATERAL workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
      WHERE l.user_id = ${userId} AND l.exercise_id = ANY(${exercises})
    ), best AS (
      SELECT exercise_id, kind, reps, max(value) AS value FROM candidate GROUP BY exercise_id, kind, reps
    )
    SELECT DISTINCT ON (c.exercise_id, c.kind, c.reps)
      ${userId}::int8, c.exercise_id, c.kind, c.reps, c.value, c.id, c.performed_at
    FROM candidate c JOIN best b USING (exercise_id, kind, reps, value)
    ORDER BY c.exercise_id, c.kind, c.reps, c.performed_at, c.id`);
}
