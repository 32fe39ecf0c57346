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
  // Every record value of workout_record_candidates grows with the load at a given rep count
  // (a kind that did not would need its own rule here). So the best values are among the
  // candidates of each rep count's heaviest set, and only sets at that load (or within 0.0001
  // of it: e1rm is rounded to 4 places) can hold them; the oldest of those is looked up through
  // workout_log_exercise_reps. The candidates of a few rows instead of every set's: 330 -> 40 ms
  // for 100k sets, 2.2 -> 0.14 s for 1M (generated Strong histories, equal records).
  await tx.query(sql.unsafe`
    INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
    WITH top AS MATERIALIZED (
      -- A plain bodyweight set (no load) holds only "most reps": a rep count of its own.
      SELECT exercise_id, reps, bodyweight AND weight = 0 AS unloaded, max(weight) AS weight
      FROM workout_log
      WHERE user_id = ${userId} AND exercise_id = ANY(${exercises}) AND set_type <> 'warmup'
      GROUP BY 1, 2, 3
    ), top_candidate AS MATERIALIZED (
      SELECT t.exercise_id, t.reps, t.unloaded, t.weight, c.kind, c.reps AS record_reps, c.value
      FROM top t CROSS JOIN LATERAL workout_record_candidates(t.weight, t.reps, t.unloaded, 'normal') c
    ), best AS (
      SELECT DISTINCT ON (exercise_id, kind, record_reps) exercise_id, kind, record_reps, value
      FROM top_candidate
      ORDER BY exercise_id, kind, record_reps, value DESC
    ), holder AS (
      SELECT b.exercise_id, b.kind, b.record_reps, b.value, h.id, h.performed_at
      FROM best b
      JOIN top_candidate t USING (exercise_id, kind, record_reps, value)
      CROSS JOIN LATERAL (
        SELECT l.id, l.performed_at FROM workout_log l
        WHERE l.user_id = ${userId} AND l.exercise_id = t.exercise_id AND l.reps = t.reps AND l.set_type <> 'warmup'
          AND l.weight > t.weight - 0.0001 AND (l.bodyweight AND l.weight = 0) = t.unloaded
          AND EXISTS (
            SELECT 1 FROM workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
            WHERE c.kind = b.kind AND c.reps = b.record_reps AND c.value = b.value)
        ORDER BY l.performed_at, l.id
        LIMIT 1
      ) h
    )
    SELECT DISTINCT ON (exercise_id, kind, record_reps)
      ${userId}::int8, exercise_id, kind, record_reps, value, id, performed_at
    FROM holder
    ORDER BY exercise_id, kind, record_reps, performed_at, id`);
}
