import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { DatabaseUnavailableError } from '../errors.js';
import { acquireDataDirLock } from './dataDirLock.js';

export type EmbeddedServer = {
  connectionString: string;
  /** True when this call created the data directory (first use). */
  created: boolean;
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

/**
 * Opens PGlite on `<home>/pgdata` and serves it on a loopback port for this process
 * only, so that slonik and `pg` talk to it exactly as they talk to a server.
 */
export async function startEmbedded(home: string, lockTimeoutMs: number): Promise<EmbeddedServer> {
  fs.mkdirSync(home, { recursive: true });
  const release = await acquireDataDirLock(home, lockTimeoutMs);
  try {
    const pgdata = path.join(home, 'pgdata');
    const created = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    // Before PGlite compiles its module (the first import below).
    v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite-socket'),
    ]);
    const db = await PGlite.create(pgdata);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    return {
      connectionString: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      created,
      close: async () => {
        try {
          await server.stop();
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${home}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
