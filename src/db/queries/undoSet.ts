import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { WorkoutError } from '../../errors.js';
import { lockUser } from './lockUser.js';
import { loggedSet } from './loggedSet.js';
import { recomputeRecords } from './recomputeRecords.js';

const removedSet = loggedSet.extend({ exercise_id: z.number(), exercise: z.string() });

export type UndoneSet = z.infer<typeof removedSet>;

/**
 * Deletes the active session's latest set by time (the last one `session show` lists;
 * of two at the same time, the one logged later) and recomputes the records it may have held.
 */
export async function undoLastSet(pool: DatabasePool, userName: string): Promise<UndoneSet> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const removed = await tx.maybeOne(sql.type(removedSet)`
      WITH last_set AS (
        SELECT l.id FROM workout_log l
        WHERE l.session_id = (
          SELECT id FROM workout_session WHERE user_id = ${userId} AND end_time IS NULL
        )
        ORDER BY l.performed_at DESC, l.id DESC
        LIMIT 1
      ), removed AS (
        DELETE FROM workout_log l USING last_set WHERE l.id = last_set.id
        RETURNING l.*
      )
      SELECT r.id, r.session_id, r.exercise_id, e.name AS exercise, r.set_number, r.weight, r.unit, r.bodyweight,
             r.reps, r.rpe, r.set_type, r.performed_at, r.notes
      FROM removed r JOIN exercise e ON e.id = r.exercise_id`);
    if (!removed) throw new WorkoutError('nothing to undo: there is no active session with sets');
    await recomputeRecords(tx, userId, [removed.exercise_id]);
    return removed;
  });
}
