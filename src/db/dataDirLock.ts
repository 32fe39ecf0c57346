import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailableError } from '../errors.js';

const POLL_MS = 50;

function holderPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writing the pid takes microseconds: a lock with no pid that has not changed for this long was abandoned. */
const ABANDONED_MS = 5_000;

/** The creator died between creating the file and writing its pid (power cut, SIGKILL). */
function abandoned(lockPath: string): boolean {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs > ABANDONED_MS;
  } catch {
    return false;
  }
}

/**
 * Only one process may open a PGlite data directory. The lock is a file created with
 * O_EXCL holding the owner's pid; a lock whose owner is gone (crash, SIGKILL), or one
 * left without a pid a while ago, is taken over. A second process polls until `timeoutMs`, then names the holder.
 */
export async function acquireDataDirLock(dir: string, timeoutMs: number): Promise<() => void> {
  const lockPath = path.join(dir, 'workout.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holderPid(lockPath);
    if (pid === undefined ? abandoned(lockPath) : !isAlive(pid)) {
      // Rename first so that two waiters cannot both delete a fresh lock.
      const stale = `${lockPath}.${process.pid}.stale`;
      try {
        fs.renameSync(lockPath, stale);
        if (holderPid(stale) === pid) fs.rmSync(stale, { force: true });
        else fs.renameSync(stale, lockPath);
      } catch {
        // Another process got there first; loop and look again.
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new DatabaseUnavailableError(
        `the embedded database in ${dir} is in use by another workout process (pid ${pid ?? 'unknown'}); ` +
          `waited ${(timeoutMs / 1000).toFixed(1)} s (set WORKOUT_LOCK_TIMEOUT to wait longer)`,
      );
    }
    await sleep(POLL_MS);
  }
}
