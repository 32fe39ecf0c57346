import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeSettings, parseConnectionString, resolveConnection } from '../../src/db/connectionConfig.js';
import { redactSecrets } from '../../src/db/connectionTarget.js';
import { tlsAttempts } from '../../src/db/tlsAttempts.js';
import { UsageError } from '../../src/errors.js';

// An environment with no PG* variables and a home without ~/.postgresql files.
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-home-'));
afterAll(() => fs.rmSync(HOME, { recursive: true, force: true }));
const bare = (env: Record<string, string> = {}) => ({
  HOME,
  PGSYSCONFDIR: HOME,
  PGSERVICEFILE: path.join(HOME, 'none'),
  ...env,
});
const resolve = (text: string, env: Record<string, string> = {}) => {
  const previous = process.env.HOME;
  process.env.HOME = HOME;
  try {
    return resolveConnection(text, bare(env));
  } finally {
    process.env.HOME = previous;
  }
};

describe('connection strings as libpq reads them', () => {
  test.each([
    ['postgres://me:pw@db.example:6543/gym', 'db.example:6543/gym'],
    ['postgresql://me@[::1]/gym', '[::1]:5432/gym'],
    ['postgres://%2Fvar%2Frun%2Fpostgresql/gym', '/var/run/postgresql:5432/gym'],
    ['postgresql://me@/gym?host=/srv/pg&port=5433', '/srv/pg:5433/gym'],
    ['socket:/srv/pg?db=gym', '/srv/pg:5432/gym'],
    ['host=/var/run/postgresql dbname=gym port = 5434', '/var/run/postgresql:5434/gym'],
    ["host=db dbname='my gym' user='o\\'brien'", 'db:5432/my gym'],
  ])('%s → %s', (text, target) => {
    expect(describeSettings(resolve(text))).toBe(target);
  });

  test('what the string leaves out comes from PG*, then the defaults (database = user)', () => {
    expect(describeSettings(resolve('postgres://', { PGHOST: 'pg.internal', PGDATABASE: 'gym', PGPORT: '6000' }))).toBe(
      'pg.internal:6000/gym',
    );
    expect(resolve('postgres://db', { PGUSER: 'ann' })).toMatchObject({
      user: 'ann',
      database: 'ann',
      sslmode: 'prefer',
    });
    expect(resolve('postgres://db?sslmode=disable', { PGSSLMODE: 'require' }).sslmode).toBe('disable');
  });

  test('a service file entry, below the string and above the environment', () => {
    const file = path.join(HOME, 'services.conf');
    fs.writeFileSync(file, '# services\n[gym]\nhost=svc.example\ndbname=lifts\nport=7000\n\n[other]\nhost=no\n');
    const settings = resolve('service=gym port=7001', { PGSERVICEFILE: file, PGHOST: 'env.example' });
    expect(describeSettings(settings)).toBe('svc.example:7001/lifts');
    expect(() => resolve('service=missing', { PGSERVICEFILE: file })).toThrow(/service "missing" is not defined/);
  });

  test('passwords: percent-decoded, never in the target', () => {
    expect(resolve('postgres://me:p%40ss%23w@db/gym').password).toBe('p@ss#w');
    expect(describeSettings(resolve('postgres://me:s3cret@db.example:6543/gym'))).toBe('db.example:6543/gym');
    expect(redactSecrets("connecting with password='a b' failed", ["host=db password='a b'"])).toBe(
      "connecting with password='***' failed",
    );
  });

  test.each([
    ['postgres://me:p#w@db/gym', /percent-encode/],
    ['postgres://me:p@ss@db/gym', /percent-encode/],
    ['postgres://me:p:w/x@db/gym', /percent-encode/],
    [
      'postgres://db/gym?sslmode=no-such',
      /sslmode "no-such" is not one of disable, allow, prefer, require, verify-ca, verify-full/,
    ],
    ['postgres://db/gym?schema=x', /unknown parameter "schema"/],
    ['just some words', /neither a postgres:\/\/ URL nor keyword=value pairs/],
  ])('%s is refused as bad usage', (text, message) => {
    const attempt = () => resolve(text);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });

  test('node-postgres ssl=true reads as sslmode=require', () => {
    expect(parseConnectionString('postgres://db/gym?ssl=true').sslmode).toBe('require');
  });
});

describe('sslmode as TLS attempts', () => {
  const root = path.join(HOME, 'root.pem');
  fs.writeFileSync(root, 'not really a certificate');
  const attempts = (query: string) => tlsAttempts(resolve(`postgres://db/gym?${query}`));

  test('disable, allow, prefer: plain and unverified TLS in libpq order', () => {
    expect(attempts('sslmode=disable')).toEqual([false]);
    expect(attempts('sslmode=allow')).toEqual([false, { rejectUnauthorized: false }]);
    expect(attempts('sslmode=prefer')).toEqual([{ rejectUnauthorized: false }, false]);
    expect(attempts('')).toEqual([{ rejectUnauthorized: false }, false]);
  });

  test('require encrypts without checks, unless a root certificate makes it verify-ca', () => {
    expect(attempts('sslmode=require')).toEqual([{ rejectUnauthorized: false }]);
    const [withRoot] = attempts(`sslmode=require&sslrootcert=${root}`) as [Record<string, unknown>];
    expect(withRoot).toMatchObject({ ca: 'not really a certificate', rejectUnauthorized: true });
    expect(typeof withRoot.checkServerIdentity).toBe('function');
  });

  test('verify-ca skips the host name check, verify-full keeps it; both need a root certificate', () => {
    const [ca] = attempts(`sslmode=verify-ca&sslrootcert=${root}`) as [Record<string, unknown>];
    expect(ca.checkServerIdentity).toBeTypeOf('function');
    const [full] = attempts(`sslmode=verify-full&sslrootcert=${root}`) as [Record<string, unknown>];
    expect(full).toEqual({ ca: 'not really a certificate', rejectUnauthorized: true });
    expect(attempts('sslmode=verify-full&sslrootcert=system')).toEqual([{ rejectUnauthorized: true }]);
    expect(() => attempts('sslmode=verify-full')).toThrow(/needs a root certificate/);
  });

  test('a Unix socket never uses TLS', () => {
    expect(tlsAttempts(resolve('host=/var/run/postgresql sslmode=require'))).toEqual([false]);
  });
});
