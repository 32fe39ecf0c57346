import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { DatabaseUnavailableError, WorkoutError } from '../errors.js';
import type { StartReport } from './backgroundServer.js';
import type { ConnectionSettings } from './connectionConfig.js';
import { ensureDataDir, holdsDatabase } from './dataDir.js';
import { answers, LockWaitAbandoned, socketAddress } from './dataDirLock.js';
import {
  BUILD_ID,
  files,
  logFile,
  runDir,
  runDirs,
  SERVER_COMMAND,
  type ServerStatus,
  SOCKET_PORT,
} from './serverFiles.js';

/**
 * How to reach this build's background server of `home`: the socket folder, as `pg`
 * takes it, and a handle to close (a long folder path is reached through /proc/self/fd).
 */
export function serverConnection(home: string): { settings: ConnectionSettings; close: () => void } {
  // No folder, no server: the plain path then fails to connect as a missing socket does.
  const { address, close } = fs.existsSync(runDir(home))
    ? socketAddress(runDir(home))
    : { address: runDir(home), close: () => {} };
  return {
    settings: {
      host: address,
      port: SOCKET_PORT,
      database: 'postgres',
      user: 'postgres',
      password: undefined,
      sslmode: 'disable',
      sslrootcert: undefined,
      sslcert: undefined,
      sslkey: undefined,
    },
    close,
  };
}

/** Whether a server of this build serves `home` now. */
export async function serverAnswers(home: string): Promise<boolean> {
  // Without its folder, a socket path may be too long to try (Node 24 then says EINVAL, not ENOENT).
  if (!fs.existsSync(runDir(home))) return false;
  const { settings, close } = serverConnection(home);
  try {
    return await answers(`${settings.host}/.s.PGSQL.${SOCKET_PORT}`);
  } finally {
    close();
  }
}

/** Starts this build's server of `home` unless one answers; resolves once it serves, or fails with its one line. */
export async function ensureServer(home: string, config: Config): Promise<void> {
  // A file where the folder should be, a read-only parent: said here, in one line.
  ensureDataDir(home);
  if (await serverAnswers(home)) return;
  if (!holdsDatabase(home)) {
    await createFolder(home, config.lockTimeoutMs);
    if (await serverAnswers(home)) return;
  }
  // A server of another build is told to stop; this one's waits for the lock it releases.
  await stopServers(home, (build) => build !== BUILD_ID);
  await startServer(home, config);
}

/**
 * Creates a new folder's database in this process rather than in the server: creating it
 * leaves PGlite holding what it took (~290 MB unpacking the build's empty cluster, ~750 MB
 * with its own initdb) and never gives it back, which a server would keep for its idle
 * time; one that only opens the folder holds ~140-180 MB.
 */
async function createFolder(home: string, lockTimeoutMs: number): Promise<void> {
  const { openFolder } = await import('./embedded.js');
  try {
    // Another command may be creating it: its server then answers, and this wait ends.
    const folder = await openFolder(home, lockTimeoutMs, { stopWaiting: () => serverAnswers(home) });
    await folder.close();
  } catch (error) {
    if (!(error instanceof LockWaitAbandoned)) throw error;
  }
}

/** The server's log, new at each start; none when the folder takes no new file (a full disk: the server says why). */
function openLog(home: string): number | 'ignore' {
  try {
    return fs.openSync(logFile(home), 'w', 0o600);
  } catch {
    return 'ignore';
  }
}

/**
 * `bin/workout` of this installation: the folder above this module's (dist/chunks/ in the
 * package, src/db/ in a checkout) that holds it. Not process.argv[1]: main() may run
 * inside another script (the tests' batch runner).
 */
function workoutBin(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up++, dir = path.dirname(dir)) {
    const bin = path.join(dir, 'bin', 'workout');
    if (fs.existsSync(bin)) return bin;
  }
  return process.argv[1]!;
}

/** What the server said last in its log, for a start that failed without telling why. */
function lastLine(home: string): string {
  try {
    const lines = fs.readFileSync(logFile(home), 'utf8').trim().split('\n');
    return lines.at(-1) || `nothing in ${logFile(home)}`;
  } catch {
    return `no ${logFile(home)}`;
  }
}

/**
 * The server's V8, set for a small resident set (its peak is kept until it exits):
 * - a young generation of 1 MB instead of 16: the server relays every message of its
 *   clients, and an export of 300,000 sets through it peaked at ~200-230 MB RSS instead
 *   of ~175 MB, in the same time;
 * - one compiler thread: V8 recompiles PGlite's hot functions with TurboFan in the
 *   background, and each concurrent compilation holds its own working memory. A server
 *   serving one `set add` peaked at ~141 MB instead of ~156 MB, a 100,000-set import at
 *   ~165 MB instead of ~215 MB, in the same time;
 * - on Node 24 (V8 13), no TurboFan for WebAssembly: recompiling PostgreSQL's largest
 *   function (105 KB of wasm) takes ~600 MB there (8-25 MB on Node 20 and 22), so the
 *   server of a 100,000-set import peaked at ~650 MB. Liftoff only: ~170 MB, and the
 *   import takes ~1.3x as long. `--liftoff-only` set at run time is ignored there, so
 *   `WORKOUT_SERVER=0` (PGlite in the command itself) keeps the spike.
 */
const SERVER_NODE_FLAGS = [
  '--max-semi-space-size=1',
  '--v8-pool-size=1',
  ...(Number(process.versions.node.split('.')[0]) >= 24 ? ['--liftoff-only'] : []),
];

function startServer(home: string, config: Config): Promise<void> {
  const log = openLog(home);
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      workoutBin(),
      SERVER_COMMAND,
      home,
      String(config.lockTimeoutMs),
      String(config.serverIdleMs),
    ],
    // Its own session: no terminal's Ctrl-C or hang-up reaches it.
    { detached: true, stdio: ['ignore', log, log, 'ipc'] },
  );
  if (typeof log === 'number') fs.closeSync(log);
  return new Promise((resolve, reject) => {
    const done = () => {
      child.off('exit', onExit);
      if (child.connected) child.disconnect();
      child.unref();
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(
        new DatabaseUnavailableError(
          `the embedded database server for ${home} exited at start (${signal ?? `code ${code}`}): ${lastLine(home)}`,
        ),
      );
    };
    child.once('message', (message: StartReport) => {
      done();
      if (message.ready) {
        for (const notice of message.notices) process.stderr.write(`workout: ${notice}\n`);
        resolve();
      } else
        reject(
          message.exitCode === 3 ? new DatabaseUnavailableError(message.message) : new WorkoutError(message.message),
        );
    });
    child.once('exit', onExit);
  });
}

export type RunningServer = ServerStatus & { socket: string; uptimeMs: number };

/** The servers of `home` that answer, with what they wrote at start. */
export async function runningServers(home: string): Promise<RunningServer[]> {
  const found = await Promise.all(
    runDirs(home).map(async ({ dir }) => {
      const { database, status } = files(dir);
      const { address, close } = socketAddress(dir);
      try {
        if (!(await answers(database.replace(dir, address)))) return [];
        const written = JSON.parse(fs.readFileSync(status, 'utf8')) as ServerStatus;
        return [{ ...written, socket: database, uptimeMs: Date.now() - Date.parse(written.startedAt) }];
      } catch {
        // Starting or stopping right now: not listed.
        return [];
      } finally {
        close();
      }
    }),
  );
  return found.flat();
}

/**
 * Asks each server of `home` whose build `which` picks to stop, and waits until it has
 * exited (it serves the clients it has accepted first). Returns how many stopped.
 */
export async function stopServers(home: string, which: (build: string) => boolean = () => true): Promise<number> {
  const stopped = await Promise.all(
    runDirs(home)
      .filter(({ build }) => which(build))
      .map(({ dir }) => {
        const { address, close } = socketAddress(dir);
        return askToStop(files(dir).control.replace(dir, address)).finally(close);
      }),
  );
  return stopped.filter(Boolean).length;
}

/** True once the server behind `control` has exited; false if nobody listened there. */
function askToStop(control: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(control, () => socket.write('stop\n'));
    let connected = false;
    socket.once('connect', () => (connected = true));
    socket.on('data', () => {});
    // The kernel closes the connection when the server process ends.
    socket.once('close', () => resolve(connected));
    socket.once('error', () => {});
  });
}
