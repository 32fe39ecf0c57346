import { createPool, type DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { type ConnectionSettings, describeSettings, resolveConnection } from './connectionConfig.js';
import { toWorkoutError } from './databaseErrors.js';
import { dataDir } from './dataDir.js';
import { createCliDriverFactory } from './driver.js';
import { startEmbedded } from './embedded.js';
import { migrate } from './migrations.js';
import { createRowSchemaInterceptor } from './rowSchemaInterceptor.js';
import { assertSchemaCurrent } from './schemaVersion.js';

export type Backend = 'server' | 'embedded';

export type Database = {
  pool: DatabasePool;
  backend: Backend;
  /** host:port/database or the data directory: safe to print. */
  target: string;
  /** The backend pid the server announced at connect (a pooler announces a made-up one); undefined before connecting. */
  announcedPid: () => number | undefined;
  /** Runs `work`, maps driver errors to typed ones, and always closes the database. */
  run: <T>(work: (pool: DatabasePool) => Promise<T>) => Promise<T>;
};

/**
 * What a command needs of the schema. 'current': all of it (an embedded database applies
 * what is pending; a server with pending migrations is refused: changing a shared schema
 * is the operator's call). 'current-read-by-work': the same, but on a server the work reads
 * the version in its own transaction and checks it with assertSchemaVersion (`set add`:
 * no round trip of its own). 'any': `db migrate`, `db status`.
 */
export type SchemaNeed = 'current' | 'current-read-by-work' | 'any';

export type OpenOptions = {
  schema: SchemaNeed;
  /**
   * Work that may legitimately run for a long time (index builds): no client-side bound on
   * waiting for an answer. Everything else gives up on a silent server after
   * statement_timeout + connect timeout (the server cancels first and says so).
   */
  longRunning?: boolean;
};

async function createCliPool(
  config: Config,
  connection: ConnectionSettings,
  server: boolean,
  longRunning: boolean,
  onConnected: (announcedPid: number) => void,
) {
  // slonik hands the string only to the driver, which takes `connection` instead.
  return createPool('postgres://', {
    driverFactory: createCliDriverFactory({
      connection,
      connectTimeoutMs: config.connectTimeoutMs,
      // PGlite takes no timeouts; long work (index builds) sets its own on a connection of its own.
      timeouts:
        server && !longRunning ? { lockMs: config.lockTimeoutMs, statementMs: config.statementTimeoutMs } : undefined,
      queryTimeoutMs: server && !longRunning ? config.statementTimeoutMs + config.connectTimeoutMs : undefined,
      onConnected,
    }),
    // One short-lived process, one connection: nothing to reset or retry at connect.
    maximumPoolSize: 1,
    resetConnection: async () => {},
    connectionRetryLimit: 0,
    captureStackTrace: false,
    connectionTimeout: config.connectTimeoutMs,
    // A lost connection is destroyed while its query is failing; slonik's wait for that
    // query is a timer that would keep the finished process alive this long.
    gracefulTerminationTimeout: 100,
    statementTimeout: 'DISABLE_TIMEOUT',
    idleInTransactionSessionTimeout: 'DISABLE_TIMEOUT',
    // Deadlocks and serialization failures (SQLSTATE 40xxx) rerun the transaction.
    transactionRetryLimit: 3,
    typeParsers: [],
    interceptors: [createRowSchemaInterceptor()],
  });
}

/**
 * Closing after the work is done (or failed) must not replace the outcome: on a lost
 * connection pool.end() fails again with a follow-on error, and the data-dir lock must
 * still be released.
 */
async function endQuietly(pool: DatabasePool): Promise<void> {
  try {
    await pool.end();
  } catch {
    // The command's result or its mapped error stands.
  }
}

/**
 * Opens the server named by DATABASE_URL, or the embedded PGlite in the data folder
 * (created and migrated on first use); `options.schema` says what the schema must be.
 */
export async function openDatabase(config: Config, options: OpenOptions): Promise<Database> {
  let announcedPid: number | undefined;
  const onConnected = (pid: number) => {
    announcedPid = pid;
  };
  if (config.databaseUrl) {
    const connection = resolveConnection(config.databaseUrl);
    const target = describeSettings(connection);
    const pool = await createCliPool(config, connection, true, options.longRunning ?? false, onConnected);
    return {
      pool,
      backend: 'server',
      target,
      announcedPid: () => announcedPid,
      run: async (work) => {
        try {
          if (options.schema === 'current') await assertSchemaCurrent(pool);
          return await work(pool);
        } catch (error) {
          throw toWorkoutError(error, target);
        } finally {
          await endQuietly(pool);
        }
      },
    };
  }
  const home = dataDir(config);
  const embedded = await startEmbedded(home, config.lockTimeoutMs);
  const target = home;
  let pool: DatabasePool;
  try {
    pool = await createCliPool(config, resolveConnection(embedded.connectionString, {}), false, true, onConnected);
  } catch (error) {
    await embedded.close();
    throw toWorkoutError(error, target, 'embedded');
  }
  return {
    pool,
    backend: 'embedded',
    target,
    announcedPid: () => announcedPid,
    run: async (work) => {
      try {
        if (options.schema !== 'any') await migrate(pool);
        return await work(pool);
      } catch (error) {
        throw toWorkoutError(error, target, 'embedded');
      } finally {
        await endQuietly(pool);
        await embedded.close();
      }
    },
  };
}
