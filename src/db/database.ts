import { createPool, type DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { DatabaseUnavailableError } from '../errors.js';
import { type ConnectionSettings, describeSettings, resolveConnection } from './connectionConfig.js';
import { toWorkoutError } from './databaseErrors.js';
import { dataDir } from './dataDir.js';
import { createCliDriverFactory } from './driver.js';
import { isReadOnlyFolder, startEmbedded } from './embedded.js';
import { migrate } from './migrations.js';
import { createRowSchemaInterceptor } from './rowSchemaInterceptor.js';
import { assertSchemaCurrent } from './schemaVersion.js';
import { BUILD_ID } from './serverFiles.js';

export type Backend = 'server' | 'embedded';

export type Database = {
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
  // Only a built CLI has a background server: code run from source (tests importing src/)
  // could reach no server of its own build, so it opens the folder itself.
  if (config.embeddedServer && BUILD_ID !== 'source' && !isReadOnlyFolder(home)) {
    return openThroughServer(config, home, options, onConnected, () => announcedPid);
  }
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

/** The server was gone by the time the connection was made (it had just stopped after its idle time). */
function isRefused(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOENT';
}

/** Tries at a server that is stopping just as a command connects, before saying it failed. */
const CONNECT_ATTEMPTS = 3;

/**
 * The embedded database through the folder's background server (started if none of this
 * build answers). The connection waits its turn behind the server's other clients as long
 * as a command waits for the folder's lock in-process (--lock-timeout).
 */
async function openThroughServer(
  config: Config,
  home: string,
  options: OpenOptions,
  onConnected: (pid: number) => void,
  announcedPid: () => number | undefined,
): Promise<Database> {
  const { ensureServer, serverConnection } = await import('./serverClient.js');
  const waiting = { ...config, connectTimeoutMs: config.connectTimeoutMs + config.lockTimeoutMs };
  await ensureServer(home, config);
  return {
    backend: 'embedded',
    target: home,
    announcedPid,
    run: async (work) => {
      for (let attempt = 1; ; attempt++) {
        const { settings, close } = serverConnection(home);
        const pool = await createCliPool(waiting, settings, false, true, onConnected);
        try {
          if (options.schema !== 'any') await migrate(pool);
          return await work(pool);
        } catch (error) {
          if (announcedPid() !== undefined || attempt === CONNECT_ATTEMPTS || !isRefused(error)) {
            throw busyOrMapped(error, home, config.lockTimeoutMs);
          }
        } finally {
          await endQuietly(pool);
          close();
        }
        await ensureServer(home, config);
      }
    },
  };
}

/** A connection never answered within the wait: the server is busy with other commands. */
function busyOrMapped(error: unknown, home: string, lockTimeoutMs: number): Error {
  const mapped = toWorkoutError(error, home, 'embedded');
  if (!/no answer within the connect timeout/.test(mapped.message)) return mapped;
  return new DatabaseUnavailableError(
    `the embedded database in ${home} is busy with other workout commands; ` +
      `waited ${(lockTimeoutMs / 1000).toFixed(1)} s (set WORKOUT_LOCK_TIMEOUT to wait longer)`,
  );
}
