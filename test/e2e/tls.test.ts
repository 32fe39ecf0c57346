import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type PrivateCluster, startPrivateCluster } from '../helpers/privateCluster.js';
import { BACKEND } from '../helpers/testDatabase.js';
import { withClient } from '../helpers/withClient.js';

const run = promisify(execFile);

/**
 * sslmode, sslrootcert and the libpq conventions against a private cluster that accepts
 * only TLS (hostssl), with a throw-away self-signed certificate for `localhost`; then
 * the same cluster without TLS, and with its connection slots full. Independent of the
 * backend under test: it runs once, in the server run.
 */
const BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const missing = [
  BACKEND !== 'server' && 'runs in the server run only',
  spawnSync('openssl', ['version']).status !== 0 && 'openssl is not installed',
  !fs.existsSync(path.join(BIN_DIR, 'initdb')) && `no initdb in ${BIN_DIR} (set PG_BIN_DIR)`,
].filter(Boolean);
if (missing.length > 0) console.warn(`TLS tests skipped: ${missing.join('; ')}`);

async function selfSigned(dir: string, name: string) {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
    '-keyout',
    path.join(dir, `${name}.key`),
    '-out',
    path.join(dir, `${name}.crt`),
  ]);
  fs.chmodSync(path.join(dir, `${name}.key`), 0o600);
}

describe.skipIf(missing.length > 0)('TLS as libpq means it', () => {
  let cluster: PrivateCluster;
  let certificate: string;
  let otherCertificate: string;
  const status = (url: string, env: Record<string, string> = {}) =>
    runCli(['db', 'status', '--json'], { env: { DATABASE_URL: url, ...env }, timeoutMs: 20_000 });
  const at = (host: string, query: string) => `postgres://postgres@${host}:${cluster.port}/postgres?${query}`;

  beforeAll(async () => {
    cluster = await startPrivateCluster({
      settings: {
        ssl: 'on',
        ssl_cert_file: 'server.crt',
        ssl_key_file: 'server.key',
        max_connections: '4',
        superuser_reserved_connections: '0',
      },
      hba: 'local all all trust\nhostssl all all 127.0.0.1/32 trust\n',
      prepare: async (dir) => {
        await selfSigned(dir, 'other');
        await selfSigned(dir, 'server');
        // The server reads its certificate relative to the data folder.
        for (const file of ['server.crt', 'server.key'])
          fs.renameSync(path.join(dir, file), path.join(dir, 'data', file));
        fs.copyFileSync(path.join(dir, 'data', 'server.crt'), path.join(dir, 'server.crt'));
      },
    });
    certificate = path.join(cluster.dir, 'server.crt');
    otherCertificate = path.join(cluster.dir, 'other.crt');
  });
  afterAll(async () => {
    await cluster?.destroy();
  });

  test.each([
    ['no sslmode (prefer, the default)', ''],
    ['sslmode=prefer', 'sslmode=prefer'],
    ['sslmode=require with a self-signed certificate: encrypts, checks nothing', 'sslmode=require'],
    ['sslmode=allow: the server refuses plain text, TLS next', 'sslmode=allow'],
  ])('%s: connects over TLS, no warning', async (_name, query) => {
    const result = await status(at('127.0.0.1', query));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).target).toBe(`127.0.0.1:${cluster.port}/postgres`);
  });

  test('verify-ca checks the chain against sslrootcert, not the name; verify-full checks both', async () => {
    for (const url of [
      at('127.0.0.1', `sslmode=verify-ca&sslrootcert=${certificate}`),
      at('localhost', `sslmode=verify-full&sslrootcert=${certificate}`),
    ]) {
      const result = await status(url);
      expect(result.stderr, url).toBe('');
      expect(result.code, url).toBe(0);
    }
  });

  test.each([
    [
      'verify-full to an address the certificate does not name',
      '127.0.0.1',
      `sslmode=verify-full&sslrootcert=CERT`,
      /the host name is not one it was issued for/,
    ],
    [
      'verify-ca with another root certificate',
      '127.0.0.1',
      `sslmode=verify-ca&sslrootcert=OTHER`,
      /it is self-signed, and not the root certificate given/,
    ],
    [
      'require with a root certificate file is verify-ca',
      'localhost',
      `sslmode=require&sslrootcert=OTHER`,
      /it is self-signed, and not the root certificate given/,
    ],
  ])('%s: exit 3, one line saying which check failed', async (_name, host, query, message) => {
    const result = await status(at(host, query.replace('CERT', certificate).replace('OTHER', otherCertificate)));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      new RegExp(
        `^workout: cannot connect to ${host}:${cluster.port}/postgres: the server's certificate failed verification: `,
      ),
    );
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  test('sslmode=disable to a TLS-only server is refused (exit 3); an unknown sslmode is bad usage (exit 2)', async () => {
    const plain = await status(at('127.0.0.1', 'sslmode=disable'));
    expect(plain.code).toBe(3);
    expect(plain.stderr).toMatch(/no encryption/);
    const unknown = await status(at('127.0.0.1', 'sslmode=no-such'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'workout: sslmode "no-such" is not one of disable, allow, prefer, require, verify-ca, verify-full\n',
    );
  });

  test('keyword/value strings, socket URLs and the PG* variables: the server they name, printed right', async () => {
    const target = `${cluster.dir}:${cluster.port}/postgres`;
    const socketDir = encodeURIComponent(cluster.dir);
    for (const url of [
      `host=${cluster.dir} port=${cluster.port} dbname=postgres user=postgres`,
      `postgresql://postgres@/postgres?host=${cluster.dir}&port=${cluster.port}`,
      `postgres://postgres@${socketDir}:${cluster.port}/postgres`,
      `socket:${cluster.dir}?db=postgres&user=postgres&port=${cluster.port}`,
    ]) {
      const result = await status(url);
      expect(result.stderr, url).toBe('');
      expect(JSON.parse(result.stdout).target, url).toBe(target);
    }
    const fromEnvironment = await runCli(['db', 'status'], {
      env: {
        PGHOST: '127.0.0.1',
        PGPORT: String(cluster.port),
        PGDATABASE: 'postgres',
        PGUSER: 'postgres',
        PGSSLMODE: 'require',
      },
    });
    expect(fromEnvironment.stderr).toBe('');
    expect(fromEnvironment.stdout).toContain(
      `backend:     server (127.0.0.1:${cluster.port}/postgres)\nchosen by:   PGHOST, PGDATABASE\n`,
    );
    const partly = await status('postgres://postgres@127.0.0.1', {
      PGPORT: String(cluster.port),
      PGDATABASE: 'postgres',
    });
    expect(JSON.parse(partly.stdout).target).toBe(`127.0.0.1:${cluster.port}/postgres`);
  });

  test('every connection slot taken (max_connections): exit 3, naming the target', async () => {
    const holders: pg.Client[] = [];
    try {
      for (let slot = 0; slot < 4; slot++) {
        const client = new pg.Client({ host: cluster.dir, port: cluster.port, user: 'postgres', database: 'postgres' });
        await client.connect();
        holders.push(client);
      }
      const result = await status(at('127.0.0.1', 'sslmode=require'));
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(
        `workout: cannot connect to 127.0.0.1:${cluster.port}/postgres: the server has no free connection (sorry, too many clients already); try again\n`,
      );
    } finally {
      await Promise.all(holders.map((client) => client.end()));
    }
  });

  test('a server without TLS (the test server, if its ssl is off): prefer and allow fall back to plain text, require is refused (exit 3)', async (context) => {
    const url = process.env.TEST_DATABASE_URL!;
    const ssl = await withClient(url, async (client) => (await client.query<{ ssl: string }>('SHOW ssl')).rows[0]!.ssl);
    if (ssl !== 'off') context.skip();
    const separator = url.includes('?') ? '&' : '?';
    for (const query of ['', 'sslmode=prefer', 'sslmode=allow']) {
      const result = await status(`${url}${query ? separator + query : ''}`);
      expect(result.stderr, query).toBe('');
      expect(result.code, query).toBe(0);
    }
    const required = await status(`${url}${separator}sslmode=require`);
    expect(required.code).toBe(3);
    expect(required.stderr).toMatch(
      /^workout: cannot connect to .*: the server does not accept TLS, which sslmode requires\n$/,
    );
  });
});
