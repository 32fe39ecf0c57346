import type { TestDatabase } from './testDatabase.js';

/**
 * What a user's log holds, one line per row, in insertion order, so that tests can
 * compare whole databases and spell out expectations compactly. Times are UTC ISO;
 * weights are shown in the set's own unit, plus the stored kilograms.
 */
export type Snapshot = { sessions: string[]; sets: string[]; records: string[] };

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

export async function snapshot(db: TestDatabase, user = 'tester'): Promise<Snapshot> {
  const sessions = await db.query<{ line: string }>(
    `SELECT concat_ws(' | ', s.source_key, coalesce(s.name, '-'),
              to_char(s.start_time AT TIME ZONE 'UTC', ${UTC}) || ' -> ' || coalesce(to_char(s.end_time AT TIME ZONE 'UTC', ${UTC}), 'active'),
              coalesce(s.notes, '-')) AS line
     FROM workout_session s JOIN app_user u ON u.id = s.user_id
     WHERE u.name = $1 ORDER BY s.id`,
    [user],
  );
  const sets = await db.query<{ line: string }>(
    `SELECT concat_ws(' | ', s.source_key, e.name || ' #' || l.set_number, l.set_type,
              trim_scale(round(l.weight / CASE l.unit WHEN 'lb' THEN 0.45359237 ELSE 1 END, 3)) || ' ' || l.unit
                || CASE WHEN l.bodyweight THEN ' bw' ELSE '' END || ' (' || l.weight || ' kg)',
              'x' || l.reps, 'rpe ' || coalesce(trim_scale(l.rpe)::text, '-'),
              to_char(l.performed_at AT TIME ZONE 'UTC', ${UTC}), coalesce(l.notes, '-')) AS line
     FROM workout_log l
     JOIN workout_session s ON s.id = l.session_id
     JOIN exercise e ON e.id = l.exercise_id
     JOIN app_user u ON u.id = l.user_id
     WHERE u.name = $1 ORDER BY l.id`,
    [user],
  );
  const records = await db.query<{ line: string }>(
    `SELECT concat_ws(' | ', e.name, p.kind || CASE WHEN p.kind = 'rep_max' THEN ' ' || p.reps ELSE '' END, p.value::text,
              s.source_key || ' #' || l.set_number) AS line
     FROM personal_record p
     JOIN exercise e ON e.id = p.exercise_id
     JOIN workout_log l ON l.id = p.log_id
     JOIN workout_session s ON s.id = l.session_id
     JOIN app_user u ON u.id = p.user_id
     WHERE u.name = $1 ORDER BY lower(e.name), p.kind, p.reps`,
    [user],
  );
  return { sessions: sessions.map((r) => r.line), sets: sets.map((r) => r.line), records: records.map((r) => r.line) };
}

/** Every row of every table in the public schema, and every sequence's position (sequences advance
 * even in a rolled-back transaction: compare `.tables` where a write was attempted and undone). */
export type DatabaseSnapshot = { tables: Record<string, string>; sequences: Record<string, string> };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A comparable picture of the whole database: equal snapshots mean nothing was written. */
export async function snapshotDatabase(db: TestDatabase): Promise<DatabaseSnapshot> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const snapshot: DatabaseSnapshot = { tables: {}, sequences: {} };
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: string | null }>(
      `SELECT coalesce(json_agg(t ORDER BY t::text)::text, '[]') AS rows FROM ${quoteIdent(name)} t`,
    );
    snapshot.tables[name] = row?.rows ?? '[]';
  }
  const sequences = await db.query<{ name: string; position: string }>(
    `SELECT sequencename AS name, coalesce(last_value::text, 'unused') AS position
     FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  for (const { name, position } of sequences) snapshot.sequences[name] = position;
  return snapshot;
}
