import { type DatabaseTransactionConnection, sql } from 'slonik';

/**
 * Numbers a session's sets of some exercises 1..N again, in their present order, after a
 * set left or joined them. idx_session_exercise is unique and checked row by row, so
 * the numbers first move out of the way (above any real one), then into place.
 */
export async function renumberSets(
  tx: DatabaseTransactionConnection,
  sessionId: number,
  exerciseIds: readonly number[],
): Promise<void> {
  const exercises = sql.array(exerciseIds, 'int8');
  await tx.query(sql.unsafe`
    UPDATE workout_log SET set_number = set_number + 1000000
    WHERE session_id = ${sessionId} AND exercise_id = ANY(${exercises})`);
  await tx.query(sql.unsafe`
    UPDATE workout_log l SET set_number = n.number
    FROM (
      SELECT id, row_number() OVER (PARTITION BY exercise_id ORDER BY set_number) AS number
      FROM workout_log WHERE session_id = ${sessionId} AND exercise_id = ANY(${exercises})
    ) n
    WHERE l.id = n.id`);
}
