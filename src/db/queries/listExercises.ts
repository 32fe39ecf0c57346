import { type DatabasePool, type FragmentSqlToken, sql } from 'slonik';
import { z } from 'zod';
import { EQUIPMENT, type Equipment, MUSCLES, type Muscle } from '../../domain/catalog/muscles.js';

export const exerciseRow = z.object({
  id: z.number(),
  name: z.string(),
  /** In the shared catalog (or an exercise from before it that several users logged). */
  shared: z.boolean(),
  equipment: z.enum(EQUIPMENT).nullable(),
  primary_muscles: z.array(z.enum(MUSCLES)),
  secondary_muscles: z.array(z.enum(MUSCLES)),
  /** The shared aliases first, then the user's own. */
  aliases: z.array(z.string()),
});

export type ExerciseRow = z.infer<typeof exerciseRow>;

/** The columns of exerciseRow for the exercise `e`, as the user `userId` (an SQL expression) sees it. */
export function exerciseColumns(userId: FragmentSqlToken) {
  return sql.fragment`
    e.id, e.name, e.user_id IS NULL AS shared, e.equipment, e.primary_muscles, e.secondary_muscles,
    coalesce((
      SELECT array_agg(a.alias ORDER BY a.user_id NULLS FIRST, a.id) FROM exercise_alias a
      WHERE a.exercise_id = e.id AND (a.user_id IS NULL OR a.user_id = ${userId})
    ), '{}') AS aliases`;
}

/** The shared exercises and the user's own, by name; with a muscle (primary or secondary) or equipment, only those. */
export async function listExercises(
  pool: DatabasePool,
  userName: string,
  filter: { muscle?: Muscle | undefined; equipment?: Equipment | undefined },
): Promise<ExerciseRow[]> {
  const userId = sql.fragment`(SELECT id FROM app_user WHERE name = ${userName})`;
  const rows = await pool.any(sql.type(exerciseRow)`
    SELECT ${exerciseColumns(userId)}
    FROM exercise e
    WHERE (e.user_id IS NULL OR e.user_id = ${userId})
      AND (${filter.muscle ?? null}::text IS NULL OR ${filter.muscle ?? null}::text = ANY (e.primary_muscles || e.secondary_muscles))
      AND (${filter.equipment ?? null}::text IS NULL OR e.equipment = ${filter.equipment ?? null}::text)
    ORDER BY lower(e.name), e.id`);
  return [...rows];
}
