import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { DatabaseUnavailableError } from '../errors.js';
import {
  dataDirError,
  diskFull,
  ensureDataDir,
  holdsDatabase,
  isWritable,
  makePrivate,
  makeRelcacheFilesPrivate,
} from './dataDir.js';
import { acquireDataDirLock, LockWaitAbandoned, type ReleaseLock } from './dataDirLock.js';
import { embeddedStartParams } from './embeddedMemory.js';

export type EmbeddedServer = {
  connectionString: string;
  close: () => Promise<void>;
};

/**
 * PGlite is PostgreSQL compiled to WebAssembly. V8 runs wasm code compiled by its
 * baseline compiler (Liftoff) and recompiles functions that get hot with its optimizing
 * one (TurboFan), on background threads. For PGlite that recompilation costs more CPU
 * than a command's whole run gains from it: opening the database and adding a set took
 * about half the CPU without it. A budget 100x V8's default keeps short commands on
 * Liftoff; long ones (a big import) still tier up their hottest functions.
 */
const WASM_TIERING_BUDGET = 180_000_000;

/** Time for the CLI to report a failed start before the process is made to exit. */
const ABANDONED_ENGINE_GRACE_MS = 1_000;

/** Exit code of DatabaseUnavailableError, for the one exit that cannot go through cli.ts. */
const UNAVAILABLE_EXIT = 3;

function describeFailure(home: string, postgresMessage: string): string {
  if (/No space left on device/i.test(postgresMessage)) return diskFull(home);
  return `the embedded database in ${home} failed: ${postgresMessage}`;
}

/**
 * PGlite writes straight to the folder (Emscripten's NODEFS: fs.writeSync and friends).
 * A failed data-file write (`could not extend file`, SQLSTATE 53100) is an ordinary
 * error, but PostgreSQL PANICs when it cannot write WAL (e.g. a new 16 MB segment on a
 * full disk): the wasm module aborts, and the query in flight never answers. The PANIC
 * only shows on PostgreSQL's stderr, so watch it: a startup FATAL is kept to explain
 * PGlite's "failed to initialize properly"; a PANIC ends the process, as it would end a
 * PostgreSQL server. Nothing was committed; the next start replays the WAL.
 */
/** What a PANIC does: today's one line (already `describeFailure`d), then the process ends. */
export type OnPanic = (line: string) => void;

function exitOnPanic(release: () => void): OnPanic {
  return (line) => {
    process.stderr.write(`workout: ${line}\n`);
    release();
    process.exit(UNAVAILABLE_EXIT);
  };
}

function watchStderr(home: string, onPanic: OnPanic) {
  const state = { fatal: undefined as string | undefined };
  const onStderr = (line: string): boolean => {
    // Only the severity of a log line ("2026-01-01 10:00:00.000 UTC [42] PANIC:  …"), never text quoted in one.
    const match = /^[^[]*\[\d+\] (FATAL|PANIC):\s+(.*)$/.exec(line);
    if (match?.[1] === 'FATAL') state.fatal = match[2];
    if (match?.[1] === 'PANIC') onPanic(describeFailure(home, match[2]!));
    return false;
  };
  return { state, onStderr };
}

/**
 * A new, empty cluster that the build made (esbuild.config.mjs), beside the bundle. PGlite
 * unpacks it into a new folder instead of running initdb, which takes three times the
 * memory (two PostgreSQL instances and copies of their WebAssembly memory) and twice the
 * time. Run from source (tests, benches), there is none: PGlite runs initdb.
 */
const NEW_CLUSTER = new URL('new-cluster.tar.gz', import.meta.url);

function newCluster(): Blob | undefined {
  return fs.existsSync(NEW_CLUSTER) ? new Blob([fs.readFileSync(NEW_CLUSTER)]) : undefined;
}

async function openPGlite(pgdata: string, home: string, onPanic: OnPanic, create: boolean): Promise<PGlite> {
  // Before PGlite compiles its module (the first import below).
  v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { state, onStderr } = watchStderr(home, onPanic);
  const cluster = create ? newCluster() : undefined;
  try {
    return await PGlite.create(pgdata, {
      onStderr,
      startParams: embeddedStartParams(PGlite.defaultStartParams),
      ...(cluster ? { loadDataDir: cluster } : {}),
    });
  } catch (error) {
    // The half-started PostgreSQL leaves its timers (setitimer, as Emscripten's setTimeout) armed and re-arming:
    // they would keep the process alive forever after the CLI has reported this error.
    setTimeout(() => process.exit(), ABANDONED_ENGINE_GRACE_MS).unref();
    if (state.fatal) throw new DatabaseUnavailableError(describeFailure(home, state.fatal));
    throw fromEmscripten(error);
  }
}

/** Emscripten's errno numbers for the file-system failures a data folder meets. */
const EMSCRIPTEN_ERRNO: Record<number, string> = { 2: 'EACCES', 51: 'ENOSPC', 63: 'EPERM', 69: 'EROFS' };

/** PGlite.create rethrows Emscripten's ErrnoError, a plain object (`{ name, errno }`): make it a Node-style error. */
function fromEmscripten(error: unknown): unknown {
  const errno = (error as { name?: unknown; errno?: unknown } | undefined)?.errno;
  if (error instanceof Error || typeof errno !== 'number') return error;
  const code = EMSCRIPTEN_ERRNO[errno] ?? `errno ${errno}`;
  return Object.assign(new Error(`file system error ${code}`), { code });
}

/**
 * A read-only folder (a read-only mount, a backup) still serves reading commands: PGlite
 * must write to open a cluster (its pid file, recovery), so it opens a private copy,
 * made read-only so that a writing command fails instead of saving into the copy.
 */
async function openReadOnlyCopy(home: string): Promise<{ db: PGlite; cleanup: () => void }> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-readonly-'));
  const cleanup = () => fs.rmSync(copy, { recursive: true, force: true });
  try {
    fs.cpSync(path.join(home, 'pgdata'), copy, { recursive: true });
    fs.rmSync(path.join(copy, 'postmaster.pid'), { force: true });
    const db = await openPGlite(copy, home, exitOnPanic(cleanup), false);
    // PGlite is one backend session shared by every client of the socket.
    await db.exec('SET default_transaction_read_only = on');
    return { db, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function serve(
  db: PGlite,
  onClose: () => void,
  closeDb: () => Promise<void> = () => db.close(),
): Promise<EmbeddedServer> {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    close: async () => {
      try {
        await server.stop();
        await closeDb();
      } finally {
        onClose();
      }
    },
  };
}

function cannotOpen(home: string, error: unknown): Error {
  const mapped = error instanceof DatabaseUnavailableError ? error : dataDirError(home, error);
  if (mapped instanceof DatabaseUnavailableError) return mapped;
  return new DatabaseUnavailableError(
    `cannot open the embedded database in ${home}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** A read-only folder that already holds a database: opened as a private copy, never by a background server. */
export function isReadOnlyFolder(home: string): boolean {
  return holdsDatabase(home) && !isWritable(home);
}

export type OpenFolder = { db: PGlite; close: () => Promise<void> };

/**
 * Opens PGlite on `<home>/pgdata` (created on first use), holding the folder's lock until
 * `close`. `stopWaiting` may end the wait for the lock early (LockWaitAbandoned).
 */
export async function openFolder(
  home: string,
  lockTimeoutMs: number,
  options: { onPanic?: OnPanic; stopWaiting?: () => Promise<boolean>; onNotice?: (line: string) => void } = {},
): Promise<OpenFolder> {
  ensureDataDir(home);
  const pgdata = path.join(home, 'pgdata');
  let created = false;
  // Everything PostgreSQL creates from here on is private to this user.
  const umask = process.umask(0o077);
  let release: ReleaseLock = () => {};
  const done = () => {
    release();
    process.umask(umask);
  };
  try {
    release = await acquireDataDirLock(home, lockTimeoutMs, options.stopWaiting);
    // Under the lock: another command may have created it while this one waited.
    created = !holdsDatabase(home);
    const exposed = (fs.statSync(home).mode & 0o077) !== 0;
    if (exposed && !created) {
      const notice = `made the data folder ${home} private to its user (other users could read it)`;
      (options.onNotice ?? ((line) => process.stderr.write(`workout: ${line}\n`)))(notice);
    }
    if (exposed) makePrivate(home);
    makeRelcacheFilesPrivate(pgdata);
    const db = await openPGlite(pgdata, home, options.onPanic ?? exitOnPanic(done), created);
    // A new cluster is unpacked with 0666 files.
    if (created) makePrivate(home);
    return {
      db,
      close: async () => {
        try {
          await db.close();
        } finally {
          makeRelcacheFilesPrivate(pgdata);
          done();
        }
      },
    };
  } catch (error) {
    done();
    if (error instanceof LockWaitAbandoned) throw error;
    throw cannotOpen(home, error);
  }
}

/**
 * Opens PGlite in this process and serves it on a loopback port for this process only,
 * so that slonik and `pg` talk to it exactly as they talk to a server (WORKOUT_SERVER=0,
 * and read-only folders).
 */
export async function startEmbedded(home: string, lockTimeoutMs: number): Promise<EmbeddedServer> {
  if (isReadOnlyFolder(home)) {
    const { db, cleanup } = await openReadOnlyCopy(home).catch((error: unknown) =>
      Promise.reject(cannotOpen(home, error)),
    );
    return serve(db, cleanup);
  }
  const folder = await openFolder(home, lockTimeoutMs);
  return serve(folder.db, () => {}, folder.close);
}
