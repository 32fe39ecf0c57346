import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import type { DateRange } from '../../domain/dateRange.js';
import { SET_TYPES } from '../../domain/limits.js';
import { RECORD_KINDS } from '../../domain/records.js';
import { UNITS } from '../../domain/units.js';
import { resolvedExerciseId } from './resolveExercise.js';

const historySet = z.object({
  id: z.number(),
  set_number: z.number(),
  weight: z.number(),
  unit: z.enum(UNITS),
  bodyweight: z.boolean(),
  reps: z.number(),
  set_type: z.enum(SET_TYPES),
});

const sessionRow = z.object({
  session_id: z.number(),
  started_at: z.date(),
  e1rm: z.number().nullable(),
  heaviest: z.number().nullable(),
  volume: z.number(),
  reps: z.number().nullable(),
  records: z.array(z.object({ kind: z.enum(RECORD_KINDS), reps: z.number() })),
});
const historyRow = sessionRow.extend({ sets: z.array(historySet) });

export type HistorySet = z.infer<typeof historySet>;
/** A session with the exercise (weights in kilograms; heaviest, e1rm and reps of the working sets, null when none). */
export type ExerciseSession = z.infer<typeof sessionRow>;
export type HistoryRow = z.infer<typeof historyRow>;

/**
 * Up to this many sessions are found by walking back one session at a time; more are
 * read as all sessions of the range (the walk costs two index probes per session).
 */
const WALK_LIMIT = 200;

/**
 * The newest `limit` sessions with the exercise whose first set of it lies in the range,
 * newest first, each with its sets (as logged, up to --to), volume, best e1RM and the
 * records it set (`history`).
 */
export async function exerciseHistory(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  exercise: string,
  range: DateRange,
  limit: number,
): Promise<HistoryRow[]> {
  return [
    ...(await pool.any(sql.type(historyRow)`
      ${sessionsQuery(userId, exercise, range, limit <= WALK_LIMIT ? limit : null)},
      shown AS (SELECT * FROM judged ORDER BY started_at DESC, session_id DESC LIMIT ${limit})
      SELECT sh.*,
        (SELECT json_agg(json_build_object(
                  'id', l.id, 'set_number', l.set_number, 'weight', l.weight, 'unit', l.unit,
                  'bodyweight', l.bodyweight, 'reps', l.reps, 'set_type', l.set_type) ORDER BY l.set_number)
         FROM workout_log l
         WHERE l.session_id = sh.session_id AND l.exercise_id = (SELECT id FROM ex)
           AND l.performed_at < (SELECT until FROM bound)) AS sets
      FROM shown sh
      ORDER BY sh.started_at DESC, sh.session_id DESC`)),
  ];
}

/** Every session with the exercise whose first set of it lies in the range, oldest first (`progress`). */
export async function exerciseSessions(
  pool: Pick<DatabasePool, 'any'>,
  userId: number,
  exercise: string,
  range: DateRange,
): Promise<ExerciseSession[]> {
  return [
    ...(await pool.any(sql.type(sessionRow)`
      ${sessionsQuery(userId, exercise, range, null)}
      SELECT * FROM judged ORDER BY started_at, session_id`)),
  ];
}

/**
 * The CTEs `ex`, `bound` and `judged`: one row per session with the exercise whose first
 * set of it is in [from, to), with its working sets' totals and the records it set.
 *
 * A session set a record when one of its sets beat every earlier set of the exercise
 * (by time, then by the order logged), by the rules of workout_record_candidates (001):
 * not a warm-up; heaviest weight, Epley e1RM (12 reps or fewer), weight x reps, the
 * heaviest weight for exactly N reps, and for bodyweight sets without added load the most
 * reps. Each is a function of (weight, reps) that grows with the weight, so the earlier
 * sets are summed up by the heaviest working set of each rep count before T (the first set
 * read) from workout_log_exercise_reps, walked backwards: the years before T are never read.
 *
 * `limit` (history): the newest sessions are found by walking back from --to one session
 * at a time (the newest set before the previous session's first set), which makes T the
 * first set of the oldest one found; the sets from T on are then read once, so a session
 * that overlaps another in time is still placed by its own first set. null (progress):
 * T is --from, and every set from there on is read (index-only, workout_log_exercise_time).
 */
function sessionsQuery(userId: number, exercise: string, { from, to }: DateRange, limit: number | null) {
  const start = from ? sql.fragment`${sql.timestamp(from)}::timestamptz` : sql.fragment`'-infinity'::timestamptz`;
  const until = to ? sql.fragment`${sql.timestamp(to)}::timestamptz` : sql.fragment`'infinity'::timestamptz`;
  const ofExercise = (alias: string) =>
    sql.fragment`${sql.identifier([alias, 'user_id'])} = ${userId} AND ${sql.identifier([alias, 'exercise_id'])} = (SELECT id FROM ex)`;
  const firstSetOf = (session: ReturnType<typeof sql.identifier>) => sql.fragment`(
    SELECT min(f.performed_at) FROM workout_log f WHERE f.session_id = ${session} AND f.exercise_id = (SELECT id FROM ex))`;
  const walk =
    limit === null
      ? sql.fragment``
      : sql.fragment`walk (session_id, first_at, n) AS (
          SELECT s.session_id, ${firstSetOf(sql.identifier(['s', 'session_id']))}, 1
          FROM (SELECT l.session_id FROM workout_log l WHERE ${ofExercise('l')} AND l.performed_at < ${until}
                ORDER BY l.performed_at DESC, l.id DESC LIMIT 1) s
          UNION ALL
          SELECT s.session_id, ${firstSetOf(sql.identifier(['s', 'session_id']))}, w.n + 1
          FROM walk w
          CROSS JOIN LATERAL (SELECT l.session_id FROM workout_log l WHERE ${ofExercise('l')} AND l.performed_at < w.first_at
                              ORDER BY l.performed_at DESC, l.id DESC LIMIT 1) s
          WHERE w.n < ${limit} AND w.first_at >= ${start}
        ),`;
  const t = limit === null ? start : sql.fragment`greatest((SELECT min(first_at) FROM walk), ${start})`;
  // A session with a set before T began before T: not in the range (or older than the newest `limit`).
  // With T at -infinity there is none, and the probe per session is skipped.
  const beganInWindow =
    limit === null && !from
      ? sql.fragment`true`
      : sql.fragment`NOT EXISTS (SELECT 1 FROM workout_log p WHERE p.session_id = s.session_id
                       AND p.exercise_id = (SELECT id FROM ex) AND p.performed_at < (SELECT t FROM bound))`;
  return sql.fragment`
    WITH RECURSIVE ex AS (
      SELECT ${resolvedExerciseId(userId, exercise)} AS id
    ), ${walk} bound AS (
      SELECT ${t} AS t, ${until} AS until
    ), rep_counts (reps) AS (
      -- Nothing is before T = -infinity (all of a user's history): then not a single probe.
      SELECT min(l.reps) FROM workout_log l
      WHERE ${ofExercise('l')} AND l.set_type <> 'warmup' AND (SELECT t FROM bound) > '-infinity'
      UNION ALL
      SELECT (SELECT min(l.reps) FROM workout_log l WHERE ${ofExercise('l')} AND l.set_type <> 'warmup' AND l.reps > r.reps)
      FROM rep_counts r WHERE r.reps IS NOT NULL
    ), earlier AS (
      -- Before T, per rep count: the heaviest working set, and whether a bodyweight set without added load was done.
      SELECT '-infinity'::timestamptz AS performed_at, 0::bigint AS id, NULL::bigint AS session_id,
             b.weight, r.reps, false AS bodyweight, 'normal' AS set_type
      FROM rep_counts r
      CROSS JOIN LATERAL (
        SELECT l.weight FROM workout_log l
        WHERE ${ofExercise('l')} AND l.set_type <> 'warmup' AND l.reps = r.reps AND l.performed_at < (SELECT t FROM bound)
        ORDER BY l.weight DESC LIMIT 1) b
      UNION ALL
      SELECT '-infinity', 0, NULL, 0, r.reps, true, 'normal'
      FROM rep_counts r
      CROSS JOIN LATERAL (
        SELECT 1 FROM workout_log l
        WHERE ${ofExercise('l')} AND l.set_type <> 'warmup' AND l.reps = r.reps AND l.weight = 0 AND l.bodyweight
          AND l.performed_at < (SELECT t FROM bound)
        LIMIT 1) b
    ), sets AS (
      SELECT performed_at, id, session_id, weight, reps, bodyweight, set_type FROM earlier
      UNION ALL
      SELECT l.performed_at, l.id, l.session_id, l.weight, l.reps, l.bodyweight, l.set_type FROM workout_log l
      WHERE ${ofExercise('l')} AND l.performed_at >= (SELECT t FROM bound) AND l.performed_at < (SELECT until FROM bound)
    ), valued AS MATERIALIZED (
      -- A working set's values of the record kinds (workout_record_candidates, as columns).
      -- Materialized: inlined, each value (the e1RM's numeric division) would be computed
      -- again by every window and aggregate that reads it.
      SELECT performed_at, id, session_id, reps, set_type <> 'warmup' AS working,
             CASE WHEN set_type <> 'warmup' AND weight > 0 THEN weight END AS heaviest,
             CASE WHEN set_type <> 'warmup' AND weight > 0 THEN workout_e1rm(weight, reps) END AS e1rm,
             CASE WHEN set_type <> 'warmup' THEN weight * reps END AS volume,
             CASE WHEN set_type <> 'warmup' AND bodyweight AND weight = 0 THEN reps END AS most_reps
      FROM sets
    ), beat AS (
      SELECT v.*,
             coalesce(heaviest > coalesce(max(heaviest) OVER before, 0), false) AS beat_heaviest,
             coalesce(e1rm > coalesce(max(e1rm) OVER before, 0), false) AS beat_e1rm,
             coalesce(volume > coalesce(max(volume) OVER before, 0), false) AS beat_volume,
             coalesce(most_reps > coalesce(max(most_reps) OVER before, 0), false) AS beat_most_reps
      FROM valued v
      WINDOW before AS (ORDER BY performed_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ), rep_max_beaten AS (
      -- Rep records apart, on the sets with a weight: a narrow sort by rep count, not a second one of every row.
      SELECT session_id, array_agg(DISTINCT reps) AS reps
      FROM (
        SELECT session_id, reps,
               heaviest > coalesce(max(heaviest) OVER (PARTITION BY reps ORDER BY performed_at, id
                                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS beaten
        FROM valued WHERE heaviest IS NOT NULL
      ) r
      WHERE beaten AND session_id IS NOT NULL
      GROUP BY session_id
    ), sessions AS (
      -- One pass over the sets: the totals, and which records the session's sets beat.
      SELECT b.session_id, min(b.performed_at) AS started_at, max(b.e1rm) AS e1rm, max(b.heaviest) AS heaviest,
             coalesce(sum(b.volume), 0) AS volume, sum(b.reps) FILTER (WHERE b.working) AS reps,
             bool_or(b.beat_e1rm) AS e1rm_hit, bool_or(b.beat_heaviest) AS heaviest_hit,
             bool_or(b.beat_most_reps) AS most_reps_hit, bool_or(b.beat_volume) AS volume_hit
      FROM beat b WHERE b.session_id IS NOT NULL GROUP BY b.session_id
    ), judged AS (
      SELECT s.session_id, s.started_at, s.e1rm, s.heaviest, s.volume, s.reps,
             CASE WHEN s.e1rm_hit OR s.heaviest_hit OR s.most_reps_hit OR s.volume_hit OR m.reps IS NOT NULL
               THEN (SELECT json_agg(json_build_object('kind', k.kind, 'reps', k.reps) ORDER BY k.kind, k.reps)
                     FROM (SELECT 'e1rm' AS kind, 0 AS reps WHERE s.e1rm_hit
                           UNION ALL SELECT 'heaviest', 0 WHERE s.heaviest_hit
                           UNION ALL SELECT 'most_reps', 0 WHERE s.most_reps_hit
                           UNION ALL SELECT 'rep_max', r FROM unnest(m.reps) r
                           UNION ALL SELECT 'volume', 0 WHERE s.volume_hit) k)
               ELSE '[]' END AS records
      FROM sessions s LEFT JOIN rep_max_beaten m USING (session_id)
      WHERE s.started_at >= ${start} AND ${beganInWindow}
    )`;
}
