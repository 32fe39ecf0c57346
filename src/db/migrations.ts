import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type DatabasePool, type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import { PendingMigrationsError, WorkoutError } from '../errors.js';
import { SQL_DIR, sqlText } from './sqlFile.js';

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

/** A migration file's bytes and their sha256 (hex), read once so that what is applied is what is recorded. */
function readMigration(migration: Migration): { text: string; checksum: string } {
  const bytes = fs.readFileSync(new URL(`migrations/${migration.file}`, SQL_DIR));
  return { text: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
}

/** An applied migration whose file is no longer the one that was applied (exit 1). */
export class ChangedMigrationError extends WorkoutError {
  override name = 'ChangedMigrationError';
}

// `checksum` is null for a migration applied before checksums were recorded; read through
// to_jsonb so that a table from before the column existed reads the same way.
const appliedRow = z.object({ version: z.number(), checksum: z.string().nullable() });
type AppliedMigration = z.infer<typeof appliedRow>;

async function readApplied(pool: Pick<DatabasePool, 'any' | 'oneFirst'>): Promise<readonly AppliedMigration[]> {
  const exists = await pool.oneFirst(
    sql.type(z.object({ exists: z.boolean() }))`SELECT to_regclass('workout_migration') IS NOT NULL AS exists`,
  );
  if (!exists) return [];
  return pool.any(sql.type(appliedRow)`
    SELECT version, to_jsonb(m) ->> 'checksum' AS checksum FROM workout_migration m ORDER BY version`);
}

/**
 * Migrations are forward-only: a file that was applied must never change, or databases
 * migrated before and after the edit differ with nothing to tell. Every command that
 * reads the applied versions refuses such a database. A recorded version with no file
 * here belongs to a newer workout and is not this check's business.
 */
function verifyChecksums(applied: readonly AppliedMigration[]): void {
  const shipped = new Map(listMigrations().map((migration) => [migration.version, migration]));
  for (const { version, checksum } of applied) {
    const migration = shipped.get(version);
    if (checksum === null || !migration || readMigration(migration).checksum === checksum) continue;
    throw new ChangedMigrationError(
      `sql/migrations/${migration.file} was changed after it was applied to this database (its sha256 differs from ` +
        'the one recorded); restore the file as it was: a schema change goes in a new migration',
    );
  }
}

/** The applied versions, once their files are known to be unchanged. */
export async function appliedVersions(pool: Pick<DatabasePool, 'any' | 'oneFirst'>): Promise<number[]> {
  const applied = await readApplied(pool);
  verifyChecksums(applied);
  return applied.map((row) => row.version);
}

export async function pendingMigrations(pool: DatabasePool): Promise<Migration[]> {
  const applied = new Set(await appliedVersions(pool));
  return listMigrations().filter((migration) => !applied.has(migration.version));
}

/** Serializes migrators (the second waits, then finds the work done) and creates the bookkeeping table. */
async function lockMigrationTable(tx: DatabaseTransactionConnection): Promise<void> {
  await tx.query(sql.unsafe`SELECT pg_advisory_xact_lock(hashtext('workout_migration'))`);
  await tx.query(sql.unsafe`
    CREATE TABLE IF NOT EXISTS workout_migration (
      version     integer PRIMARY KEY,
      name        text NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
  // sha256 (hex) of the file's bytes as applied; null for migrations applied before it was kept.
  await tx.query(sql.unsafe`ALTER TABLE workout_migration ADD COLUMN IF NOT EXISTS checksum text`);
}

async function applyOne(tx: DatabaseTransactionConnection, migration: Migration): Promise<boolean> {
  await lockMigrationTable(tx);
  const done = await tx.exists(sql.unsafe`SELECT 1 FROM workout_migration WHERE version = ${migration.version}`);
  if (done) return false;
  const { text, checksum } = readMigration(migration);
  await tx.query(sqlText(text));
  await tx.query(sql.unsafe`
    INSERT INTO workout_migration (version, name, checksum)
    VALUES (${migration.version}, ${migration.name}, ${checksum})`);
  return true;
}

/**
 * Databases migrated before checksums were kept have none: the first `migrate` records
 * the current files' checksums for them (trust on first use; until then nothing is
 * compared for those versions). From then on a changed file is refused.
 */
async function recordMissingChecksums(pool: DatabasePool, applied: readonly AppliedMigration[]): Promise<void> {
  const shipped = listMigrations().filter((migration) =>
    applied.some((row) => row.version === migration.version && row.checksum === null),
  );
  if (shipped.length === 0) return;
  await pool.transaction(async (tx) => {
    await lockMigrationTable(tx);
    for (const migration of shipped) {
      await tx.query(sql.unsafe`
        UPDATE workout_migration SET checksum = ${readMigration(migration).checksum}
        WHERE version = ${migration.version} AND checksum IS NULL`);
    }
  });
}

/** Applies pending migrations, each in its own transaction; returns those it applied. */
export async function migrate(pool: DatabasePool): Promise<Migration[]> {
  const applied = await readApplied(pool);
  verifyChecksums(applied);
  await recordMissingChecksums(pool, applied);
  const done = new Set(applied.map((row) => row.version));
  const migrated: Migration[] = [];
  for (const migration of listMigrations().filter(({ version }) => !done.has(version))) {
    if (await pool.transaction((tx) => applyOne(tx, migration))) migrated.push(migration);
  }
  return migrated;
}

export function pendingError(count: number): PendingMigrationsError {
  return new PendingMigrationsError(
    `the database schema is behind this workout version (${count} pending migration(s), latest ${latestVersion()}); ` +
      'run `workout db migrate`',
  );
}
