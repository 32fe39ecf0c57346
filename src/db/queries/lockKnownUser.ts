import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';

/**
 * Locks the user's row (FOR NO KEY UPDATE, as every writer does first) without creating
 * it: for edits and deletes, which have nothing to do for a user who has logged nothing.
 */
export async function lockKnownUser(tx: DatabaseTransactionConnection, userName: string): Promise<number | undefined> {
  const id = await tx.maybeOneFirst(
    sql.type(z.object({ id: z.number() }))`SELECT id FROM app_user WHERE name = ${userName} FOR NO KEY UPDATE`,
  );
  return id ?? undefined;
}
