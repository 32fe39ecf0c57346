import { sql, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import type { ImportedSet } from '../../domain/formats/types.js';

/** An imported set with the ids its session and exercise got. */
export type ImportedSetRow = { set: ImportedSet; sessionId: number; exerciseId: number };

const insertedSets = z.object({ inserted: z.number(), repeated: z.array(z.number()) });

/**
 * Inserts the sets in file order. Set numbers come from the file (workout's own
 * format) or follow the file's order per exercise within the session; a number the
 * session already holds, or that the file repeats, is not inserted: its line is returned.
 */
export async function insertImportedSets(
  tx: DatabaseTransactionConnection,
  userId: number,
  sets: readonly ImportedSetRow[],
): Promise<z.infer<typeof insertedSets>> {
  const rows = sets.map(({ set, sessionId, exerciseId }) => [
    set.line, sessionId, exerciseId, set.setNumber, set.weight, set.unit, set.bodyweight,
    set.reps, set.rpe, set.setType, set.performedAt, set.notes,
  ]);
  return tx.one(sql.type(insertedSets)`
    WITH input AS (
      SELECT * FROM ${sql.unnest(rows, ['int4', 'int8', 'int8', 'int4', 'numeric', 'text', 'bool', 'int4', 'numeric', 'text', 'timestamptz', 'text'])}
        AS t (line, session_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
    ), repeated AS (
      SELECT line FROM (
        SELECT line, row_number() OVER (PARTITION BY session_id, exercise_id, set_number ORDER BY line) AS nth
        FROM input WHERE set_number IS NOT NULL
      ) numbered WHERE nth > 1
      UNION
      SELECT i.line FROM input i
      WHERE i.set_number IS NOT NULL AND EXISTS (
        SELECT 1 FROM workout_log l
        WHERE l.session_id = i.session_id AND l.exercise_id = i.exercise_id AND l.set_number = i.set_number)
    ), base AS (
      SELECT p.session_id, p.exercise_id, coalesce((
        SELECT max(l.set_number) FROM workout_log l WHERE l.session_id = p.session_id AND l.exercise_id = p.exercise_id
      ), 0) AS last_number
      FROM (SELECT DISTINCT session_id, exercise_id FROM input WHERE set_number IS NULL) p
    ), inserted AS (
      INSERT INTO workout_log
        (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
      SELECT
        i.session_id, ${userId}, i.exercise_id,
        coalesce(i.set_number, b.last_number + row_number() OVER (PARTITION BY i.session_id, i.exercise_id ORDER BY i.line)),
        workout_to_kg(i.weight, i.unit), i.unit, i.bodyweight, i.reps, i.rpe, i.set_type, i.performed_at, i.notes
      FROM input i
      LEFT JOIN base b ON b.session_id = i.session_id AND b.exercise_id = i.exercise_id
      WHERE i.line NOT IN (SELECT line FROM repeated)
      ORDER BY i.line
      RETURNING 1
    )
    SELECT
      (SELECT count(*) FROM inserted) AS inserted,
      coalesce((SELECT array_agg(line ORDER BY line) FROM repeated), '{}') AS repeated`);
}
