import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { RECORD_KINDS } from '../../domain/records.js';
import type { NewSet } from '../../domain/newSet.js';
import { UNITS } from '../../domain/units.js';
import { appliedVersion, assertSchemaVersion } from '../schemaVersion.js';
import { DEFAULT_UNIT } from './readingUser.js';
import { CREATION_RACE_ATTEMPTS, lockedUserCtes } from './lockUser.js';
import { loggedSet } from './loggedSet.js';

const context = z.object({
  user_id: z.number().nullable(),
  exercise_id: z.number().nullable(),
  exercise_name: z.string().nullable(),
  schema_version: z.number().nullable(),
  user_unit: z.enum(UNITS).nullable(),
});

const beatenRecord = z.object({
  kind: z.enum(RECORD_KINDS),
  reps: z.number(),
  value: z.number(),
  previous: z.number().nullable(),
});

const addedSet = loggedSet.extend({
  session_started: z.boolean(),
  records: z.array(beatenRecord),
});

export type AddedSet = z.infer<typeof addedSet> & { exercise: string };

/**
 * The hot path: one transaction, two statements. The first finds or creates the user
 * and the exercise, locks the user's row and reads the schema version; the second,
 * whose snapshot is taken after that lock is held, finds or starts the active session,
 * numbers the set, inserts it and raises every record it beats. Every lookup is an
 * index scan.
 */
export async function addSet(pool: DatabasePool, set: NewSet): Promise<AddedSet> {
  return pool.transaction(async (tx) => {
    let found: z.infer<typeof context> | undefined;
    // Null ids: a concurrent transaction created the user or the exercise; the retry sees it.
    for (let attempt = 0; attempt < CREATION_RACE_ATTEMPTS && !(found?.user_id && found.exercise_id); attempt++) {
      found = await tx.one(sql.type(context)`
        WITH ${lockedUserCtes(set.userName)}, known_exercise AS (
          SELECT id, name FROM exercise WHERE lower(name) = lower(${set.exercise})
        ), new_exercise AS (
          INSERT INTO exercise (name) SELECT ${set.exercise} WHERE NOT EXISTS (SELECT 1 FROM known_exercise)
          ON CONFLICT ((lower(name))) DO NOTHING
          RETURNING id, name
        ), any_exercise AS (
          SELECT id, name FROM known_exercise UNION ALL SELECT id, name FROM new_exercise
        )
        SELECT
          (SELECT id FROM known_user UNION ALL SELECT id FROM new_user) AS user_id,
          (SELECT id FROM any_exercise) AS exercise_id,
          (SELECT name FROM any_exercise) AS exercise_name,
          ${appliedVersion} AS schema_version,
          (SELECT unit FROM app_user WHERE name = ${set.userName}) AS user_unit`);
    }
    if (!found?.user_id || !found.exercise_id || !found.exercise_name) {
      throw new Error('could not resolve the user and exercise; try again');
    }
    assertSchemaVersion(found.schema_version);
    const userId = found.user_id;
    const exerciseId = found.exercise_id;
    // A set given without a unit is in the user's (a user created just now has the default).
    const unit = set.unit ?? found.user_unit ?? DEFAULT_UNIT;
    const at = set.performedAt ? sql.timestamp(set.performedAt) : sql.fragment`now()`;

    const row = await tx.one(sql.type(addedSet)`
      WITH latest AS (
        SELECT id, end_time FROM workout_session
        WHERE user_id = ${userId}
        ORDER BY end_time DESC NULLS FIRST
        LIMIT 1
      ), started AS (
        INSERT INTO workout_session (user_id, start_time)
        SELECT ${userId}, ${at} WHERE NOT EXISTS (SELECT 1 FROM latest WHERE end_time IS NULL)
        RETURNING id
      ), session AS (
        SELECT id, false AS started FROM latest WHERE end_time IS NULL
        UNION ALL
        SELECT id, true FROM started
      ), new_set AS (
        INSERT INTO workout_log
          (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
        SELECT
          s.id, ${userId}, ${exerciseId},
          coalesce((
            SELECT max(l.set_number) FROM workout_log l WHERE l.session_id = s.id AND l.exercise_id = ${exerciseId}
          ), 0) + 1,
          workout_to_kg(${set.weight}::numeric, ${unit}), ${unit}, ${set.bodyweight}, ${set.reps},
          ${set.rpe}, ${set.setType}, ${at}, ${set.notes}
        FROM session s
        RETURNING *
      ), raised AS (
        INSERT INTO personal_record AS p (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
        SELECT ${userId}, ${exerciseId}, c.kind, c.reps, c.value, n.id, n.performed_at
        FROM new_set n
        CROSS JOIN LATERAL workout_record_candidates(n.weight, n.reps, n.bodyweight, n.set_type) c
        ON CONFLICT (user_id, exercise_id, kind, reps) DO UPDATE
          SET value = EXCLUDED.value, log_id = EXCLUDED.log_id, achieved_at = EXCLUDED.achieved_at
          WHERE p.value < EXCLUDED.value OR (p.value = EXCLUDED.value AND EXCLUDED.achieved_at < p.achieved_at)
        RETURNING p.kind, p.reps, p.value
      )
      SELECT
        n.id, n.session_id, s.started AS session_started, n.set_number, n.weight, n.unit, n.bodyweight,
        n.reps, n.rpe, n.set_type, n.performed_at, n.notes,
        coalesce((
          SELECT json_agg(json_build_object('kind', r.kind, 'reps', r.reps, 'value', r.value, 'previous', old.value))
          FROM raised r
          LEFT JOIN personal_record old
            ON old.user_id = ${userId} AND old.exercise_id = ${exerciseId} AND old.kind = r.kind AND old.reps = r.reps
        ), '[]') AS records
      FROM new_set n CROSS JOIN session s`);
    return { ...row, exercise: found.exercise_name };
  });
}
