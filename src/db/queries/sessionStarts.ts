import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';

/** When each of the user's sessions started, newest first (for the week streak). */
export async function sessionStarts(pool: Pick<DatabasePool, 'anyFirst'>, userId: number): Promise<Date[]> {
  return [
    ...(await pool.anyFirst(sql.type(z.object({ start_time: z.date() }))`
      SELECT start_time FROM workout_session WHERE user_id = ${userId} ORDER BY start_time DESC`)),
  ];
}
