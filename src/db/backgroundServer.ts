import fs from 'node:fs';
import net from 'node:net';
import { WorkoutError } from '../errors.js';
import { LockWaitAbandoned, socketAddress } from './dataDirLock.js';
import { type OpenFolder, openFolder } from './embedded.js';
import { serverAnswers } from './serverClient.js';
import { BUILD_ID, files, runDir, runDirs, type ServerStatus } from './serverFiles.js';
import { SessionRelay } from './sessionRelay.js';

/** What the server tells the CLI that started it, over the IPC channel, once. */
export type StartReport = { ready: true; notices: string[] } | { ready: false; message: string; exitCode: number };

/** How often the server checks that its data folder is still there (a test or a user removed it). */
const FOLDER_CHECK_MS = 2_000;
/** Time for the failing client's socket to take the error before the process ends. */
const PANIC_FLUSH_MS = 500;
const PANIC_EXIT = 3;

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * The background server of one data folder (`workout __embedded-server <home> <lock
 * timeout ms> <idle ms>`, started by the CLI, detached): holds the folder's lock and
 * PGlite open, serves `<home>/server-<build>/.s.PGSQL.5432` (0600, in a 0700 folder) one
 * client session at a time, and exits after `idle ms` without a client, on `stop` over
 * its control socket, on SIGTERM/SIGINT, or when the folder is removed.
 */
export async function runBackgroundServer([home = '', lockTimeout = '', idle = '']: string[]): Promise<number> {
  const report = (message: StartReport) => {
    // The CLI that started this server may have been killed meanwhile: then nobody is told,
    // and a send or disconnect on the closed channel must not end a server that now serves.
    if (!process.connected) return;
    process.send?.(message, () => {});
    process.disconnect?.();
  };
  const dir = runDir(home);
  const paths = files(dir);
  let relay: SessionRelay | undefined;
  const onPanic = (line: string) => {
    process.stderr.write(`workout server: ${line}\n`);
    // The client in flight gets today's one line; PostgreSQL must not go on after a PANIC.
    setTimeout(() => process.exit(PANIC_EXIT), PANIC_FLUSH_MS).unref();
    void (relay?.fail('PANIC', 'XX000', line) ?? Promise.resolve()).then(() => process.exit(PANIC_EXIT));
  };
  let folder: OpenFolder;
  // What the CLI that started this server says on its stderr, as it would have opening the folder itself.
  const notices: string[] = [];
  try {
    // Another CLI may have started a server of this build meanwhile: then it serves, and this one is not needed.
    folder = await openFolder(home, Number(lockTimeout), {
      onPanic,
      stopWaiting: () => serverAnswers(home),
      onNotice: (line) => notices.push(line),
    });
  } catch (error) {
    if (error instanceof LockWaitAbandoned) report({ ready: true, notices });
    else
      report({
        ready: false,
        message: error instanceof Error ? error.message : String(error),
        exitCode: error instanceof WorkoutError ? error.exitCode : 1,
      });
    return 0;
  }
  // Holding the lock: any other server folder is what a killed server left.
  for (const leftover of runDirs(home)) fs.rmSync(leftover.dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { mode: 0o700 });
  const address = socketAddress(dir);
  const at = (file: string) => file.replace(dir, address.address);

  let idleTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  const database = net.createServer((socket) => {
    clearTimeout(idleTimer);
    relay!.accept(socket);
  });
  const control = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.on('data', (data) => {
      if (data.toString().trim() === 'stop') void stop();
    });
  });
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idleTimer);
    database.close();
    // Clients already accepted are served first; the relay calls onIdle when the last one is gone.
    if (relay?.busy) return;
    await finish();
  };
  const finish = async () => {
    control.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await folder.close();
    process.exit(0);
  };
  relay = new SessionRelay(folder.db, () => {
    clearTimeout(idleTimer);
    if (stopping) void finish();
    else idleTimer = setTimeout(() => void stop(), Number(idle));
  });

  try {
    await listen(database, at(paths.database));
    await listen(control, at(paths.control));
    // Only this user may connect (connecting to a Unix socket needs write permission on it).
    for (const socket of [paths.database, paths.control]) fs.chmodSync(at(socket), 0o600);
    const status: ServerStatus = {
      pid: process.pid,
      build: BUILD_ID,
      startedAt: new Date().toISOString(),
      idleTimeoutMs: Number(idle),
    };
    // Written whole or not at all: `db status` and a waiting CLI may read it at any moment.
    fs.writeFileSync(`${paths.status}.new`, JSON.stringify(status), { mode: 0o600 });
    fs.renameSync(`${paths.status}.new`, paths.status);
  } catch (error) {
    report({
      ready: false,
      message: `cannot start the embedded database server in ${home}: ${String(error)}`,
      exitCode: 3,
    });
    await folder.close();
    return 0;
  }
  idleTimer = setTimeout(() => void stop(), Number(idle));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop());
  setInterval(() => {
    if (!fs.existsSync(paths.status)) process.exit(0);
  }, FOLDER_CHECK_MS).unref();
  report({ ready: true, notices });
  // Runs until stop() ends the process.
  return new Promise<number>(() => {});
}
