import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import type { ImportedSet } from '../../domain/formats/types.js';

/**
 * An imported set with the ids its session and exercise got, its set number (from the
 * file, or its place among the exercise's sets of that workout in the file), and whether
 * its session was created by this import.
 */
export type ImportedSetRow = {
  set: ImportedSet;
  sessionId: number;
  exerciseId: number;
  setNumber: number;
  newSession: boolean;
};

const insertedSets = z.object({
  inserted: z.number(),
  present: z.number(),
  repeated: z.array(z.number()),
  /** The sessions and exercises that got a set (bigint arrays arrive as text). */
  sessions: z.array(z.coerce.number()),
  exercises: z.array(z.coerce.number()),
});

/**
 * Inserts the sets in file order; the unique index on (session, exercise, set number)
 * decides what is new. A number the batch repeats, or that a session this import created
 * already holds (the file repeats it across batches), is not inserted: its line is
 * returned in `repeated`. A number a session imported before already holds is that set,
 * already present: counted, not changed.
 */
export async function insertImportedSets(
  tx: DatabaseTransactionConnection,
  userId: number,
  sets: readonly ImportedSetRow[],
): Promise<z.infer<typeof insertedSets>> {
  const rows = sets.map(({ set, sessionId, exerciseId, setNumber, newSession }) => [
    set.line,
    sessionId,
    exerciseId,
    setNumber,
    set.weight,
    set.unit,
    set.bodyweight,
    set.reps,
    set.rpe,
    set.setType,
    set.performedAt,
    set.notes,
    newSession,
  ]);
  return tx.one(sql.type(insertedSets)`
    WITH input AS (
      SELECT *, row_number() OVER (PARTITION BY session_id, exercise_id, set_number ORDER BY line) AS nth
      FROM ${sql.unnest(rows, ['int4', 'int8', 'int8', 'int4', 'numeric', 'text', 'bool', 'int4', 'numeric', 'text', 'timestamptz', 'text', 'bool'])}
        AS t (line, session_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes, new_session)
    ), inserted AS (
      INSERT INTO workout_log
        (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
      SELECT
        i.session_id, ${userId}, i.exercise_id, i.set_number,
        workout_to_kg(i.weight, i.unit), i.unit, i.bodyweight, i.reps, i.rpe, i.set_type, i.performed_at, i.notes
      FROM input i
      WHERE i.nth = 1
      ORDER BY i.line
      ON CONFLICT (session_id, exercise_id, set_number) DO NOTHING
      RETURNING session_id, exercise_id, set_number, user_id, performed_at, set_type, reps, weight
    ), totaled AS (
      -- What stats sums (session_exercise_totals, migration 012): the sets this batch added.
      INSERT INTO session_exercise_totals AS t (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
      SELECT session_id, exercise_id, min(user_id), min(performed_at),
             count(*) FILTER (WHERE set_type <> 'warmup'),
             coalesce(sum(reps) FILTER (WHERE set_type <> 'warmup'), 0),
             coalesce(sum(weight * reps) FILTER (WHERE set_type <> 'warmup'), 0)
      FROM inserted
      GROUP BY session_id, exercise_id
      ON CONFLICT (session_id, exercise_id) DO UPDATE
        SET first_at = least(t.first_at, excluded.first_at), working_sets = t.working_sets + excluded.working_sets,
            reps = t.reps + excluded.reps, volume = t.volume + excluded.volume
    ), refused AS (
      SELECT i.line, i.new_session FROM input i
      WHERE i.nth = 1 AND NOT EXISTS (
        SELECT 1 FROM inserted n
        WHERE n.session_id = i.session_id AND n.exercise_id = i.exercise_id AND n.set_number = i.set_number)
    )
    SELECT
      (SELECT count(*) FROM inserted) AS inserted,
      (SELECT count(*) FROM refused WHERE NOT new_session) AS present,
      coalesce((
        SELECT array_agg(line ORDER BY line) FROM (
          SELECT line FROM input WHERE nth > 1 UNION ALL SELECT line FROM refused WHERE new_session
        ) repeated
      ), '{}') AS repeated,
      coalesce((SELECT array_agg(DISTINCT session_id) FROM inserted), '{}') AS sessions,
      coalesce((SELECT array_agg(DISTINCT exercise_id) FROM inserted), '{}') AS exercises`);
}
