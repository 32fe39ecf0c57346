import { sql, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import type { SourceWorkout } from '../../domain/formats/types.js';

const sessionRow = z.object({ id: z.number(), source_key: z.string() });

/**
 * Creates a session per source workout in one statement. A workout whose key the user
 * already has is left alone: it is missing from the returned map (source key -> new id).
 */
export async function insertImportedSessions(
  tx: DatabaseTransactionConnection,
  userId: number,
  workouts: readonly SourceWorkout[],
): Promise<Map<string, number>> {
  const rows = await tx.any(sql.type(sessionRow)`
    INSERT INTO workout_session (user_id, source_key, name, notes, start_time, end_time)
    SELECT ${userId}, w.source_key, w.name, w.notes, w.start_time, coalesce(w.end_time, w.start_time)
    FROM ${sql.unnest(
      workouts.map((w) => [w.key, w.name, w.notes, w.start, w.end]),
      ['text', 'text', 'text', 'timestamptz', 'timestamptz'],
    )} AS w (source_key, name, notes, start_time, end_time)
    ON CONFLICT (user_id, source_key) DO NOTHING
    RETURNING id, source_key`);
  return new Map(rows.map((row) => [row.source_key, row.id]));
}
