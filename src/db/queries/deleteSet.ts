import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { loggedSet } from './loggedSet.js';
import { ownSet } from './ownSet.js';
import { recomputeRecords } from './recomputeRecords.js';
import { renumberSets } from './renumberSets.js';

const deletedSet = loggedSet.extend({ exercise: z.string() });

export type DeletedSet = z.infer<typeof deletedSet>;

/** Deletes one of the user's sets; the session's other sets of the exercise are numbered 1..N again, its records recomputed. */
export async function deleteSet(pool: DatabasePool, userName: string, id: number): Promise<DeletedSet> {
  return pool.transaction(async (tx) => {
    const set = await ownSet(tx, userName, id);
    const deleted = await tx.one(sql.type(deletedSet)`
      WITH removed AS (DELETE FROM workout_log WHERE id = ${id} RETURNING *)
      SELECT r.id, r.session_id, e.name AS exercise, r.set_number, r.weight, r.unit, r.bodyweight, r.reps, r.rpe,
             r.set_type, r.performed_at, r.notes
      FROM removed r JOIN exercise e ON e.id = r.exercise_id`);
    await renumberSets(tx, set.session_id, [set.exercise_id]);
    await recomputeRecords(tx, set.user_id, [set.exercise_id]);
    return deleted;
  });
}
