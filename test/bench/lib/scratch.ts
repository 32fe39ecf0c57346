import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BIN, ROOT } from '../../helpers/paths.js';
import { serverUrl } from '../../helpers/serverUrl.js';
import { withClient } from '../../helpers/withClient.js';
import { countInstructions, ok, type ProcessRun, type RunOptions, timeProcess } from './measure.js';

/** The server the benches use: BENCH_DATABASE_URL, an admin connection (it creates and drops databases). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type ScratchDatabase = {
  name: string;
  url: string;
  query: <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;
  /** Closes this bench's own connection (so that it does not count as the CLI's). */
  release: () => Promise<void>;
  drop: () => Promise<void>;
};

export function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  return withClient(ADMIN_URL, work);
}

/** One connection to `url`, opened by the first query and closed by `release()`. */
export function lazyConnection(url: string): Pick<ScratchDatabase, 'query' | 'release'> {
  let client: pg.Client | undefined;
  return {
    query: async (text, values) => {
      if (!client) {
        client = new pg.Client({ connectionString: url });
        await client.connect();
      }
      return (await client.query(text, values)).rows;
    },
    release: async () => {
      await client?.end();
      client = undefined;
    },
  };
}

/** A fresh database migrated by the CLI itself (`workout db migrate`), dropped by `drop()`. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  assertBuilt();
  const name = `bench_${label}_${process.pid}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const url = serverUrl(ADMIN_URL, name);
  const connection = lazyConnection(url);
  const database: ScratchDatabase = {
    name,
    url,
    ...connection,
    drop: async () => {
      await connection.release();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
  try {
    ok(await workout(['db', 'migrate'], { DATABASE_URL: url }), 'workout db migrate');
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

type Invocation = { command: string; args: string[]; options: RunOptions };

/** The built CLI run as a user would. */
function cli(args: string[], env: Record<string, string | undefined>): Invocation {
  return {
    command: process.execPath,
    args: [BIN, ...args],
    options: { env: { DATABASE_URL: undefined, WORKOUT_USER: 'bench', NO_COLOR: '1', ...env } },
  };
}

/** A floor script of test/bench/floor/, run with plain node. */
function floor(name: string, args: string[], env: Record<string, string | undefined>): Invocation {
  return {
    command: process.execPath,
    args: [path.join(ROOT, 'test', 'bench', 'floor', name), ...args],
    options: { env },
  };
}

const timed = ({ command, args, options }: Invocation) => timeProcess(command, args, options);
const counted = ({ command, args, options }: Invocation) => countInstructions(command, args, options);

/** Runs the built CLI, timed. */
export const workout = (args: string[], env: Record<string, string | undefined>): Promise<ProcessRun> =>
  timed(cli(args, env));

/** The instructions (millions) one run of the CLI executes; undefined without valgrind. */
export const workoutInstructions = (args: string[], env: Record<string, string | undefined>) => counted(cli(args, env));

/** Runs a floor script, timed. */
export const floorScript = (name: string, args: string[], env: Record<string, string | undefined>) =>
  timed(floor(name, args, env));

/** The instructions (millions) one run of a floor script executes; undefined without valgrind. */
export const floorInstructions = (name: string, args: string[], env: Record<string, string | undefined>) =>
  counted(floor(name, args, env));

function assertBuilt() {
  const bundle = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(bundle)) throw new Error('dist/cli.js is missing: run `npm run build` first');
}

/** Drops the scratch databases when the bench is interrupted. */
export function dropOnInterrupt(databases: ScratchDatabase[]): void {
  process.once('SIGINT', () => {
    void Promise.allSettled(databases.map((db) => db.drop())).then(() => process.exit(130));
  });
}
