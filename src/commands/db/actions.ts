import { openDatabase } from '../../db/database.js';
import { dataDir } from '../../db/dataDir.js';
import { migrate } from '../../db/migrations.js';
import { migrateIndexes } from '../../db/queries/compositeIndexes.js';
import { databaseStatus } from '../../db/queries/databaseStatus.js';
import { rowLevelSecurityState, setRowLevelSecurity } from '../../db/queries/rowLevelSecurity.js';
import { runningServers, stopServers } from '../../db/serverClient.js';
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

/** The embedded database's background server as `db status` shows it; null when there is none (a server backend, WORKOUT_SERVER=0). */
async function backgroundServer(config: CommandContext['config'], backend: string) {
  if (backend !== 'embedded' || !config.embeddedServer) return null;
  const [running] = await runningServers(dataDir(config));
  if (!running) return null;
  return {
    pid: running.pid,
    socket: running.socket,
    uptime_s: Math.round(running.uptimeMs / 1000),
    idle_timeout_s: running.idleTimeoutMs / 1000,
  };
}

export async function statusCommand({ config, output }: CommandContext) {
  const database = await openDatabase(config, { schema: 'any' });
  const status = await database.run((pool) => databaseStatus(pool));
  const server = await backgroundServer(config, database.backend);
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
    background_server: server,
  };
  output.result(report, (r) => {
    const pending = r.migrations.filter((migration) => !migration.applied);
    const lines = [
      `backend:     ${r.backend} (${r.target})`,
      `chosen by:   ${r.source}`,
      ...(r.background_server === null
        ? []
        : [
            `background:  pid ${r.background_server.pid}, up ${r.background_server.uptime_s} s, ` +
              `stops after ${r.background_server.idle_timeout_s} s idle (${r.background_server.socket})`,
          ]),
      `server:      PostgreSQL ${r.server_version}`,
      `migrations:  ${r.migrations.length - pending.length} applied, ${pending.length} pending` +
        (pending.length > 0 ? ` (${pending.map((m) => m.version).join(', ')}; run \`workout db migrate\`)` : ''),
      ...r.indexes.map((index) => `index:       ${index.name} ${index.state}`),
      ...(r.row_level_security === null ? [] : [`row-level security: ${r.row_level_security}`]),
    ];
    return lines.join('\n');
  });
}

export async function stopCommand({ config, output }: CommandContext) {
  const home = dataDir(config);
  const stopped = await stopServers(home);
  output.result({ home, stopped }, (r) =>
    r.stopped > 0 ? `Stopped the background server of ${r.home}.` : `No background server was running for ${r.home}.`,
  );
}

export async function migrateIndexesCommand({ config, output }: CommandContext, { dryRun }: MigrateIndexesInput) {
  const database = await openDatabase(config, { schema: 'any', longRunning: true });
  const results = await database.run((pool) =>
    migrateIndexes(pool, { concurrently: database.backend === 'server', dryRun, announcedPid: database.announcedPid }),
  );
  output.result(results, (rows) => rows.map((row) => `${row.name}: ${row.action}`).join('\n'));
}
