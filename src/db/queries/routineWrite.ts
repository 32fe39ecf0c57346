import { type DatabasePool, sql } from 'slonik';
import { UsageError, WorkoutError } from '../../errors.js';
import { lockUser } from './lockUser.js';
import { routineNamed, type StoredRoutine, storedRoutine } from './routineRead.js';

/**
 * Saves a routine's text, already parsed by the caller. `replace`: also when one of
 * that name exists (its sessions stay linked to it); otherwise an existing name is
 * refused. `expected`: the text the caller started from (an editor session): if the
 * stored text changed meanwhile, nothing is written.
 */
export async function saveRoutine(
  pool: DatabasePool,
  userName: string,
  routine: { name: string; source: string },
  { replace, expected }: { replace: boolean; expected?: string },
): Promise<StoredRoutine & { created: boolean }> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const held = await tx.maybeOne(sql.type(storedRoutine)`
      SELECT id, name, source, created_at, updated_at FROM routine
      WHERE user_id = ${userId} AND lower(name) = lower(${routine.name})`);
    if (held && !replace) {
      throw new UsageError(
        `routine ${held.name} already exists; change it with \`workout routine edit ${held.name}\` (or create --replace)`,
      );
    }
    if (expected !== undefined && held?.source !== expected) {
      throw new WorkoutError(
        `routine ${routine.name} was changed or deleted while you edited it; nothing was written, edit it again`,
      );
    }
    if (held) {
      const updated = await tx.one(sql.type(storedRoutine)`
        UPDATE routine SET source = ${routine.source}, updated_at = now() WHERE id = ${held.id}
        RETURNING id, name, source, created_at, updated_at`);
      return { ...updated, created: false };
    }
    const created = await tx.one(sql.type(storedRoutine)`
      INSERT INTO routine (user_id, name, source) VALUES (${userId}, ${routine.name}, ${routine.source})
      RETURNING id, name, source, created_at, updated_at`);
    return { ...created, created: true };
  });
}

/** Deletes a routine; its sessions stay, no longer linked to it. */
export async function deleteRoutine(
  pool: DatabasePool,
  userName: string,
  name: string,
): Promise<{ name: string; sessions_unlinked: number }> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const held = await routineNamed(tx, userId, name);
    const unlinked = await tx.query(sql.unsafe`
      UPDATE workout_session SET routine_id = NULL WHERE user_id = ${userId} AND routine_id = ${held.id}`);
    await tx.query(sql.unsafe`DELETE FROM routine WHERE id = ${held.id}`);
    return { name: held.name, sessions_unlinked: unlinked.rowCount };
  });
}
