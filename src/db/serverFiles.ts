import fs from 'node:fs';
import path from 'node:path';

declare const __WORKOUT_BUILD__: string | undefined;

/**
 * What tells builds apart: a hash of the sources, set by esbuild.config.mjs. A CLI talks
 * only to a background server of its own build (another build may read or write the
 * database differently); run from source (tests importing src/) it is 'source'.
 */
export const BUILD_ID = typeof __WORKOUT_BUILD__ === 'string' ? __WORKOUT_BUILD__ : 'source';

/** The argument that makes `bin/workout` the background server instead of the CLI. */
export const SERVER_COMMAND = '__embedded-server';

/** PostgreSQL's socket file name for a port: `pg` connects to `<host>/.s.PGSQL.<port>` when host is a folder. */
export const SOCKET_PORT = 5432;
const RUN_DIR = /^server-([0-9a-z]+)$/;

/** The folder a server of `build` keeps its sockets and status in: `<home>/server-<build>`, 0700. */
export function runDir(home: string, build = BUILD_ID): string {
  return path.join(home, `server-${build}`);
}

export const files = (dir: string) => ({
  database: path.join(dir, `.s.PGSQL.${SOCKET_PORT}`),
  control: path.join(dir, 'control.sock'),
  status: path.join(dir, 'status.json'),
});

/** The server's own log (its stdout and stderr): `<home>/server.log`. */
export const logFile = (home: string) => path.join(home, 'server.log');

/** Every `server-<build>` folder in `home`: live servers, or what killed ones left. */
export function runDirs(home: string): Array<{ dir: string; build: string }> {
  const names = fs.existsSync(home) ? fs.readdirSync(home) : [];
  return names.flatMap((name) => {
    const build = RUN_DIR.exec(name)?.[1];
    return build ? [{ dir: path.join(home, name), build }] : [];
  });
}

/** What a running server writes at start for `db status`. */
export type ServerStatus = { pid: number; build: string; startedAt: string; idleTimeoutMs: number };
