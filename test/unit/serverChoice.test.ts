import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';

const choose = (options: { databaseUrl?: string }, env: Record<string, string>) => {
  const { databaseUrl, databaseSource } = loadConfig(options, { WORKOUT_USER: 'ann', ...env });
  return { databaseUrl, databaseSource };
};

describe('which server: --database-url, then DATABASE_URL, then the PG* variables that name one', () => {
  test('the flag, then DATABASE_URL', () => {
    expect(choose({ databaseUrl: 'host=a' }, { DATABASE_URL: 'postgres://b/gym', PGHOST: 'c' })).toEqual({
      databaseUrl: 'host=a',
      databaseSource: '--database-url',
    });
    expect(choose({}, { DATABASE_URL: 'postgres://b/gym', PGHOST: 'c' })).toEqual({
      databaseUrl: 'postgres://b/gym',
      databaseSource: 'DATABASE_URL',
    });
  });

  test('PGHOST, PGHOSTADDR, PGDATABASE or PGSERVICE name a server; the rest of PG* alone does not', () => {
    expect(choose({}, { PGHOST: '/var/run/postgresql', PGDATABASE: "o'gym" })).toEqual({
      databaseUrl: "host='/var/run/postgresql' dbname='o\\'gym'",
      databaseSource: 'PGHOST, PGDATABASE',
    });
    expect(choose({}, { PGSERVICE: 'gym' })).toEqual({ databaseUrl: "service='gym'", databaseSource: 'PGSERVICE' });
    expect(choose({}, { PGUSER: 'ann', PGPORT: '5433', PGPASSWORD: 'x' })).toEqual({
      databaseUrl: undefined,
      databaseSource: undefined,
    });
  });
});
