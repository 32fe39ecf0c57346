import { type DatabaseTransactionConnection, sql } from 'slonik';

/** Ends each session at its last set (imported workouts that gave no end). */
export async function endSessionsAtLastSet(
  tx: DatabaseTransactionConnection,
  sessionIds: readonly number[],
): Promise<void> {
  await tx.query(sql.unsafe`
    UPDATE workout_session s SET end_time = greatest(s.start_time, last.performed_at)
    FROM (
      SELECT session_id, max(performed_at) AS performed_at FROM workout_log
      WHERE session_id = ANY(${sql.array(sessionIds, 'int8')}) GROUP BY session_id
    ) last
    WHERE s.id = last.session_id`);
}
