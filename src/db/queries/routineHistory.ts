import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { UNITS } from '../../domain/units.js';
import { resolvedExerciseId } from './resolveExercise.js';

const pastSession = z.object({
  start_time: z.date(),
  sets: z.array(z.object({ weight: z.number(), unit: z.enum(UNITS), bodyweight: z.boolean(), reps: z.number() })),
});
export type PastRoutineSession = z.infer<typeof pastSession>;

/**
 * The routine's sessions before `beforeSession`, oldest first, each with its working
 * sets (not warm-ups) of one exercise in the order logged; weights in kilograms. A
 * session that skipped the exercise comes with no sets.
 */
export async function routineHistory(
  connection: Pick<DatabaseTransactionConnection, 'any'>,
  {
    userId,
    routineId,
    beforeSession,
    exercise,
  }: { userId: number; routineId: number; beforeSession: number; exercise: string },
): Promise<PastRoutineSession[]> {
  const rows = await connection.any(sql.type(pastSession)`
    SELECT s.start_time,
      coalesce(
        json_agg(json_build_object('weight', l.weight, 'unit', l.unit, 'bodyweight', l.bodyweight, 'reps', l.reps)
          ORDER BY l.set_number) FILTER (WHERE l.id IS NOT NULL),
        '[]') AS sets
    FROM workout_session s
    LEFT JOIN workout_log l
      ON l.session_id = s.id AND l.set_type <> 'warmup'
     AND l.exercise_id = ${resolvedExerciseId(userId, exercise)}
    WHERE s.user_id = ${userId} AND s.routine_id = ${routineId} AND s.id <> ${beforeSession}
    GROUP BY s.id
    ORDER BY s.start_time, s.id`);
  return [...rows];
}
