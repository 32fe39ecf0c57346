import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { CREATION_RACE_ATTEMPTS } from './lockUser.js';

const found = z.object({ name: z.string(), id: z.number() });

/**
 * Finds or creates exercises by name (`names` in the order the file first uses them) in one statement: names are unique by lower(name),
 * so "bench press" finds "Bench Press". Returns each given name with its id. A name that
 * another transaction created a moment ago is invisible to the statement's snapshot;
 * it is looked up again.
 */
export async function findOrCreateExercises(
  tx: DatabaseTransactionConnection,
  names: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let missing = [...names];
  for (let attempt = 0; attempt < CREATION_RACE_ATTEMPTS && missing.length > 0; attempt++) {
    const rows = await tx.any(sql.type(found)`
      WITH input AS (
        SELECT name, position FROM unnest(${sql.array(missing, 'text')}) WITH ORDINALITY AS i (name, position)
      ), new_exercise AS (
        -- The first spelling in the file names the exercise, as with \`set add\` one by one.
        -- Sorted by name, so that two imports creating the same names lock them in the same order.
        INSERT INTO exercise (name)
        SELECT DISTINCT ON (lower(name)) name FROM input
        WHERE NOT EXISTS (SELECT 1 FROM exercise e WHERE lower(e.name) = lower(input.name))
        ORDER BY lower(name), position
        ON CONFLICT ((lower(name))) DO NOTHING
        RETURNING id, name
      )
      SELECT i.name, coalesce(e.id, n.id) AS id
      FROM input i
      LEFT JOIN exercise e ON lower(e.name) = lower(i.name)
      LEFT JOIN new_exercise n ON lower(n.name) = lower(i.name)
      WHERE coalesce(e.id, n.id) IS NOT NULL`);
    for (const row of rows) ids.set(row.name, row.id);
    missing = missing.filter((name) => !ids.has(name));
  }
  if (missing.length > 0) throw new Error(`could not create exercise ${missing[0]}; try again`);
  return ids;
}
