import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { exerciseColumns, exerciseRow } from './listExercises.js';
import { resolvedExerciseId } from './resolveExercise.js';

const detailsRow = exerciseRow.extend({ sets: z.number(), last_performed_at: z.date().nullable() });

export type ExerciseDetails = z.infer<typeof detailsRow>;

/** The exercise a name means to the user, with how many sets the user logged of it and when last; undefined when none. */
export async function exerciseDetails(
  pool: DatabasePool,
  userName: string,
  name: string,
): Promise<ExerciseDetails | undefined> {
  const userId = sql.fragment`(SELECT id FROM app_user WHERE name = ${userName})`;
  const row = await pool.maybeOne(sql.type(detailsRow)`
    SELECT ${exerciseColumns(userId)},
      (SELECT count(*) FROM workout_log l WHERE l.user_id = ${userId} AND l.exercise_id = e.id)::int AS sets,
      (SELECT max(l.performed_at) FROM workout_log l WHERE l.user_id = ${userId} AND l.exercise_id = e.id) AS last_performed_at
    FROM exercise e
    WHERE e.id = ${resolvedExerciseId(userId, name)}`);
  return row ?? undefined;
}
