import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { appliedVersions, listMigrations } from '../migrations.js';
import { indexStates } from './compositeIndexes.js';
import { rowLevelSecurityState } from './rowLevelSecurity.js';

export async function databaseStatus(pool: DatabasePool) {
  const serverVersion = await pool.oneFirst(sql.type(z.object({ server_version: z.string() }))`SHOW server_version`);
  const applied = new Set(await appliedVersions(pool));
  const migrations = listMigrations().map((migration) => ({
    version: migration.version,
    name: migration.name,
    applied: applied.has(migration.version),
  }));
  const indexes = applied.size > 0 ? await indexStates(pool) : [];
  const rowLevelSecurity = applied.size > 0 ? await rowLevelSecurityState(pool) : null;
  return { serverVersion, migrations, indexes, rowLevelSecurity };
}
