import type { ScratchDatabase } from './scratch.js';

/** The lifter whose ten years the training reads are measured on, and the exercise read. */
export const LIFTER = 'lifter';
export const READ_EXERCISE = 'Bench Press';

/** A pool of 12 exercises; a session does 10 of them (rotating), 4 sets each, the first a warm-up. */
const EXERCISES = [
  'Bench Press',
  'Squat',
  'Deadlift',
  'Overhead Press',
  'Barbell Row',
  'Pull Up',
  'Dip',
  'Incline Bench Press',
  'Romanian Deadlift',
  'Leg Press',
  'Biceps Curl',
  'Lateral Raise',
];

const OTHER_EXERCISES = 2000;

export type TrainingShape = {
  /** The lifter's sessions over ten years (about two a day gives 300,000 sets). */
  sessions: number;
  /** Other users, each with `otherSessions` sessions of 10 sets spread over the same ten years. */
  others: number;
  otherSessions: number;
};

/**
 * Issue 12's data shape, generated in SQL: one lifter with ten years of history (about
 * 10 exercises x 4 sets per session; weights that grow over the years with noise, reps
 * 1–15, bodyweight sets on pull-ups and dips, a warm-up first) among thousands of other
 * users whose sets are interleaved with the lifter's in time, as they are on a live server
 * (every table is filled in time order, so the lifter's rows are spread over the heap).
 * The records are those the sets hold, by the schema's rules. Ends with VACUUM ANALYZE.
 * Returns the lifter's set count and the total.
 */
export async function generateTrainingHistory(
  db: Pick<ScratchDatabase, 'query' | 'release'>,
  { sessions, others, otherSessions }: TrainingShape,
): Promise<{ lifterSets: number; sets: number }> {
  await db.query("SET session_replication_role = replica; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
  // Shared names (user_id NULL); one the catalog (011) already has ("Pull Up") is that entry.
  await db.query('INSERT INTO exercise (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [EXERCISES]);
  // The others' exercises: many names, as thousands of users bring (the exercise table is shared).
  await db.query(`INSERT INTO exercise (name) SELECT 'Exercise ' || g FROM generate_series(1, $1::int) g`, [
    OTHER_EXERCISES,
  ]);
  await db.query(`INSERT INTO app_user (name) VALUES ($1)`, [LIFTER]);
  await db.query(`INSERT INTO app_user (name) SELECT 'user_' || g FROM generate_series(1, $1::int) g`, [others]);
  // Ten years from 2016-01-01: the lifter's sessions evenly, the others' at random times.
  await db.query(
    `CREATE TEMP TABLE planned AS
     SELECT u.id AS user_id, timestamptz '2016-01-01' + (s.n::float8 / $1) * interval '3650 days' AS start_time
     FROM app_user u CROSS JOIN generate_series(1, $1::int) s(n) WHERE u.name = $3
     UNION ALL
     SELECT u.id, timestamptz '2016-01-01' + random() * interval '3650 days'
     FROM app_user u CROSS JOIN generate_series(1, $2::int) s(n) WHERE u.name <> $3`,
    [sessions, otherSessions, LIFTER],
  );
  await db.query(
    `INSERT INTO workout_session (user_id, start_time, end_time)
     SELECT user_id, start_time, start_time + interval '2 hours' FROM planned ORDER BY start_time`,
  );
  // The lifter: exercise slot x of 10 (rotating through the 12), set k of 4 (k = 0 a warm-up).
  // The others: 10 sets of one or two exercises. Inserted in time order across all users.
  await db.query(
    `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, set_type, performed_at)
     SELECT session_id, user_id, exercise_id, row_number() OVER (PARTITION BY session_id, exercise_id ORDER BY at),
            weight, 'kg', bodyweight, reps, set_type, at
     FROM (
       SELECT ws.id AS session_id, ws.user_id, e.id AS exercise_id,
              lower(e.name) IN ('pull up', 'dip') AS bodyweight,
              CASE WHEN lower(e.name) IN ('pull up', 'dip') AND (ws.id + k) % 3 = 0 THEN 0
                   ELSE round((CASE WHEN k = 0 THEN 0.5 ELSE 1 END)
                              * (20 + x * 5 + 40 * extract(epoch FROM ws.start_time - timestamptz '2016-01-01') / (3650 * 86400)
                                 + (ws.id * 7 + k * 13) % 11) * 2) / 2 END AS weight,
              CASE WHEN k = 0 THEN 10 ELSE 1 + (ws.id * 5 + k * 3 + x) % 12 + CASE WHEN (ws.id + x) % 17 = 0 THEN 3 ELSE 0 END END AS reps,
              CASE WHEN k = 0 THEN 'warmup' WHEN k = 3 AND ws.id % 5 = 0 THEN 'failure' ELSE 'normal' END AS set_type,
              ws.start_time + (x * 4 + k) * interval '2 minutes' AS at
       FROM workout_session ws
       JOIN app_user u ON u.id = ws.user_id
       CROSS JOIN LATERAL (
         SELECT x, k FROM generate_series(0, 9) x CROSS JOIN generate_series(0, 3) k WHERE u.name = $1
         UNION ALL
         SELECT x / 5, x % 5 FROM generate_series(0, 9) x WHERE u.name <> $1
       ) slot
       JOIN exercise e ON e.user_id IS NULL AND lower(e.name) = lower(CASE WHEN u.name = $1 THEN ($2::text[])[1 + (slot.x + ws.id) % 12]
                                        ELSE 'Exercise ' || 1 + (ws.user_id * 7 + slot.x) % $3::int END)
     ) s
     ORDER BY at`,
    [LIFTER, EXERCISES, OTHER_EXERCISES],
  );
  await db.query(
    `INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
     SELECT DISTINCT ON (l.user_id, l.exercise_id, c.kind, c.reps)
            l.user_id, l.exercise_id, c.kind, c.reps, c.value, l.id, l.performed_at
     FROM workout_log l
     CROSS JOIN LATERAL workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
     ORDER BY l.user_id, l.exercise_id, c.kind, c.reps, c.value DESC, l.performed_at`,
  );
  // Triggers do not fire in replica mode: the per-session totals as migration 012 fills them.
  await db.query(
    `INSERT INTO session_exercise_totals (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
     SELECT session_id, exercise_id, min(user_id), min(performed_at),
            count(*) FILTER (WHERE set_type <> 'warmup'),
            coalesce(sum(reps) FILTER (WHERE set_type <> 'warmup'), 0),
            coalesce(sum(weight * reps) FILTER (WHERE set_type <> 'warmup'), 0)
     FROM workout_log GROUP BY session_id, exercise_id`,
  );
  await db.query('SET session_replication_role = DEFAULT');
  await db.query('VACUUM ANALYZE');
  const [row] = await db.query<{ lifter: number; sets: number }>(
    `SELECT count(*) FILTER (WHERE user_id = (SELECT id FROM app_user WHERE name = $1))::int AS lifter,
            count(*)::int AS sets FROM workout_log`,
    [LIFTER],
  );
  await db.release();
  return { lifterSets: row!.lifter, sets: row!.sets };
}
