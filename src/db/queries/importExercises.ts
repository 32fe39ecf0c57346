import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { CREATION_RACE_ATTEMPTS } from './lockUser.js';
import { resolvedExerciseId } from './resolveExercise.js';

const found = z.object({ name: z.string(), id: z.number() });

/**
 * Finds or creates the user's exercises by name (`names` in the order the file first uses
 * them) in one statement. A name resolves as in `set add`: the user's names and aliases,
 * then the catalog's, case-insensitively, so "Bench Press (Barbell)" from Strong or Hevy
 * lands on the catalog entry. A name that resolves to none becomes the user's own. Returns
 * each given name with its id. A name that another transaction created a moment ago is
 * invisible to the statement's snapshot; it is looked up again.
 */
export async function findOrCreateExercises(
  tx: DatabaseTransactionConnection,
  userId: number,
  names: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let missing = [...names];
  for (let attempt = 0; attempt < CREATION_RACE_ATTEMPTS && missing.length > 0; attempt++) {
    const rows = await tx.any(sql.type(found)`
      WITH input AS (
        SELECT name, position FROM unnest(${sql.array(missing, 'text')}) WITH ORDINALITY AS i (name, position)
      ), resolved AS (
        SELECT name, position, ${resolvedExerciseId(userId, sql.fragment`input.name`)} AS id FROM input
      ), new_exercise AS (
        -- The first spelling in the file names the exercise, as with \`set add\` one by one.
        INSERT INTO exercise (user_id, name)
        SELECT DISTINCT ON (lower(name)) ${userId}::bigint, name FROM resolved
        WHERE id IS NULL
        ORDER BY lower(name), position
        ON CONFLICT (user_id, lower(name)) WHERE user_id IS NOT NULL DO NOTHING
        RETURNING id, name
      )
      SELECT r.name, coalesce(r.id, n.id) AS id
      FROM resolved r
      LEFT JOIN new_exercise n ON lower(n.name) = lower(r.name)
      WHERE coalesce(r.id, n.id) IS NOT NULL`);
    for (const row of rows) ids.set(row.name, row.id);
    missing = missing.filter((name) => !ids.has(name));
  }
  if (missing.length > 0) throw new Error(`could not create exercise ${missing[0]}; try again`);
  return ids;
}
