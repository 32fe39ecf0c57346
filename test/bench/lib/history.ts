import type { ScratchDatabase } from './scratch.js';

export type HistoryShape = {
  users: number;
  /** Ended sessions per user. */
  sessionsPerUser: number;
  /** Sets per session: 3 sets each of ceil(n / 3) exercises. */
  setsPerSession: number;
  exercises: number;
};

/**
 * Fills a migrated database with ended sessions, their sets and the records they hold,
 * generated in SQL: users `user_1` … `user_N`, exercises `Exercise 1` … `Exercise E`.
 * Foreign-key triggers are off while loading (session_replication_role = replica): the
 * rows are consistent by construction. Ends with VACUUM ANALYZE, as a live database is.
 */
export async function generateHistory(db: ScratchDatabase, shape: HistoryShape): Promise<number> {
  const { users, sessionsPerUser, setsPerSession, exercises } = shape;
  if (Math.ceil(setsPerSession / 3) > exercises) throw new Error('too few exercises for that many sets per session');
  await db.query("SET session_replication_role = replica; SET work_mem = '256MB'; SET maintenance_work_mem = '256MB'");
  await db.query(`INSERT INTO exercise (name) SELECT 'Exercise ' || g FROM generate_series(1, $1::int) g`, [exercises]);
  await db.query(`INSERT INTO app_user (name) SELECT 'user_' || g FROM generate_series(1, $1::int) g`, [users]);
  await db.query(
    `INSERT INTO workout_session (user_id, start_time, end_time)
     SELECT u.id, t.start, t.start + interval '1 hour'
     FROM app_user u
     CROSS JOIN generate_series(1, $1::int) s
     CROSS JOIN LATERAL (SELECT timestamptz '2020-01-01' + s * interval '2 days' + (u.id % 600) * interval '1 minute' AS start) t`,
    [sessionsPerUser],
  );
  // Set k of a session: exercise number (user * 7 + k / 3) mod E, set number k mod 3 + 1.
  await db.query(
    `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, set_type, performed_at)
     SELECT ws.id, ws.user_id,
            (SELECT min(id) FROM exercise) + (ws.user_id * 7 + k / 3) % $2::int,
            k % 3 + 1,
            20 + ((ws.id * 13 + k * 7) % 160) * 0.5, 'kg',
            1 + (ws.id + k) % 12,
            CASE WHEN k % 3 = 0 AND k % 2 = 0 THEN 'warmup' ELSE 'normal' END,
            ws.start_time + k * interval '3 minutes'
     FROM workout_session ws CROSS JOIN generate_series(0, $1::int - 1) k`,
    [setsPerSession, exercises],
  );
  // The records those sets hold, by the schema's one definition of the rules.
  await db.query(
    `INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
     SELECT DISTINCT ON (l.user_id, l.exercise_id, c.kind, c.reps)
            l.user_id, l.exercise_id, c.kind, c.reps, c.value, l.id, l.performed_at
     FROM workout_log l
     CROSS JOIN LATERAL workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
     ORDER BY l.user_id, l.exercise_id, c.kind, c.reps, c.value DESC, l.performed_at`,
  );
  await db.query('SET session_replication_role = DEFAULT');
  await db.query('VACUUM ANALYZE');
  const [row] = await db.query<{ sets: number }>('SELECT count(*)::int AS sets FROM workout_log');
  await db.release();
  return row!.sets;
}
