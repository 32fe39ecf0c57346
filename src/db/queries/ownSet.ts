import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { lockKnownUser } from './lockKnownUser.js';

const ownSetRow = z.object({ id: z.number(), user_id: z.number(), session_id: z.number(), exercise_id: z.number() });

export type OwnSet = z.infer<typeof ownSetRow>;

/**
 * Locks the user, then one of the user's sets, for the rest of the transaction. Another
 * user's set is "not found", exactly like an id that does not exist: an id reveals
 * nothing (exit 2, like any input that names nothing of yours).
 */
export async function ownSet(tx: DatabaseTransactionConnection, userName: string, id: number): Promise<OwnSet> {
  const userId = await lockKnownUser(tx, userName);
  const found =
    userId === undefined
      ? null
      : await tx.maybeOne(sql.type(ownSetRow)`
          SELECT id, user_id, session_id, exercise_id FROM workout_log WHERE id = ${id} AND user_id = ${userId} FOR UPDATE`);
  if (!found) throw new UsageError(`no set ${id} for ${userName}; \`workout session show\` lists set ids`);
  return found;
}
