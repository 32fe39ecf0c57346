import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { closedPort } from './faults.js';

const run = promisify(execFile);
const BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of this test's own (data, socket and log in a temp folder, a free
 * loopback port), for faults that must not touch the shared server: restarts, stops.
 * initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
 */
export type PrivateCluster = {
  url: string;
  port: number;
  /** The cluster's folder: its Unix socket is here, and files put here are readable by the server. */
  dir: string;
  start: () => Promise<void>;
  stop: (mode?: 'fast' | 'immediate') => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => Promise<void>;
};

function asOwner(command: string, args: string[]) {
  const binary = path.join(BIN_DIR, command);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
}

export type ClusterOptions = {
  /** Server settings beyond the defaults (`-c name=value`). */
  settings?: Record<string, string>;
  /** pg_hba.conf's lines instead of initdb's (trust for everyone). */
  hba?: string;
  /** Writes files the server needs (certificates) into the cluster's folder before it starts. */
  prepare?: (dir: string) => Promise<void>;
};

export async function startPrivateCluster(clusterOptions: ClusterOptions = {}): Promise<PrivateCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-cluster-'));
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await closedPort();
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  if (clusterOptions.hba !== undefined) fs.writeFileSync(path.join(data, 'pg_hba.conf'), clusterOptions.hba);
  await clusterOptions.prepare?.(dir);
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres', dir]);
  const settings = Object.entries(clusterOptions.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${settings.join('')}`;
  const pgCtl = (...args: string[]) => asOwner('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', ...args]);
  const cluster: PrivateCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start: async () => {
      await pgCtl('-o', options, 'start');
    },
    stop: async (mode = 'fast') => {
      await pgCtl('-m', mode, 'stop');
    },
    restart: async () => {
      await pgCtl('-m', 'fast', '-o', options, 'restart');
    },
    destroy: async () => {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
