import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import type { Config } from '../config.js';
import { DatabaseUnavailableError } from '../errors.js';

/** `$WORKOUT_HOME`, else the XDG data dir (`~/.local/share/workout` on Linux). */
export function dataDir(config: Config): string {
  return config.home ?? envPaths('workout', { suffix: '' }).data;
}

const REASONS: Record<string, string> = {
  EEXIST: 'it is a file, not a folder',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
};

export function diskFull(dir: string): string {
  return `disk full: no space left for the data folder ${dir}; free some space and try again (what was not finished was not saved)`;
}

/** One line for what the file system said about `dir`, naming the folder. */
export function dataDirError(dir: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC') return new DatabaseUnavailableError(diskFull(dir));
  const reason = REASONS[code];
  if (!reason) return error as Error;
  return new DatabaseUnavailableError(`cannot use the data folder ${dir}: ${reason}`);
}

/** Creates the data folder (private to its user) if missing. */
export function ensureDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: 'EEXIST' });
  } catch (error) {
    // What recursive mkdir reports under a read-only parent.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DatabaseUnavailableError(
        `cannot use the data folder ${dir}: cannot create it: a parent folder is read-only`,
      );
    }
    throw dataDirError(dir, error);
  }
}

/** Whether the data folder already holds a database (initdb has run in `<dir>/pgdata`). */
export function holdsDatabase(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'));
}

/** False on a read-only mount, an immutable folder, or one this user may not write to. */
export function isWritable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The log is personal: folders 0700, files 0600, whatever the umask. PGlite unpacks a new
 * cluster with mode 0666 files, and folders made by versions before this one kept the
 * umask's 0755; PostgreSQL writes a few files 0644 whatever the umask.
 */
export function makePrivate(dir: string): void {
  const visit = (entry: string) => {
    // Lock sockets of waiting processes come and go meanwhile.
    const stats = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink() || stats.isSocket()) return;
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    if ((stats.mode & 0o777) !== wanted) fs.chmodSync(entry, wanted);
    if (stats.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
}

/**
 * PostgreSQL writes its relcache init files (`pg_internal.init`, in `global/` and each
 * database's folder) with fopen(), which PGlite's file system creates 0644 whatever the
 * umask; every other file it creates honours the umask. Cheaper than a walk of the
 * ~1,000 files, at every open and close.
 */
export function makeRelcacheFilesPrivate(pgdata: string): void {
  const base = path.join(pgdata, 'base');
  const databases = fs.existsSync(base) ? fs.readdirSync(base).map((oid) => path.join(base, oid)) : [];
  for (const folder of [path.join(pgdata, 'global'), ...databases]) {
    const file = path.join(folder, 'pg_internal.init');
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (stats && (stats.mode & 0o777) !== 0o600) fs.chmodSync(file, 0o600);
  }
}
