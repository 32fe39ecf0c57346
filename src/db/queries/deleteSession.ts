import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { ownSession } from './ownSession.js';
import { recomputeRecords } from './recomputeRecords.js';

const deletedSession = z.object({
  id: z.number(),
  name: z.string().nullable(),
  start_time: z.date(),
  set_count: z.number(),
});

export type DeletedSession = z.infer<typeof deletedSession>;

/** Deletes one of the user's sessions with its sets (and the records they held, recomputed from the sets that remain). */
export async function deleteSession(pool: DatabasePool, userName: string, id: number): Promise<DeletedSession> {
  return pool.transaction(async (tx) => {
    const session = await ownSession(tx, userName, id);
    const exerciseIds = await tx.anyFirst(sql.type(z.object({ exercise_id: z.number() }))`
      SELECT DISTINCT exercise_id FROM workout_log WHERE session_id = ${id}`);
    const deleted = await tx.one(sql.type(deletedSession)`
      WITH removed_sets AS (DELETE FROM workout_log WHERE session_id = ${id} RETURNING 1)
      DELETE FROM workout_session s WHERE s.id = ${id}
      RETURNING s.id, s.name, s.start_time, (SELECT count(*) FROM removed_sets) AS set_count`);
    await recomputeRecords(tx, session.user_id, exerciseIds);
    return deleted;
  });
}
