import { type DatabasePool, type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import type { SetChanges } from '../../domain/setChanges.js';
import { loggedSet } from './loggedSet.js';
import { ownSet } from './ownSet.js';
import { recomputeRecords } from './recomputeRecords.js';
import { renumberSets } from './renumberSets.js';
import { resolvedExerciseId } from './resolveExercise.js';

const editedSet = loggedSet.extend({ exercise_id: z.number(), exercise: z.string() });

export type EditedSet = z.infer<typeof editedSet>;

/** The exercise the name means to the user, created as the user's own when new (as set add does); its id. */
async function exerciseId(tx: DatabaseTransactionConnection, userId: number, name: string): Promise<number> {
  // The user's row is locked (ownSet): nobody else creates this user's exercises meanwhile.
  return tx.oneFirst(sql.type(z.object({ id: z.number() }))`
    WITH known AS (
      SELECT ${resolvedExerciseId(userId, name)} AS id
    ), created AS (
      INSERT INTO exercise (user_id, name) SELECT ${userId}, ${name} FROM known WHERE id IS NULL
      RETURNING id
    )
    SELECT id FROM known WHERE id IS NOT NULL UNION ALL SELECT id FROM created`);
}

/** The stored kilograms after the change: a new load is in the new unit (else the set's); a new unit alone keeps the amount as shown. */
function weightAfter({ load, unit }: SetChanges) {
  // The amount shown is the kilograms over the unit's factor, exact to 6 places (225 lb is 102.05828325 kg).
  const newUnit = unit ?? sql.fragment`l.unit`;
  if (load) return sql.fragment`workout_to_kg(${load.weight}::numeric, ${newUnit})`;
  return sql.fragment`workout_to_kg(round(l.weight / workout_to_kg(1, l.unit), 6), ${newUnit})`;
}

/**
 * Changes one of the user's sets in one transaction: the user's row locked first, then the
 * set. A set moved to another exercise becomes its last set in the session and the sets
 * it left are numbered 1..N again; the records of every exercise touched are recomputed
 * from the sets that remain.
 */
export async function editSet(
  pool: DatabasePool,
  userName: string,
  id: number,
  changes: SetChanges,
): Promise<EditedSet> {
  return pool.transaction(async (tx) => {
    const before = await ownSet(tx, userName, id);
    const targetExercise =
      changes.exercise === undefined ? before.exercise_id : await exerciseId(tx, before.user_id, changes.exercise);
    const moved = targetExercise !== before.exercise_id;
    const assignments = [
      ...(changes.load || changes.unit ? [sql.fragment`weight = ${weightAfter(changes)}`] : []),
      ...(changes.unit ? [sql.fragment`unit = ${changes.unit}`] : []),
      ...(changes.load ? [sql.fragment`bodyweight = ${changes.load.bodyweight}`] : []),
      ...(changes.reps === undefined ? [] : [sql.fragment`reps = ${changes.reps}`]),
      ...(changes.rpe === undefined ? [] : [sql.fragment`rpe = ${changes.rpe}`]),
      ...(changes.setType === undefined ? [] : [sql.fragment`set_type = ${changes.setType}`]),
      ...(changes.notes === undefined ? [] : [sql.fragment`notes = ${changes.notes}`]),
      ...(changes.performedAt === undefined
        ? []
        : [sql.fragment`performed_at = ${sql.timestamp(changes.performedAt)}`]),
      ...(moved
        ? [
            sql.fragment`exercise_id = ${targetExercise}`,
            sql.fragment`set_number = (
              SELECT coalesce(max(o.set_number), 0) + 1 FROM workout_log o
              WHERE o.session_id = l.session_id AND o.exercise_id = ${targetExercise})`,
          ]
        : []),
    ];
    await tx.query(sql.unsafe`UPDATE workout_log l SET ${sql.join(assignments, sql.fragment`, `)} WHERE l.id = ${id}`);
    if (moved) await renumberSets(tx, before.session_id, [before.exercise_id]);
    await recomputeRecords(tx, before.user_id, moved ? [before.exercise_id, targetExercise] : [before.exercise_id]);
    return tx.one(sql.type(editedSet)`
      SELECT l.id, l.session_id, l.exercise_id, e.name AS exercise, l.set_number, l.weight, l.unit, l.bodyweight,
             l.reps, l.rpe, l.set_type, l.performed_at, l.notes
      FROM workout_log l JOIN exercise e ON e.id = l.exercise_id
      WHERE l.id = ${id}`);
  });
}
