import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';

/** The tables a big import fills, whose statistics the read commands' plans rest on. */
const IMPORTED_TABLES = sql.fragment`workout_log, workout_session, personal_record, exercise`;

/** Fewer sets than this are left to autovacuum (and tables this small plan well anyway). */
const MIN_SETS = 1_000;

/**
 * After a write of `addedSets` sets: when they are many next to what the planner believes
 * workout_log holds (at least 1,000 and, autovacuum's rule, 10 % of the table), gather fresh
 * statistics at once. Without them the planner takes a freshly imported table for the
 * few rows it held before and picks plans that sort every remaining row on each export
 * page (300,000 sets: 24-38 s instead of ~2-3 s). The embedded database has no
 * autovacuum at all: there VACUUM too (the visibility map, hint bits, frozen rows), or
 * nobody ever will. Outside the import's transaction (VACUUM cannot run inside one);
 * a role that does not own the tables gets a warning from the server, not an error.
 */
export async function refreshStatistics(pool: DatabasePool, addedSets: number, vacuum: boolean): Promise<void> {
  if (addedSets < MIN_SETS) return;
  const believed = await pool.oneFirst(sql.type(z.object({ rows: z.number() }))`
    SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'workout_log'::regclass`);
  if (addedSets <= 0.1 * believed) return;
  await pool.query(vacuum ? sql.unsafe`VACUUM (ANALYZE) ${IMPORTED_TABLES}` : sql.unsafe`ANALYZE ${IMPORTED_TABLES}`);
}
