import { type DatabasePool, type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { quoteInput } from '../../domain/quoteInput.js';
import { UsageError } from '../../errors.js';
import { findUserId } from './lockUser.js';

export const storedRoutine = z.object({
  id: z.number(),
  name: z.string(),
  source: z.string(),
  created_at: z.date(),
  updated_at: z.date(),
});
export type StoredRoutine = z.infer<typeof storedRoutine>;

/** The user's routine of that name (any case), or null. */
export async function findRoutine(pool: DatabasePool, userName: string, name: string): Promise<StoredRoutine | null> {
  const userId = await findUserId(pool, userName);
  if (userId === undefined) return null;
  return pool.maybeOne(sql.type(storedRoutine)`
    SELECT id, name, source, created_at, updated_at FROM routine
    WHERE user_id = ${userId} AND lower(name) = lower(${name})`);
}

/** The user's routines by name. */
export async function listRoutines(pool: DatabasePool, userName: string): Promise<StoredRoutine[]> {
  const userId = await findUserId(pool, userName);
  if (userId === undefined) return [];
  return [
    ...(await pool.any(sql.type(storedRoutine)`
      SELECT id, name, source, created_at, updated_at FROM routine
      WHERE user_id = ${userId} ORDER BY lower(name), id`)),
  ];
}

/** The id and name of the user's routine of that name; a UsageError (exit 2) when there is none. */
export async function routineNamed(
  connection: Pick<DatabaseTransactionConnection, 'maybeOne'>,
  userId: number,
  name: string,
): Promise<{ id: number; name: string }> {
  const found = await connection.maybeOne(sql.type(z.object({ id: z.number(), name: z.string() }))`
    SELECT id, name FROM routine WHERE user_id = ${userId} AND lower(name) = lower(${name})`);
  if (!found) throw noSuchRoutine(name);
  return found;
}

export function noSuchRoutine(name: string): UsageError {
  return new UsageError(`no routine named ${quoteInput(name)}; see \`workout routine list\``);
}
