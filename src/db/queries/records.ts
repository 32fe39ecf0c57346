import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { RECORD_KINDS } from '../../domain/records.js';
import { UNITS } from '../../domain/units.js';

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
    SELECT e.name AS exercise, p.kind, p.reps, p.value, l.unit, l.bodyweight, p.achieved_at, p.log_id
    FROM personal_record p
    -- By primary key, per record: the exercise list is shared by every user and may be long.
    CROSS JOIN LATERAL (SELECT name FROM exercise WHERE id = p.exercise_id) e
    JOIN workout_log l ON l.id = p.log_id
    WHERE p.user_id = ${userId}
      ${exercise === undefined ? sql.fragment`` : sql.fragment`AND lower(e.name) = lower(${exercise})`}
    ORDER BY lower(e.name), p.kind, p.reps`);
  return [...rows];
}
