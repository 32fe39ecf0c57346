import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { LIMITS } from '../../domain/limits.js';
import type { NewSet, NewSets } from '../../domain/newSet.js';
import { RECORD_KINDS, recordOrder } from '../../domain/records.js';
import { resolveSets } from '../../domain/resolveSets.js';
import { DEFAULT_SESSION_GAP_MINUTES } from '../../domain/sessionGap.js';
import { formatWeight, UNITS } from '../../domain/units.js';
import { UsageError } from '../../errors.js';
import { appliedVersion, assertSchemaVersion } from '../schemaVersion.js';
import { CREATION_RACE_ATTEMPTS, lockedUserCtes } from './lockUser.js';
import { loggedSet } from './loggedSet.js';
import { DEFAULT_UNIT } from './readingUser.js';
import { resolvedExerciseId } from './resolveExercise.js';

const context = z.object({
  user_id: z.number().nullable(),
  exercise_id: z.number().nullable(),
  exercise_name: z.string().nullable(),
  exercise_created: z.boolean(),
  schema_version: z.number().nullable(),
  user_unit: z.enum(UNITS).nullable(),
});

const beatenRecord = z.object({
  kind: z.enum(RECORD_KINDS),
  reps: z.number(),
  value: z.number(),
  previous: z.number().nullable(),
  /** The set of the command that holds it now. */
  log_id: z.number(),
});

const commandSet = loggedSet.pick({
  id: true,
  set_number: true,
  weight: true,
  unit: true,
  bodyweight: true,
  reps: true,
});

const addedRow = z.object({
  /** `ended`: the new session is already over (sets logged for a time long past). Null only when refused. */
  session: z.object({ id: z.number(), started: z.boolean(), ended: z.boolean() }).nullable(),
  /** The active session this set found idle beyond the gap, ended at its last set. */
  closed_session_id: z.number().nullable(),
  closed_at: z.date().nullable(),
  performed_at: z.date(),
  /** The first set that cannot be logged (then none is): no last set to be relative to (null weight), or out of range. */
  refused: z.object({ ord: z.number(), weight: z.number().nullable(), unit: z.enum(UNITS).nullable() }).nullable(),
  sets: z.array(commandSet),
  /** Every record the command raised, once, held by the best of its sets. */
  records: z.array(beatenRecord),
});

export type AddedSets = { session_id: number; session_started: boolean; session_ended: boolean } & Omit<
  z.infer<typeof addedRow>,
  'refused' | 'session'
> &
  Pick<z.infer<typeof loggedSet>, 'rpe' | 'set_type' | 'notes'> & {
    /** The name the sets were logged under. */
    exercise: string;
    /** That name was new: created now. */
    exercise_created: boolean;
  };

/** One set as `set add` logged it (and `next --log`): its fields beside the session's. */
export type AddedSet = Omit<AddedSets, 'sets' | 'records'> &
  z.infer<typeof commandSet> & { records: Omit<z.infer<typeof beatenRecord>, 'log_id'>[] };

/** A name that resolves to no exercise, when set add was told not to create one (a person is asked first). */
export class UnknownExerciseError extends Error {
  override name = 'UnknownExerciseError';
  constructor(readonly exercise: string) {
    super(`no exercise named ${exercise}`);
  }
}

/**
 * The hot path: one transaction, two statements, however many sets the command logs.
 * The first finds or creates the user and the exercise (resolved through names and
 * aliases, see resolvedExerciseId; with `refuse`, an unknown name throws
 * UnknownExerciseError and nothing is written), locks the user's row and reads the
 * schema version; the second, whose snapshot is taken after that lock is held,
 * places the sets in a session (the rule below), reads the exercise's last working set
 * when a relative weight needs it, numbers the sets, inserts them and raises each
 * record they beat once. Every lookup is an index scan.
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
export async function addSets(
  pool: DatabasePool,
  set: NewSets,
  gapMinutes: number = DEFAULT_SESSION_GAP_MINUTES,
  newExercise: 'create' | 'refuse' = 'create',
): Promise<AddedSets> {
  return pool.transaction(async (tx) => {
    // Sets up to the first absolute one follow the exercise's last working set: a user or
    // an exercise created now has none, so they are not created (nothing is written).
    const needsLast = set.sets[0]?.kind !== 'absolute';
    let found: z.infer<typeof context> | undefined;
    // Null ids: a concurrent transaction created the user or the exercise; the retry sees it.
    for (let attempt = 0; attempt < CREATION_RACE_ATTEMPTS && !(found?.user_id && found.exercise_id); attempt++) {
      found = await tx.one(sql.type(context)`
        WITH ${lockedUserCtes(set.userName, !needsLast)}, known_exercise AS (
          SELECT id, name FROM exercise
          WHERE id = ${resolvedExerciseId(sql.fragment`(SELECT id FROM known_user)`, set.exercise)}
        ), new_exercise AS (
          -- Only for a user that existed when the statement began: under row-level security
          -- this statement cannot see a user it creates (a new user's new name: one retry).
          INSERT INTO exercise (user_id, name)
          SELECT k.id, ${set.exercise} FROM known_user k
          WHERE ${newExercise === 'create' && !needsLast} AND NOT EXISTS (SELECT 1 FROM known_exercise)
          ON CONFLICT (user_id, lower(name)) WHERE user_id IS NOT NULL DO NOTHING
          RETURNING id, name
        ), any_exercise AS (
          SELECT id, name FROM known_exercise UNION ALL SELECT id, name FROM new_exercise
        )
        SELECT
          (SELECT id FROM known_user UNION ALL SELECT id FROM new_user) AS user_id,
          (SELECT id FROM any_exercise) AS exercise_id,
          (SELECT name FROM any_exercise) AS exercise_name,
          EXISTS (SELECT 1 FROM new_exercise) AS exercise_created,
          ${appliedVersion} AS schema_version,
          (SELECT unit FROM app_user WHERE name = ${set.userName}) AS user_unit`);
      if (newExercise === 'refuse' && found.user_id && !found.exercise_id) throw new UnknownExerciseError(set.exercise);
      if (needsLast) break;
    }
    assertSchemaVersion(found?.schema_version ?? null);
    if (needsLast && !(found?.user_id && found.exercise_id)) throw neverDone(set.exercise);
    if (!found?.user_id || !found.exercise_id || !found.exercise_name) {
      throw new Error('could not resolve the user and exercise; try again');
    }
    const userId = found.user_id;
    const exerciseId = found.exercise_id;
    // A set given without a unit is in the user's (a user created just now has the default).
    const sets = resolveSets(set.sets, found.user_unit ?? DEFAULT_UNIT);
    const at = set.performedAt ? sql.timestamp(set.performedAt) : sql.fragment`now()`;

    const row = await tx.one(sql.type(addedRow)`
      WITH input AS (
        SELECT ${at}::timestamptz AS t, make_interval(mins => ${gapMinutes}) AS gap
      ), last_working AS (
        -- What a relative weight or \`same\` is relative to: the latest set of this
        -- exercise at or before T that is not a warm-up (a backward scan of
        -- workout_log_exercise_time). Not read at all when no set needs it.
        SELECT prior.weight, prior.unit, prior.bodyweight, prior.reps FROM workout_log prior
        WHERE ${needsLast} AND prior.user_id = ${userId} AND prior.exercise_id = ${exerciseId}
          AND prior.performed_at <= (SELECT t FROM input) AND prior.set_type <> 'warmup'
        ORDER BY prior.performed_at DESC, prior.id DESC
        LIMIT 1
      ), resolved AS (
        -- trim_scale: 100 kg plus 0 lb is 100, not 100.00000000.
        SELECT w.ord,
          trim_scale(
            CASE WHEN w.from_last THEN lw.weight + workout_to_kg(w.in_last_unit, lw.unit) ELSE 0 END
            + w.kg + workout_to_kg(w.lb, 'lb')
          ) AS weight,
          coalesce(w.unit, lw.unit) AS unit, coalesce(w.bodyweight, lw.bodyweight) AS bodyweight,
          coalesce(w.reps, lw.reps) AS reps
        FROM jsonb_to_recordset(${sql.jsonb(sets)}) AS w(
          ord integer, from_last boolean, kg numeric, lb numeric, in_last_unit numeric,
          unit text, bodyweight boolean, reps integer
        )
        LEFT JOIN last_working lw ON w.from_last
      ), refused AS (
        SELECT ord, weight, unit FROM resolved
        WHERE weight IS NULL OR weight < 0 OR weight > ${LIMITS.maxWeightKg}
        ORDER BY ord
        LIMIT 1
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
          AND NOT EXISTS (SELECT 1 FROM refused)
        RETURNING id, end_time
      ), session AS (
        SELECT id, false AS started, false AS ended FROM chosen
        UNION ALL
        SELECT id, true, end_time IS NOT NULL FROM started
      ), new_set AS (
        -- One transaction is one command: its id marks the sets \`set undo --command\` removes together.
        INSERT INTO workout_log
          (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at,
           notes, command_xact)
        SELECT
          s.id, ${userId}, ${exerciseId},
          coalesce((
            SELECT max(l.set_number) FROM workout_log l WHERE l.session_id = s.id AND l.exercise_id = ${exerciseId}
          ), 0) + r.ord,
          r.weight, r.unit, r.bodyweight, r.reps, ${set.rpe}, ${set.setType}, i.t, ${set.notes}, pg_current_xact_id()
        FROM resolved r, session s, input i
        WHERE NOT EXISTS (SELECT 1 FROM refused)
        RETURNING *
      ), raised AS (
        -- One row per record: ON CONFLICT may not touch a row twice. The best set holds
        -- it; of equal ones the first, as when the sets are logged one by one.
        INSERT INTO personal_record AS p (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
        SELECT DISTINCT ON (c.kind, c.reps) ${userId}, ${exerciseId}, c.kind, c.reps, c.value, n.id, n.performed_at
        FROM new_set n
        CROSS JOIN LATERAL workout_record_candidates(n.weight, n.reps, n.bodyweight, n.set_type) c
        ORDER BY c.kind, c.reps, c.value DESC, n.id
        ON CONFLICT (user_id, exercise_id, kind, reps) DO UPDATE
          SET value = EXCLUDED.value, log_id = EXCLUDED.log_id, achieved_at = EXCLUDED.achieved_at
          WHERE p.value < EXCLUDED.value OR (p.value = EXCLUDED.value AND EXCLUDED.achieved_at < p.achieved_at)
        RETURNING p.kind, p.reps, p.value, p.log_id
      ), totaled AS (
        -- What stats sums (session_exercise_totals, migration 012), in this same statement:
        -- one row for the command's sets (ON CONFLICT may not touch a row twice).
        INSERT INTO session_exercise_totals AS t (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
        SELECT n.session_id, n.exercise_id, n.user_id, min(n.performed_at),
               count(*) FILTER (WHERE n.set_type <> 'warmup'),
               coalesce(sum(n.reps) FILTER (WHERE n.set_type <> 'warmup'), 0),
               coalesce(sum(n.weight * n.reps) FILTER (WHERE n.set_type <> 'warmup'), 0)
        FROM new_set n
        GROUP BY n.session_id, n.exercise_id, n.user_id
        ON CONFLICT (session_id, exercise_id) DO UPDATE
          SET first_at = least(t.first_at, excluded.first_at), working_sets = t.working_sets + excluded.working_sets,
              reps = t.reps + excluded.reps, volume = t.volume + excluded.volume
      )
      SELECT
        (SELECT json_build_object('id', s.id, 'started', s.started, 'ended', s.ended) FROM session s) AS session,
        (SELECT id FROM closed) AS closed_session_id, (SELECT end_time FROM closed) AS closed_at,
        (SELECT t FROM input) AS performed_at,
        (SELECT json_build_object('ord', f.ord, 'weight', f.weight, 'unit', f.unit) FROM refused f) AS refused,
        coalesce((
          SELECT json_agg(json_build_object(
            'id', n.id, 'set_number', n.set_number, 'weight', n.weight, 'unit', n.unit, 'bodyweight', n.bodyweight,
            'reps', n.reps) ORDER BY n.set_number)
          FROM new_set n
        ), '[]') AS sets,
        coalesce((
          SELECT json_agg(json_build_object(
            'kind', r.kind, 'reps', r.reps, 'value', r.value, 'previous', old.value, 'log_id', r.log_id))
          FROM raised r
          LEFT JOIN personal_record old
            ON old.user_id = ${userId} AND old.exercise_id = ${exerciseId} AND old.kind = r.kind AND old.reps = r.reps
        ), '[]') AS records
      FROM input`);
    const { refused, session, ...added } = row;
    // Thrown inside the transaction: it rolls back, nothing is written.
    if (refused) throw refusal(refused, found.exercise_name);
    if (!session) throw new Error('set add found no session for the sets; try again');
    // In the order the record kinds are listed everywhere (the upsert returns them by kind name).
    const records = [...added.records].sort((a, b) => recordOrder(a) - recordOrder(b));
    return {
      ...added,
      session_id: session.id,
      session_started: session.started,
      session_ended: session.ended,
      records,
      rpe: set.rpe,
      set_type: set.setType,
      notes: set.notes,
      exercise: found.exercise_name,
      exercise_created: found.exercise_created,
    };
  });
}

function refusal(refused: NonNullable<z.infer<typeof addedRow>['refused']>, exercise: string): UsageError {
  if (refused.weight === null || refused.unit === null) return neverDone(exercise);
  return new UsageError(
    `SET: set ${refused.ord} would weigh ${formatWeight(refused.weight, refused.unit)}; ` +
      `a weight is from 0 to ${LIMITS.maxWeightKg} kg`,
  );
}

function neverDone(exercise: string): UsageError {
  return new UsageError(
    `SET: no earlier working set of ${exercise} for a relative weight or \`same\` to follow; give the weight (e.g. 100x5)`,
  );
}

/** One set, as `next --log` logs it: `set add`'s statement with a list of one. */
export async function addSet(
  pool: DatabasePool,
  { weight, unit, bodyweight, reps, ...set }: NewSet,
  gapMinutes: number = DEFAULT_SESSION_GAP_MINUTES,
): Promise<AddedSet> {
  const sets = [{ kind: 'absolute' as const, weight, unit: unit ?? undefined, bodyweight, reps }];
  const { sets: logged, records, ...added } = await addSets(pool, { ...set, sets }, gapMinutes);
  return { ...added, ...logged[0]!, records: records.map(({ log_id: _logId, ...record }) => record) };
}
