import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { lockKnownUser } from './lockKnownUser.js';

const ownSessionRow = z.object({
  id: z.number(),
  user_id: z.number(),
  start_time: z.date(),
  end_time: z.date().nullable(),
});

export type OwnSession = z.infer<typeof ownSessionRow>;

/** Locks the user, then one of the user's sessions; another user's session is "not found" (exit 2), as for sets. */
export async function ownSession(tx: DatabaseTransactionConnection, userName: string, id: number): Promise<OwnSession> {
  const userId = await lockKnownUser(tx, userName);
  const found =
    userId === undefined
      ? null
      : await tx.maybeOne(sql.type(ownSessionRow)`
          SELECT id, user_id, start_time, end_time FROM workout_session WHERE id = ${id} AND user_id = ${userId} FOR UPDATE`);
  if (!found) throw new UsageError(`no session ${id} for ${userName}; \`workout session list\` lists session ids`);
  return found;
}
