import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { ownSession } from './ownSession.js';

const editedSession = z.object({
  id: z.number(),
  name: z.string().nullable(),
  start_time: z.date(),
  end_time: z.date().nullable(),
  notes: z.string().nullable(),
});

export type EditedSession = z.infer<typeof editedSession>;

/** What `session edit` changes; an absent field keeps its value, null clears it. */
export type SessionChanges = { name?: string | null; start?: Date; end?: Date; notes?: string | null };

/** Changes one of the user's sessions in one transaction (the user's row locked first). */
export async function editSession(
  pool: DatabasePool,
  userName: string,
  id: number,
  changes: SessionChanges,
): Promise<EditedSession> {
  return pool.transaction(async (tx) => {
    const before = await ownSession(tx, userName, id);
    const start = changes.start ?? before.start_time;
    const end = changes.end ?? before.end_time;
    if (end && end < start) {
      throw new UsageError(`the session would end (${end.toISOString()}) before it starts (${start.toISOString()})`);
    }
    const assignments = [
      ...(changes.name === undefined ? [] : [sql.fragment`name = ${changes.name}`]),
      ...(changes.start === undefined ? [] : [sql.fragment`start_time = ${sql.timestamp(changes.start)}`]),
      ...(changes.end === undefined ? [] : [sql.fragment`end_time = ${sql.timestamp(changes.end)}`]),
      ...(changes.notes === undefined ? [] : [sql.fragment`notes = ${changes.notes}`]),
    ];
    return tx.one(sql.type(editedSession)`
      UPDATE workout_session SET ${sql.join(assignments, sql.fragment`, `)} WHERE id = ${id}
      RETURNING id, name, start_time, end_time, notes`);
  });
}
