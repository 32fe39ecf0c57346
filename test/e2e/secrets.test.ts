import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type CliResult, runCli } from '../helpers/cli.js';
import { closedPort } from '../helpers/faults.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/** A password with characters that URLs encode, and the forms it takes in a connection string. */
const PASSWORD = 'Hunter2:p@ss/w0rd?';
const ENCODED = encodeURIComponent(PASSWORD);

function expectNoSecret(result: CliResult, ...secrets: string[]) {
  for (const secret of [PASSWORD, ENCODED, ...secrets]) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
  // Nor any recognisable piece of it.
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/Hunter2|w0rd/);
}

/** The same server and database as `url`, with a password (trust auth ignores it). */
function withPassword(url: string, password = PASSWORD): string {
  const parsed = new URL(url);
  parsed.username = 'postgres';
  parsed.password = password;
  return parsed.toString();
}

// All of these point at a server with a password; none depends on the backend under test, so they run once, in the server run.
describe.skipIf(BACKEND !== 'server')('a password in DATABASE_URL or --database-url never shows', () => {
  let deadUrl: string;
  beforeEach(async () => {
    deadUrl = `postgres://lifter:${ENCODED}@127.0.0.1:${await closedPort()}/gym`;
  });

  test('failing connection, from DATABASE_URL: the message names host, port and database only, also with --verbose and DEBUG', async () => {
    for (const [args, env] of [
      [['session', 'list'], {}],
      [['--verbose', 'set', 'add', 'Bench', '100x5'], {}],
      [['db', 'status'], { DEBUG: '1' }],
      [['--json', 'pr', 'list'], {}],
    ] as const) {
      const result = await runCli([...args], { env: { DATABASE_URL: deadUrl, ...env } });
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^workout: cannot connect to 127\.0\.0\.1:\d+\/gym: ECONNREFUSED/);
      expectNoSecret(result);
    }
  });

  test('failing connection, from --database-url (both spellings), with the password as a query parameter too', async () => {
    const asParameter = `postgres://lifter@127.0.0.1:${new URL(deadUrl).port}/gym?password=${ENCODED}`;
    for (const args of [
      ['--database-url', deadUrl, '--verbose', 'session', 'list'],
      [`--database-url=${deadUrl}`, '--verbose', 'db', 'migrate'],
      ['--verbose', `--database-url=${asParameter}`, 'set', 'undo'],
    ]) {
      const result = await runCli(args, { env: { DATABASE_URL: undefined } });
      expect(result.code).toBe(3);
      expectNoSecret(result);
    }
  });

  test('a connection string in the wrong place (a mistyped flag, a stray argument) is not echoed back', async () => {
    for (const args of [
      [`--databse-url=${deadUrl}`, 'session', 'list'],
      [deadUrl, 'session', 'list'],
      ['session', 'list', deadUrl],
      ['set', 'add', 'Bench', '100x5', '--rpe', deadUrl],
      ['--connect-timeout', deadUrl, 'session', 'list'],
    ]) {
      const result = await runCli(args, { env: { DATABASE_URL: undefined } });
      expect(result.code, args.join(' ')).toBe(2);
      expectNoSecret(result);
    }
  });

  describe('with a working connection', () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await createTestDatabase();
    });
    afterEach(async () => {
      await db.drop();
    });

    test('db status (text and JSON) shows the target without the password', async () => {
      const url = withPassword(db.url!);
      const text = await db.cli(['db', 'status'], { env: { DATABASE_URL: url } });
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^backend: {5}server \(127\.0\.0\.1:5432\/workout_test_\w+\)$/m);
      expectNoSecret(text);
      const json = await db.cli(['--database-url', url, '--json', 'db', 'status'], {
        env: { DATABASE_URL: undefined },
      });
      expect(JSON.parse(json.stdout).target).toMatch(/^127\.0\.0\.1:5432\/workout_test_\w+$/);
      expectNoSecret(json);
    });

    test('a failing query (a table is missing), with --verbose', async () => {
      await db.query('DROP TABLE personal_record');
      const url = withPassword(db.url!);
      const noSchema = await db.cli(['--verbose', 'set', 'add', 'Bench', '100x5'], { env: { DATABASE_URL: url } });
      expect(noSchema.code).toBe(1);
      expect(noSchema.stderr).toMatch(
        /^workout: the database at 127\.0\.0\.1:5432\/workout_test_\w+ has no workout schema/,
      );
      expectNoSecret(noSchema);
    });

    test('a failing query whose server error quotes the password back, with --verbose and DEBUG', async () => {
      const url = withPassword(db.url!);
      // Whatever a server or driver puts in a message (here a trigger quoting it, raw and URL-encoded) is redacted too.
      await db.query(`
        CREATE FUNCTION test_leak() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'refused: % %', ${`'${PASSWORD}'`}, ${`'${ENCODED}'`};
        END $$`);
      await db.query('CREATE TRIGGER test_leak BEFORE INSERT ON workout_log FOR EACH ROW EXECUTE FUNCTION test_leak()');
      for (const env of [{ DATABASE_URL: url }, { DATABASE_URL: url, DEBUG: '1' }]) {
        const failed = await db.cli(['--verbose', 'set', 'add', 'Bench', '100x5'], { env });
        expect(failed.code).toBe(1);
        expect(failed.stderr).toMatch(/^workout: refused: \*\*\* \*\*\*\n/);
        expectNoSecret(failed);
      }
      const flag = await db.cli(['--database-url', url, 'set', 'add', 'Bench', '100x5'], {
        env: { DATABASE_URL: undefined },
      });
      expect(flag.stderr).toBe('workout: refused: *** ***\n');
    });
  });
});
