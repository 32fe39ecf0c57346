import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { NewSet } from '../../domain/newSet.js';
import { RECORD_KINDS } from '../../domain/records.js';
import { DEFAULT_SESSION_GAP_MINUTES } from '../../domain/sessionGap.js';
import { UNITS } from '../../domain/units.js';
import { appliedVersion, assertSchemaVersion } from '../schemaVersion.js';
import { CREATION_RACE_ATTEMPTS, lockedUserCtes } from './lockUser.js';
import { loggedSet } from './loggedSet.js';
import { DEFAULT_UNIT } from './readingUser.js';

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
  /** The new session is already over: a set logged for a time long past. */
  session_ended: z.boolean(),
  /** The active session this set found idle beyond the gap, ended at its last set. */
  closed_session_id: z.number().nullable(),
  closed_at: z.date().nullable(),
  records: z.array(beatenRecord),
});

export type AddedSet = z.infer<typeof addedSet> & { exercise: string };

/**
 * The hot path: one transaction, two statements. The first finds or creates the user
 * and the exercise, locks the user's row and reads the schema version; the second,
 * whose snapshot is taken after that lock is held, places the set in a session (the
 * rule below), numbers the set, inserts it and raises every record it beats. Every
 * lookup is an index scan.
 *
 * Which session, for a set at time T and the gap G:
 * - the active session, when T lies between its start - G and its last set + G;
 * - with --at, an ended session whose span widened by G holds T
 *   (of two, the nearer to T; at equal distance the active one);
 * - that session's span grows to hold T: a session's start <= its sets' times <= its end;
 * - otherwise a new session starts at T. The active session, if T is more than G after
 *   its last set, is ended at that last set first. The new session stays active unless
 *   T is more than G ago, another session stays active, or the latest session ends
 *   after T: then it is ended at T (a backfilled workout).
 */
export async function addSet(
  pool: DatabasePool,
  set: NewSet,
  gapMinutes: number = DEFAULT_SESSION_GAP_MINUTES,
): Promise<AddedSet> {
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
      WITH input AS (
        SELECT ${at}::timestamptz AS t, make_interval(mins => ${gapMinutes}) AS gap
      ), latest AS (
        SELECT id, start_time, end_time FROM workout_session
        WHERE user_id = ${userId}
        ORDER BY end_time DESC NULLS FIRST
        LIMIT 1
      ), active AS (
        SELECT a.id, a.start_time,
               greatest(a.start_time, (SELECT max(done.performed_at) FROM workout_log done WHERE done.session_id = a.id)) AS last_at
        FROM latest a WHERE a.end_time IS NULL
      ), nearest_ended AS (
        SELECT id, start_time, end_time FROM workout_session
        WHERE ${set.performedAt !== null} AND user_id = ${userId} AND end_time >= (SELECT t - gap FROM input)
        ORDER BY end_time
        LIMIT 1
      ), candidate AS (
        SELECT id, false AS ended, start_time, last_at AS end_time FROM active
        UNION ALL
        SELECT id, true, start_time, end_time FROM nearest_ended
      ), chosen AS (
        SELECT c.id FROM candidate c, input i
        WHERE i.t BETWEEN c.start_time - i.gap AND c.end_time + i.gap
        ORDER BY greatest(c.start_time - i.t, i.t - c.end_time, interval '0'), c.ended
        LIMIT 1
      ), widened AS (
        -- The session grows to hold the set (an active one only at its start).
        UPDATE workout_session s
        SET start_time = least(s.start_time, i.t),
            end_time = CASE WHEN s.end_time IS NOT NULL THEN greatest(s.end_time, i.t) END
        FROM chosen c, input i
        WHERE s.id = c.id AND (i.t < s.start_time OR i.t > s.end_time)
        RETURNING s.id
      ), closed AS (
        UPDATE workout_session s
        SET end_time = a.last_at
        FROM active a, input i
        WHERE s.id = a.id AND i.t > a.last_at + i.gap
        RETURNING s.id, s.end_time
      ), started AS (
        -- Reading closed first runs its UPDATE before this INSERT: the one-active index sees one.
        INSERT INTO workout_session (user_id, start_time, end_time)
        SELECT ${userId}, i.t,
          CASE WHEN i.t >= now() - i.gap
                AND NOT EXISTS (SELECT 1 FROM latest o WHERE o.end_time IS NULL AND o.id NOT IN (SELECT id FROM closed))
                AND NOT EXISTS (SELECT 1 FROM latest o WHERE o.end_time > i.t)
               THEN NULL ELSE i.t END
        FROM input i
        WHERE NOT EXISTS (SELECT 1 FROM chosen) AND (SELECT count(*) FROM closed) >= 0
        RETURNING id, end_time
      ), session AS (
        SELECT id, false AS started, false AS ended FROM chosen
        UNION ALL
        SELECT id, true, end_time IS NOT NULL FROM started
      ), new_set AS (
        INSERT INTO workout_log
          (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
        SELECT
          s.id, ${userId}, ${exerciseId},
          coalesce((
            SELECT max(l.set_number) FROM workout_log l WHERE l.session_id = s.id AND l.exercise_id = ${exerciseId}
          ), 0) + 1,
          workout_to_kg(${set.weight}::numeric, ${unit}), ${unit}, ${set.bodyweight}, ${set.reps},
          ${set.rpe}, ${set.setType}, i.t, ${set.notes}
        FROM session s, input i
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
      ), totaled AS (
        -- What stats sums (session_exercise_totals, migration 012), in this same statement.
        INSERT INTO session_exercise_totals AS t (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
        SELECT n.session_id, n.exercise_id, n.user_id, n.performed_at, w.sets, w.sets * n.reps, w.sets * n.weight * n.reps
        FROM new_set n CROSS JOIN LATERAL (SELECT CASE WHEN n.set_type = 'warmup' THEN 0 ELSE 1 END AS sets) w
        ON CONFLICT (session_id, exercise_id) DO UPDATE
          SET first_at = least(t.first_at, excluded.first_at), working_sets = t.working_sets + excluded.working_sets,
              reps = t.reps + excluded.reps, volume = t.volume + excluded.volume
      )
      SELECT
        n.id, n.session_id, s.started AS session_started, s.ended AS session_ended,
        (SELECT id FROM closed) AS closed_session_id, (SELECT end_time FROM closed) AS closed_at, n.set_number, n.weight, n.unit, n.bodyweight,
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
