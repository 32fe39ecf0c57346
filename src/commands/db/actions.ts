import { openDatabase } from '../../db/database.js';
import { migrate } from '../../db/migrations.js';
import { migrateIndexes } from '../../db/queries/compositeIndexes.js';
import { databaseStatus } from '../../db/queries/databaseStatus.js';
import { rowLevelSecurityState, setRowLevelSecurity } from '../../db/queries/rowLevelSecurity.js';
import { UsageError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import type { MigrateIndexesInput, MigrateInput } from '../db.js';

export async function migrateCommand({ config, output }: CommandContext, { rowLevelSecurity: switchTo }: MigrateInput) {
  if (switchTo !== undefined && !config.databaseUrl) {
    throw new UsageError('row-level security is for shared servers (DATABASE_URL); the embedded database has one user');
  }
  const database = await openDatabase(config, { schema: 'any' });
  const { applied, rowLevelSecurity } = await database.run(async (pool) => {
    const done = await migrate(pool);
    if (switchTo !== undefined) await setRowLevelSecurity(pool, switchTo);
    return { applied: done, rowLevelSecurity: await rowLevelSecurityState(pool) };
  });
  output.result({ backend: database.backend, applied, row_level_security: rowLevelSecurity }, (result) =>
    [
      result.applied.length === 0
        ? 'Schema is up to date; nothing to apply.'
        : result.applied
            .map((migration) => `applied ${String(migration.version).padStart(3, '0')}_${migration.name}`)
            .join('\n'),
      ...(switchTo === undefined ? [] : [`row-level security: ${result.row_level_security}`]),
    ].join('\n'),
  );
}

export async function statusCommand({ config, output }: CommandContext) {
  const database = await openDatabase(config, { schema: 'any' });
  const status = await database.run((pool) => databaseStatus(pool));
  // Which setting chose the target: a PG* variable left in the environment must not pick a server unnoticed.
  const source =
    config.databaseSource ?? 'no --database-url, DATABASE_URL, PGHOST, PGHOSTADDR, PGDATABASE or PGSERVICE';
  const { serverVersion, rowLevelSecurity, ...rest } = status;
  const report = {
    backend: database.backend,
    target: database.target,
    source,
    server_version: serverVersion,
    ...rest,
    row_level_security: rowLevelSecurity,
  };
  output.result(report, (r) => {
    const pending = r.migrations.filter((migration) => !migration.applied);
    const lines = [
      `backend:     ${r.backend} (${r.target})`,
      `chosen by:   ${r.source}`,
      `server:      PostgreSQL ${r.server_version}`,
      `migrations:  ${r.migrations.length - pending.length} applied, ${pending.length} pending` +
        (pending.length > 0 ? ` (${pending.map((m) => m.version).join(', ')}; run \`workout db migrate\`)` : ''),
      ...r.indexes.map((index) => `index:       ${index.name} ${index.state}`),
      ...(r.row_level_security === null ? [] : [`row-level security: ${r.row_level_security}`]),
    ];
    return lines.join('\n');
  });
}

export async function migrateIndexesCommand({ config, output }: CommandContext, { dryRun }: MigrateIndexesInput) {
  const database = await openDatabase(config, { schema: 'any', longRunning: true });
  const results = await database.run((pool) =>
    migrateIndexes(pool, { concurrently: database.backend === 'server', dryRun, announcedPid: database.announcedPid }),
  );
  output.result(results, (rows) => rows.map((row) => `${row.name}: ${row.action}`).join('\n'));
}
