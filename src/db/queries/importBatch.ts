import { type DatabaseTransactionConnection, type FragmentSqlToken, sql } from 'slonik';
import { z } from 'zod';
import type { ImportedSet, SourceWorkout } from '../../domain/formats/types.js';

/**
 * An imported set with the id its exercise got and its set number (from the file, or its
 * place among the exercise's sets of that workout in the file). Its session is found by
 * its workout's key. No two rows of a batch have the same workout, exercise and number.
 */
export type ImportedSetRow = { set: ImportedSet; exerciseId: number; setNumber: number };

type Element = string | number | boolean | null;

const NEEDS_ESCAPE = /["\\]/;

/** Array input syntax: text elements quoted, so any text is safe; numbers and booleans as they print. */
function arrayText<T>(rows: readonly T[], value: (row: T) => Element): string {
  const elements = rows.map((row) => {
    const element = value(row);
    if (element === null) return 'NULL';
    if (typeof element !== 'string') return String(element);
    return NEEDS_ESCAPE.test(element) ? `"${element.replace(/["\\]/g, '\\$&')}"` : `"${element}"`;
  });
  return `{${elements.join(',')}}`;
}

/**
 * A batch ready to send: each column of its new workouts and of its sets as PostgreSQL
 * array text. Built while the batch before it is being written: `pg` would build it when
 * sending, while the database waits.
 */
export type PreparedBatch = ReturnType<typeof prepareImportedBatch>;

export function prepareImportedBatch(workouts: readonly SourceWorkout[], rows: readonly ImportedSetRow[]) {
  return {
    workouts: {
      key: arrayText(workouts, (w) => w.key),
      name: arrayText(workouts, (w) => w.name),
      notes: arrayText(workouts, (w) => w.notes),
      start: arrayText(workouts, (w) => w.start),
      end: arrayText(workouts, (w) => w.end),
    },
    workoutKeys: [...new Set(rows.map(({ set }) => set.workout.key))],
    setCount: rows.length,
    sets: {
      line: arrayText(rows, ({ set }) => set.line),
      workoutKey: arrayText(rows, ({ set }) => set.workout.key),
      exerciseId: arrayText(rows, ({ exerciseId }) => exerciseId),
      setNumber: arrayText(rows, ({ setNumber }) => setNumber),
      weight: arrayText(rows, ({ set }) => set.weight),
      unit: arrayText(rows, ({ set }) => set.unit),
      bodyweight: arrayText(rows, ({ set }) => set.bodyweight),
      reps: arrayText(rows, ({ set }) => set.reps),
      rpe: arrayText(rows, ({ set }) => set.rpe),
      setType: arrayText(rows, ({ set }) => set.setType),
      performedAt: arrayText(rows, ({ set }) => set.performedAt),
      notes: arrayText(rows, ({ set }) => set.notes),
    },
  };
}

const insertedBatch = z.object({
  /** The sessions created for the batch's new workouts (bigint arrays arrive as text), and their keys. */
  created_ids: z.array(z.coerce.number()),
  created_keys: z.array(z.string()),
  /** Sets whose workout has a session: all of them. */
  matched: z.number(),
  inserted: z.number(),
  /** Lines whose set number the session already held. */
  refused: z.array(z.number()),
  /** The sessions and exercises that got a set. */
  sessions: z.array(z.coerce.number()),
  exercises: z.array(z.coerce.number()),
});

/** The batch's sets in file order into workout_log, those of the sessions `which` picks. */
function insertSets(userId: number, which: FragmentSqlToken) {
  return sql.fragment`
    INSERT INTO workout_log
      (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
    SELECT
      i.session_id, ${userId}, i.exercise_id, i.set_number,
      workout_to_kg(i.weight, i.unit), i.unit, i.bodyweight, i.reps, i.rpe, i.set_type, i.performed_at, i.notes
    FROM input i
    WHERE ${which}
    ORDER BY i.line`;
}

/** What the totals below and the caller's counts read of the inserted sets. */
const insertedColumns = sql.fragment`session_id, exercise_id, set_number, user_id, performed_at, set_type, reps, weight`;

/**
 * Writes a batch in one statement: a session per new workout (a workout whose key the user
 * already has keeps its session: the unique index on (user_id, source_key) decides, so
 * two imports of the same workout make one session), then the sets in file order into the
 * sessions of their workouts (the unique index on (session, exercise, set number) decides
 * what is new). A number the session already holds is not inserted (`refused`): whether
 * that is the set imported before or a number the file repeats across batches depends on
 * whether this import created the session, which the caller knows.
 */
export async function insertImportedBatch(
  tx: DatabaseTransactionConnection,
  userId: number,
  batch: PreparedBatch,
): Promise<z.infer<typeof insertedBatch>> {
  const w = batch.workouts;
  const s = batch.sets;
  const result = await tx.one(sql.type(insertedBatch)`
    WITH workout AS (
      SELECT * FROM unnest(${w.key}::text[], ${w.name}::text[], ${w.notes}::text[], ${w.start}::timestamptz[], ${w.end}::timestamptz[])
        AS w (source_key, name, notes, start_time, end_time)
    ), created AS (
      INSERT INTO workout_session (user_id, source_key, name, notes, start_time, end_time)
      SELECT ${userId}, source_key, name, notes, start_time, coalesce(end_time, start_time) FROM workout
      ON CONFLICT (user_id, source_key) DO NOTHING
      RETURNING id, source_key
    ), session AS MATERIALIZED (
      SELECT id, source_key, true AS created FROM created
      UNION ALL
      -- The statement's snapshot: the sessions of earlier batches and imports, by the unique index.
      SELECT id, source_key, false FROM workout_session
      WHERE user_id = ${userId} AND source_key = ANY(${sql.array(batch.workoutKeys, 'text')})
    ), input AS (
      SELECT b.*, s.id AS session_id, s.created
      FROM unnest(
        ${s.line}::int4[], ${s.workoutKey}::text[], ${s.exerciseId}::int8[], ${s.setNumber}::int4[],
        ${s.weight}::numeric[], ${s.unit}::text[], ${s.bodyweight}::bool[], ${s.reps}::int4[], ${s.rpe}::numeric[],
        ${s.setType}::text[], ${s.performedAt}::timestamptz[], ${s.notes}::text[]
      ) AS b (line, source_key, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
      JOIN session s USING (source_key)
    ), inserted_new AS (
      -- Into the sessions created above: no set there to conflict with, so no ON CONFLICT and its
      -- speculative insertion (~10 % of a batch's time). Most of a new history's sets go this way.
      ${insertSets(userId, sql.fragment`i.created`)}
      RETURNING ${insertedColumns}
    ), inserted_more AS (
      ${insertSets(userId, sql.fragment`NOT i.created`)}
      ON CONFLICT (session_id, exercise_id, set_number) DO NOTHING
      RETURNING ${insertedColumns}
    ), inserted AS (
      SELECT * FROM inserted_new UNION ALL SELECT * FROM inserted_more
    ), totaled AS (
      -- What stats sums (session_exercise_totals, migration 012): the sets this batch added.
      INSERT INTO session_exercise_totals AS t (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
      SELECT session_id, exercise_id, min(user_id), min(performed_at),
             count(*) FILTER (WHERE set_type <> 'warmup'),
             coalesce(sum(reps) FILTER (WHERE set_type <> 'warmup'), 0),
             coalesce(sum(weight * reps) FILTER (WHERE set_type <> 'warmup'), 0)
      FROM inserted
      GROUP BY session_id, exercise_id
      ON CONFLICT (session_id, exercise_id) DO UPDATE
        SET first_at = least(t.first_at, excluded.first_at), working_sets = t.working_sets + excluded.working_sets,
            reps = t.reps + excluded.reps, volume = t.volume + excluded.volume
    )
    SELECT
      coalesce((SELECT array_agg(id ORDER BY id) FROM created), '{}') AS created_ids,
      coalesce((SELECT array_agg(source_key ORDER BY id) FROM created), '{}') AS created_keys,
      (SELECT count(*) FROM input) AS matched,
      (SELECT count(*) FROM inserted) AS inserted,
      coalesce((
        -- NOT IN, a hashed subplan whatever the estimates: unnest of a parameter is guessed at 100 rows,
        -- and NOT EXISTS became a nested loop over 5,000 x 5,000 rows.
        SELECT array_agg(i.line ORDER BY i.line) FROM input i
        WHERE (i.session_id, i.exercise_id, i.set_number) NOT IN (SELECT session_id, exercise_id, set_number FROM inserted)
      ), '{}') AS refused,
      coalesce((SELECT array_agg(DISTINCT session_id) FROM inserted), '{}') AS sessions,
      coalesce((SELECT array_agg(DISTINCT exercise_id) FROM inserted), '{}') AS exercises`);
  // Every workout's session was created above or before, and the caller holds the user's lock.
  if (result.matched !== batch.setCount) {
    throw new Error(`${batch.setCount - result.matched} imported sets found no session`);
  }
  return result;
}
