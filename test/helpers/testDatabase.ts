import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { stopServers } from '../../src/db/serverClient.js';
import { type CliOptions, type CliResult, runCli } from './cli.js';
import { serverUrl } from './serverUrl.js';
import { withClient } from './withClient.js';

export type Backend = 'server' | 'embedded';

/** The backend this run tests: the server when TEST_DATABASE_URL is set, else the embedded one. */
export const BACKEND: Backend = process.env.TEST_DATABASE_URL ? 'server' : 'embedded';

type Queryable = {
  query: <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<{ rows: R[] }>;
};

/**
 * One test's own database, cloned from a migrated template: a database on the test
 * server, or a copied PGlite data folder. `cli` runs the built CLI against it; `query`
 * reads or writes it directly (on the embedded backend it opens PGlite in this process,
 * and `cli` closes that first, since only one process may open the folder).
 */
export type TestDatabase = {
  backend: Backend;
  /** Environment that points the CLI at this database. */
  env: Record<string, string>;
  /** DATABASE_URL for the server backend; undefined for the embedded one. */
  url: string | undefined;
  cli: (args: string[], options?: CliOptions) => Promise<CliResult>;
  query: <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;
  /** Closes the in-process connection (embedded: releases the folder for the CLI). */
  release: () => Promise<void>;
  drop: () => Promise<void>;
};

export async function createTestDatabase(backend: Backend = BACKEND): Promise<TestDatabase> {
  return backend === 'server' ? createServerDatabase() : createEmbeddedDatabase();
}

async function createServerDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('serverTemplate');
  if (!adminUrl || !template) throw new Error('the server backend needs TEST_DATABASE_URL');
  const name = `workout_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = serverUrl(adminUrl, name);
  const env = { DATABASE_URL: url };
  let client: pg.Client | undefined;
  const connection = async () => {
    if (!client) {
      client = new pg.Client({ connectionString: url });
      await client.connect();
    }
    return client;
  };
  const release = async () => {
    await client?.end();
    client = undefined;
  };
  return {
    backend: 'server',
    env,
    url,
    cli: (args, options = {}) => runCli(args, { ...options, env: { ...env, ...options.env } }),
    query: async (text, values) => (await (await connection()).query(text, values)).rows,
    release,
    drop: async () => {
      await release();
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-test-'));
  fs.cpSync(inject('embeddedTemplate'), home, { recursive: true });
  const env = { WORKOUT_HOME: home };
  let open: { db: Queryable & { close: () => Promise<void> }; unlock: () => void } | undefined;
  const connection = async () => {
    if (!open) {
      // The folder's background server holds it: stop it (the next CLI starts one again).
      await stopServers(home);
      const { acquireDataDirLock } = await import('../../src/db/dataDirLock.js');
      const unlock = await acquireDataDirLock(home, 30_000);
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(path.join(home, 'pgdata'));
      open = { db: db as unknown as Queryable & { close: () => Promise<void> }, unlock };
    }
    return open.db;
  };
  const release = async () => {
    if (!open) return;
    const { db, unlock } = open;
    open = undefined;
    await db.close();
    unlock();
  };
  return {
    backend: 'embedded',
    env,
    url: undefined,
    cli: async (args, options = {}) => {
      await release();
      return runCli(args, { ...options, env: { ...env, ...options.env } });
    },
    query: async (text, values) => (await (await connection()).query(text, values)).rows as never,
    release,
    drop: async () => {
      await release();
      await stopServers(home);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
