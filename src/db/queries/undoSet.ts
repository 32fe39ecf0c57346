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
 * of two at the same time, the one logged later), or with `command` every set of the
 * `set add` that logged it, and recomputes the records they may have held. Sets in
 * set_number order.
 */
export async function undoLastSet(
  pool: DatabasePool,
  userName: string,
  { command }: { command: boolean } = { command: false },
): Promise<readonly UndoneSet[]> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const removed = await tx.any(sql.type(removedSet)`
      WITH last_set AS (
        SELECT l.id, l.session_id, l.command_xact FROM workout_log l
        WHERE l.session_id = (
          SELECT id FROM workout_session WHERE user_id = ${userId} AND end_time IS NULL
        )
        ORDER BY l.performed_at DESC, l.id DESC
        LIMIT 1
      ), removed AS (
        -- A set set add did not log (an import, or from before migration 014) has no
        -- command: it goes alone.
        DELETE FROM workout_log l USING last_set
        WHERE l.id = last_set.id
           OR (${command} AND l.session_id = last_set.session_id AND l.command_xact = last_set.command_xact)
        RETURNING l.*
      )
      SELECT r.id, r.session_id, r.exercise_id, e.name AS exercise, r.set_number, r.weight, r.unit, r.bodyweight,
             r.reps, r.rpe, r.set_type, r.performed_at, r.notes
      FROM removed r JOIN exercise e ON e.id = r.exercise_id
      ORDER BY r.exercise_id, r.set_number`);
    if (removed.length === 0) throw new WorkoutError('nothing to undo: there is no active session with sets');
    await recomputeRecords(tx, userId, [...new Set(removed.map((set) => set.exercise_id))]);
    return removed;
  });
}
