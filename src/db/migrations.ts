import fs from 'node:fs';
import { sql, type DatabasePool, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import { PendingMigrationsError } from '../errors.js';
import { SQL_DIR, sqlFile } from './sqlFile.js';

export type Migration = { version: number; name: string; file: string };

const MIGRATION_FILE = /^(\d{3})_([\w-]+)\.sql$/;

/** sql/migrations/NNN_name.sql, in order. */
export function listMigrations(): Migration[] {
  return fs
    .readdirSync(new URL('migrations/', SQL_DIR))
    .flatMap((file) => {
      const match = MIGRATION_FILE.exec(file);
      return match ? [{ version: Number(match[1]), name: match[2]!, file }] : [];
    })
    .sort((a, b) => a.version - b.version);
}

/** The version the code expects: the newest migration shipped with it. */
export function latestVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

const versionRow = z.object({ version: z.number() });

export async function appliedVersions(pool: Pick<DatabasePool, 'any' | 'oneFirst'>): Promise<number[]> {
  const exists = await pool.oneFirst(
    sql.type(z.object({ exists: z.boolean() }))`SELECT to_regclass('workout_migration') IS NOT NULL AS exists`,
  );
  if (!exists) return [];
  const rows = await pool.any(sql.type(versionRow)`SELECT version FROM workout_migration ORDER BY version`);
  return rows.map((row) => row.version);
}

export async function pendingMigrations(pool: DatabasePool): Promise<Migration[]> {
  const applied = new Set(await appliedVersions(pool));
  return listMigrations().filter((migration) => !applied.has(migration.version));
}

async function applyOne(tx: DatabaseTransactionConnection, migration: Migration): Promise<boolean> {
  // Two migrators at once: the second waits here, then finds the work done.
  await tx.query(sql.unsafe`SELECT pg_advisory_xact_lock(hashtext('workout_migration'))`);
  await tx.query(sql.unsafe`
    CREATE TABLE IF NOT EXISTS workout_migration (
      version     integer PRIMARY KEY,
      name        text NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
  const done = await tx.exists(sql.unsafe`SELECT 1 FROM workout_migration WHERE version = ${migration.version}`);
  if (done) return false;
  await tx.query(sqlFile(`migrations/${migration.file}`));
  await tx.query(
    sql.unsafe`INSERT INTO workout_migration (version, name) VALUES (${migration.version}, ${migration.name})`,
  );
  return true;
}

/** Applies pending migrations, each in its own transaction; returns those it applied. */
export async function migrate(pool: DatabasePool): Promise<Migration[]> {
  const applied: Migration[] = [];
  for (const migration of await pendingMigrations(pool)) {
    if (await pool.transaction((tx) => applyOne(tx, migration))) applied.push(migration);
  }
  return applied;
}

export function pendingError(count: number): PendingMigrationsError {
  return new PendingMigrationsError(
    `the database schema is behind this workout version (${count} pending migration(s), latest ${latestVersion()}); ` +
      'run `workout db migrate`',
  );
}
