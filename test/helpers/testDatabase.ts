import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { runningServers, stopServers } from '../../src/db/serverClient.js';
import { SOCKET_PORT } from '../../src/db/serverFiles.js';
import { type CliOptions, type CliResult, runCli } from './cli.js';
import { serverUrl } from './serverUrl.js';
import { withClient } from './withClient.js';

export type Backend = 'server' | 'embedded';

/** The backend this run tests: the server when TEST_DATABASE_URL is set, else the embedded one. */
export const BACKEND: Backend = process.env.TEST_DATABASE_URL ? 'server' : 'embedded';

/**
 * One test's own database, cloned from a migrated template: a database on the test
 * server, or a copied PGlite data folder. `cli` runs the built CLI against it; `query`
 * reads or writes it directly (on the embedded backend through the folder's background
 * server, and `cli` closes that connection first: the server serves one client at a time).
 */
export type TestDatabase = {
  backend: Backend;
  /** Environment that points the CLI at this database. */
  env: Record<string, string>;
  /** DATABASE_URL for the server backend; undefined for the embedded one. */
  url: string | undefined;
  cli: (args: string[], options?: CliOptions) => Promise<CliResult>;
  query: <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;
  /** Closes the test's connection (embedded: the server then serves the CLI). */
  release: () => Promise<void>;
  drop: () => Promise<void>;
};

export async function createTestDatabase(backend: Backend = BACKEND): Promise<TestDatabase> {
  return backend === 'server' ? createServerDatabase() : createEmbeddedDatabase();
}

/** A connection opened by the first query and closed by `release`. */
function lazyClient(config: () => Promise<pg.ClientConfig>): Pick<TestDatabase, 'query' | 'release'> {
  let client: pg.Client | undefined;
  return {
    query: async (text, values) => {
      if (!client) {
        client = new pg.Client(await config());
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

async function createServerDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('serverTemplate');
  if (!adminUrl || !template) throw new Error('the server backend needs TEST_DATABASE_URL');
  const name = `workout_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = serverUrl(adminUrl, name);
  const env = { DATABASE_URL: url };
  const { query, release } = lazyClient(async () => ({ connectionString: url }));
  return {
    backend: 'server',
    env,
    url,
    cli: (args, options = {}) => runCli(args, { ...options, env: { ...env, ...options.env } }),
    query,
    release,
    drop: async () => {
      await release();
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * The socket folder of the background server of `home` (the built CLI's), started by a
 * `workout db status` when none runs.
 */
async function backgroundServerSocket(home: string): Promise<string> {
  const running = async () => (await runningServers(home))[0]?.socket;
  let socket = await running();
  if (!socket) {
    const status = await runCli(['db', 'status'], { env: { WORKOUT_HOME: home } });
    socket = await running();
    if (!socket) throw new Error(`no background server serves ${home}: ${status.stderr}`);
  }
  return path.dirname(socket);
}

/**
 * `query` connects to the folder's background server, as a second terminal's command
 * would: the server gives a client its backend for the whole connection, so `cli` ends
 * that connection first. (Opening the folder in this process instead meant stopping the
 * server, and the next command starting another: a quarter of the embedded suite's CPU.)
 */
async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-test-'));
  fs.cpSync(inject('embeddedTemplate'), home, { recursive: true });
  const env = { WORKOUT_HOME: home };
  const { query, release } = lazyClient(async () => ({
    host: await backgroundServerSocket(home),
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
  }));
  return {
    backend: 'embedded',
    env,
    url: undefined,
    cli: async (args, options = {}) => {
      await release();
      return runCli(args, { ...options, env: { ...env, ...options.env } });
    },
    query,
    release,
    drop: async () => {
      await release();
      await stopServers(home);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
