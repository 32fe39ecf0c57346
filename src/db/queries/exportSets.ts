import { type DatabasePoolConnection, sql } from 'slonik';
import { z } from 'zod';
import { exportedSetSchema } from '../../domain/formats/exportRows.js';
import { UNITS, type Unit } from '../../domain/units.js';
import { resolvedExerciseId } from './resolveExercise.js';

/** A set as exported, with its id for the next page's cursor. */
const exportRow = exportedSetSchema.extend({ id: z.number() });
export type ExportRow = z.infer<typeof exportRow>;

export type ExportFilter = {
  userId: number;
  from: Date | null;
  /** Upper bound; `toInclusive` false for a day (up to the next midnight), true for a time. */
  to: Date | null;
  toInclusive: boolean;
  exercise: string | null;
  /** Weights in this unit (Strong files have one unit); null: each set's own unit. */
  unit: Unit | null;
};

/** Where the previous page ended: keyset pagination on (performed_at, id). */
export type ExportCursor = { performedAt: string; id: number };

/**
 * Times are printed in `zone` with their offset (`2025-07-23 19:16:49.123456+02`) and
 * microseconds, so the text reads back to the same instant.
 */
export async function useExportZone(connection: DatabasePoolConnection, zone: string): Promise<void> {
  await connection.query(
    sql.unsafe`SELECT set_config('TimeZone', ${zone}, false), set_config('DateStyle', 'ISO, YMD', false)`,
  );
}

/** One page of the user's sets in time order, after `cursor`. Each page is an index range scan. */
export async function exportPage(
  connection: DatabasePoolConnection,
  filter: ExportFilter,
  cursor: ExportCursor | null,
  limit: number,
): Promise<readonly ExportRow[]> {
  const conditions = [
    sql.fragment`l.user_id = ${filter.userId}`,
    cursor ? sql.fragment`(l.performed_at, l.id) > (${cursor.performedAt}::timestamptz, ${cursor.id})` : null,
    filter.from ? sql.fragment`l.performed_at >= ${sql.timestamp(filter.from)}` : null,
    filter.to
      ? filter.toInclusive
        ? sql.fragment`l.performed_at <= ${sql.timestamp(filter.to)}`
        : sql.fragment`l.performed_at < ${sql.timestamp(filter.to)}`
      : null,
    filter.exercise === null
      ? null
      : sql.fragment`l.exercise_id = ${resolvedExerciseId(filter.userId, filter.exercise)}`,
  ].filter((condition) => condition !== null);
  return connection.any(sql.type(exportRow)`
    SELECT
      l.id, s.source_key AS session_key, s.name AS session_name,
      s.start_time::text AS session_start, s.end_time::text AS session_end,
      round(extract(epoch FROM s.end_time - s.start_time))::int AS session_seconds,
      s.notes AS session_notes, e.name AS exercise, l.set_number, l.set_type,
      -- In the set's own unit, every digit imports kept (9 decimals): lossless. Converted
      -- to the one unit of a Strong file, to the gram.
      trim_scale(round(
        CASE coalesce(${filter.unit}::text, l.unit) WHEN 'lb' THEN l.weight / 0.45359237 ELSE l.weight END,
        CASE WHEN ${filter.unit}::text IS NULL THEN 9 ELSE 3 END
      ))::text AS weight,
      coalesce(${filter.unit}::text, l.unit) AS unit, l.bodyweight, l.reps, trim_scale(l.rpe)::text AS rpe,
      l.performed_at::text AS performed_at, l.notes
    FROM workout_log l
    JOIN workout_session s ON s.id = l.session_id
    JOIN exercise e ON e.id = l.exercise_id
    WHERE ${sql.join(conditions, sql.fragment` AND `)}
    ORDER BY l.performed_at, l.id
    LIMIT ${limit}`);
}

const unitCount = z.object({ unit: z.enum(UNITS), sets: z.number() });

/** How many of the user's sets were logged in each unit, most used first. */
export async function unitUsage(
  connection: DatabasePoolConnection,
  userId: number,
): Promise<Array<z.infer<typeof unitCount>>> {
  return [
    ...(await connection.any(sql.type(unitCount)`
      SELECT unit, count(*) AS sets FROM workout_log WHERE user_id = ${userId} GROUP BY unit ORDER BY count(*) DESC, unit`)),
  ];
}
