import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailableError } from '../errors.js';

/**
 * Only one process may open a PGlite data directory. Node has no flock(), and a pid in a
 * file cannot tell a dead holder from a live one in another PID namespace (every
 * container's first process is pid 1) or after a reboot. So each contender announces
 * itself by listening on its own Unix socket in the folder, `workout.<pid>.<random>.sock`,
 * and then connects to every other one: a socket answers only while its process lives
 * (the kernel closes it on any exit, SIGKILL included, in any namespace). A contender
 * that finds another live socket withdraws (closes its own) and tries again after a
 * random pause. Two can never both hold the folder: whichever of two announcements came
 * second is made before its owner looks, so that owner sees the first one and withdraws.
 */
const SOCKET = /^workout\.(\d+)\.[0-9a-f]+\.sock$/;
const POLL_MS = 50;
/** A refused socket file this old is left over by a dead process; a younger one may be a contender between bind() and listen(). */
const LEFTOVER_MS = 5_000;
/** Unix socket paths are limited to 108 bytes (sun_path) on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 103;
/** `workout.<pid>.<8 hex>.sock` */
const SOCKET_NAME_BYTES = 32;

export type ReleaseLock = () => void;

/** Thrown when `stopWaiting` says the wait is no longer needed (a background server of this build now serves the folder). */
export class LockWaitAbandoned extends Error {}

type Peer = { file: string; pid: number; live: boolean };

function listen(socketPath: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((connection) => connection.destroy());
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      // The lock must not keep the process alive; the connections it accepts are closed at once.
      server.unref();
      resolve(server);
    });
  });
}

/** True unless the kernel says nobody listens there (ECONNREFUSED) or the file is gone: any other outcome is a live holder. */
export function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(socketPath);
    connection.setTimeout(1_000, () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('error', (error: NodeJS.ErrnoException) =>
      resolve(!['ECONNREFUSED', 'ENOENT'].includes(error.code ?? '')),
    );
  });
}

async function peers(dir: string, address: string, own: string): Promise<Peer[]> {
  const files = fs.readdirSync(dir).filter((file) => file !== own && SOCKET.test(file));
  return Promise.all(
    files.map(async (file) => ({
      file,
      pid: Number(SOCKET.exec(file)![1]),
      live: await answers(path.join(address, file)),
    })),
  );
}

/**
 * The folder as sockets in it can be addressed: itself, or on Linux, when its path is too
 * long for a socket address, `/proc/self/fd/<n>` of an open handle on it.
 */
export function socketAddress(dir: string): { address: string; close: () => void } {
  if (Buffer.byteLength(dir) + SOCKET_NAME_BYTES <= MAX_SOCKET_PATH || !fs.existsSync('/proc/self/fd')) {
    return { address: dir, close: () => {} };
  }
  const fd = fs.openSync(dir, 'r');
  return { address: `/proc/self/fd/${fd}`, close: () => fs.closeSync(fd) };
}

function removeLeftovers(dir: string, dead: Peer[]): void {
  for (const { file } of dead) {
    const leftover = path.join(dir, file);
    try {
      if (Date.now() - fs.lstatSync(leftover).ctimeMs > LEFTOVER_MS) fs.rmSync(leftover, { force: true });
    } catch {
      // Another process cleaned it up first.
    }
  }
}

/**
 * Waits until this process holds `dir` (polling until `timeoutMs`, then naming the
 * holder). The returned function releases it; so does any exit of the process.
 * `stopWaiting`, asked between polls, ends the wait early with LockWaitAbandoned.
 */
export async function acquireDataDirLock(
  dir: string,
  timeoutMs: number,
  stopWaiting?: () => Promise<boolean>,
): Promise<ReleaseLock> {
  const { address, close } = socketAddress(dir);
  try {
    return await takeTurn(dir, address, timeoutMs, close, stopWaiting);
  } catch (error) {
    close();
    throw error;
  }
}

async function takeTurn(
  dir: string,
  address: string,
  timeoutMs: number,
  onRelease: () => void,
  stopWaiting: (() => Promise<boolean>) | undefined,
): Promise<ReleaseLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A new name each time: a closed server's path is never reused.
    const own = `workout.${process.pid}.${crypto.randomBytes(4).toString('hex')}.sock`;
    const socketPath = path.join(dir, own);
    if (Buffer.byteLength(path.join(address, own)) > MAX_SOCKET_PATH) {
      throw new DatabaseUnavailableError(
        `the data folder path ${dir} is too long for its lock socket; set WORKOUT_HOME to a shorter path`,
      );
    }
    const server = await listen(path.join(address, own));
    const found = await peers(dir, address, own);
    const holder = found.find((peer) => peer.live);
    if (!holder) {
      removeLeftovers(dir, found);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        server.close();
        fs.rmSync(socketPath, { force: true });
        onRelease();
      };
      process.on('exit', release);
      return release;
    }
    server.close();
    fs.rmSync(socketPath, { force: true });
    if (Date.now() >= deadline) {
      throw new DatabaseUnavailableError(
        `the embedded database in ${dir} is in use by another workout process (pid ${holder.pid}); ` +
          `waited ${(timeoutMs / 1000).toFixed(1)} s (set WORKOUT_LOCK_TIMEOUT to wait longer)`,
      );
    }
    if (await stopWaiting?.()) throw new LockWaitAbandoned();
    // Random, so that contenders that met stop meeting.
    await sleep(POLL_MS / 2 + Math.random() * POLL_MS);
  }
}
