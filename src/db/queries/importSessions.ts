import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import type { SourceWorkout } from '../../domain/formats/types.js';

const sessionRow = z.object({ id: z.number(), source_key: z.string(), created: z.boolean() });

export type ImportedSession = { id: number; created: boolean };

/**
 * Creates a session per source workout in one statement; a workout whose key the user
 * already has keeps the session it has (`created` false). The unique index on
 * (user_id, source_key) decides, so two imports of the same workout make one session.
 * Returns every given key with its session.
 */
export async function insertImportedSessions(
  tx: DatabaseTransactionConnection,
  userId: number,
  workouts: readonly SourceWorkout[],
): Promise<Map<string, ImportedSession>> {
  const rows = await tx.any(sql.type(sessionRow)`
    WITH input AS (
      SELECT * FROM ${sql.unnest(
        workouts.map((w) => [w.key, w.name, w.notes, w.start, w.end]),
        ['text', 'text', 'text', 'timestamptz', 'timestamptz'],
      )} AS w (source_key, name, notes, start_time, end_time)
    ), created AS (
      INSERT INTO workout_session (user_id, source_key, name, notes, start_time, end_time)
      SELECT ${userId}, w.source_key, w.name, w.notes, w.start_time, coalesce(w.end_time, w.start_time)
      FROM input w
      ON CONFLICT (user_id, source_key) DO NOTHING
      RETURNING id, source_key
    )
    SELECT id, source_key, true AS created FROM created
    UNION ALL
    -- The statement's snapshot: the sessions that were there before it.
    SELECT s.id, s.source_key, false AS created
    FROM input w JOIN workout_session s ON s.user_id = ${userId} AND s.source_key = w.source_key`);
  const sessions = new Map(rows.map((row) => [row.source_key, { id: row.id, created: row.created }]));
  const missing = workouts.find((workout) => !sessions.has(workout.key));
  // The caller holds the user's lock: no other transaction can add this user's sessions meanwhile.
  if (missing) throw new Error(`session ${missing.key} was neither created nor found`);
  return sessions;
}
