import { sql, type DatabaseTransactionConnection } from 'slonik';

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
  await tx.query(sql.unsafe`
    INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
    SELECT DISTINCT ON (l.exercise_id, c.kind, c.reps)
      l.user_id, l.exercise_id, c.kind, c.reps, c.value, l.id, l.performed_at
    FROM workout_log l
    CROSS JOIN LATERAL workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
    WHERE l.user_id = ${userId} AND l.exercise_id = ANY(${exercises})
    ORDER BY l.exercise_id, c.kind, c.reps, c.value DESC, l.performed_at, l.id`);
}
