import { type DatabasePool, sql } from 'slonik';
import { appliedVersions, listMigrations, pendingError } from './migrations.js';

/**
 * The newest migration applied, as a subquery: `set add` reads it inside its own
 * transaction, so the check costs no round trip of its own.
 */
export const appliedVersion = sql.fragment`(SELECT max(version) FROM workout_migration)`;

/** The one judgement of the schema version: every migration this code ships must be applied. */
export function assertSchemaVersion(applied: number | null): void {
  const pending = listMigrations().filter((migration) => migration.version > (applied ?? 0)).length;
  if (pending > 0) throw pendingError(pending);
}

/** The check as a visit of its own (a new database has no workout_migration table yet). */
export async function assertSchemaCurrent(pool: DatabasePool): Promise<void> {
  assertSchemaVersion((await appliedVersions(pool)).at(-1) ?? null);
}
