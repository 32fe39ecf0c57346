import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { RECORD_KINDS } from '../../domain/records.js';
import { UNITS } from '../../domain/units.js';
import { resolvedExerciseId } from './resolveExercise.js';

const recordRow = z.object({
  exercise: z.string(),
  kind: z.enum(RECORD_KINDS),
  reps: z.number(),
  value: z.number(),
  unit: z.enum(UNITS),
  bodyweight: z.boolean(),
  achieved_at: z.date(),
  log_id: z.number(),
});
export type RecordRow = z.infer<typeof recordRow>;

/** The user's records, each with the unit and date of the set that holds it. */
export async function listRecords(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  exercise: string | undefined,
): Promise<RecordRow[]> {
  const rows = await pool.any(sql.type(recordRow)`
    SELECT * FROM (
      -- The name by primary key, per record (a subquery in the list stays one: a join would
      -- read the whole exercise list, which every user shares).
      SELECT (SELECT e.name FROM exercise e WHERE e.id = p.exercise_id) AS exercise,
             p.kind, p.reps, p.value, l.unit, l.bodyweight, p.achieved_at, p.log_id
      FROM personal_record p
      JOIN workout_log l ON l.id = p.log_id
      WHERE p.user_id = ${userId}
        ${
          exercise === undefined
            ? sql.fragment``
            : sql.fragment`AND p.exercise_id = ${resolvedExerciseId(userId, exercise)}`
        }
    ) named
    ORDER BY lower(exercise), kind, reps`);
  return [...rows];
}
