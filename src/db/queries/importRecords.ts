import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';

/** How many of the user's records on these exercises are held by sets of these sessions. */
export async function countRecordsHeldBy(
  tx: DatabaseTransactionConnection,
  userId: number,
  exerciseIds: readonly number[],
  sessionIds: readonly number[],
): Promise<number> {
  return tx.oneFirst(sql.type(z.object({ count: z.number() }))`
    SELECT count(*) AS count
    FROM personal_record p JOIN workout_log l ON l.id = p.log_id
    WHERE p.user_id = ${userId}
      AND p.exercise_id = ANY(${sql.array(exerciseIds, 'int8')})
      AND l.session_id = ANY(${sql.array(sessionIds, 'int8')})`);
}
