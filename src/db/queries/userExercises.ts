import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';

/** The exercises a user has logged, most used first: the choices a prompt offers. */
export async function userExercises(pool: DatabasePool, userName: string): Promise<string[]> {
  const rows = await pool.any(sql.type(z.object({ name: z.string() }))`
    SELECT e.name
    FROM app_user u
    JOIN workout_log l ON l.user_id = u.id
    JOIN exercise e ON e.id = l.exercise_id
    WHERE u.name = ${userName}
    GROUP BY e.name
    ORDER BY count(*) DESC, e.name
    LIMIT 200`);
  return rows.map((row) => row.name);
}
