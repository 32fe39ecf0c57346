import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock } from '../../src/db/dataDirLock.js';
import { runCli } from '../helpers/cli.js';
import { type FakeServer, holdUserLock, silentServer, stalledServer } from '../helpers/faults.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const setCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM workout_log'))[0]!.n;

// These talk to fake servers on this machine and do not depend on the backend under test: they run once, in the server run.
describe.skipIf(BACKEND !== 'server')('connecting to a server that does not answer', () => {
  let fake: FakeServer;
  afterEach(async () => {
    await fake.close();
  });

  test('a server that accepts the connection but never answers: exit 3 after the default 5 s connect timeout', async () => {
    fake = await silentServer();
    // The runner kills the CLI after 10 s: the command must end by itself before that.
    const result = await runCli(['set', 'add', 'Bench', '100x5'], {
      env: { DATABASE_URL: `postgres://lifter@127.0.0.1:${fake.port}/gym` },
      timeoutMs: 10_000,
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `workout: cannot connect to 127.0.0.1:${fake.port}/gym: no answer within the connect timeout\n`,
    );
  });

  test('--connect-timeout shortens the wait', async () => {
    fake = await silentServer();
    const result = await runCli(['--connect-timeout', '0.5', 'session', 'list'], {
      env: { DATABASE_URL: `postgres://lifter@127.0.0.1:${fake.port}/gym` },
      timeoutMs: 4_000,
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(3);
  });

  test('a server that goes silent after the handshake: exit 3 after statement_timeout + connect timeout, not a hang', async () => {
    fake = await stalledServer();
    const result = await runCli(
      ['--statement-timeout', '1', '--connect-timeout', '1', 'set', 'add', 'Bench', '100x5'],
      {
        env: { DATABASE_URL: `postgres://lifter@127.0.0.1:${fake.port}/gym` },
        timeoutMs: 10_000,
      },
    );
    expect(result.signal).toBeNull();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/stopped answering .*nothing was written, try again\n$/);
  });
});

describe.skipIf(BACKEND !== 'server')('lock_timeout and statement_timeout on a server', () => {
  test('set add blocked behind another connection gives up after --lock-timeout, writes nothing, and goes through once the lock is gone', async () => {
    expect((await db.cli(['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    const lock = await holdUserLock(db.url!, 'tester');
    try {
      const blocked = await db.cli(['--lock-timeout', '1', 'set', 'add', 'Bench', '105x5'], { timeoutMs: 15_000 });
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toBe(
        'workout: gave up waiting for a lock (lock_timeout); nothing was written, try again\n',
      );
      expect(await setCount()).toBe(1);
    } finally {
      await lock.release();
    }
    const retry = await db.cli(['set', 'add', 'Bench', '105x5', '--json']);
    expect(retry.code).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({ set_number: 2, weight: 105 });
  });

  test('WORKOUT_LOCK_TIMEOUT bounds every other writing command too (session start/end, set undo)', async () => {
    expect((await db.cli(['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    const lock = await holdUserLock(db.url!, 'tester');
    try {
      for (const args of [
        ['session', 'end'],
        ['set', 'undo'],
        ['session', 'start'],
      ]) {
        const blocked = await db.cli(args, { env: { WORKOUT_LOCK_TIMEOUT: '0.5' }, timeoutMs: 15_000 });
        expect(blocked.code, args.join(' ')).toBe(1);
        expect(blocked.stderr).toMatch(/gave up waiting for a lock/);
      }
    } finally {
      await lock.release();
    }
    const rows = await db.query<{ sets: number; active: number }>(
      `SELECT (SELECT count(*)::int FROM workout_log) AS sets,
              (SELECT count(*)::int FROM workout_session WHERE end_time IS NULL) AS active`,
    );
    expect(rows).toEqual([{ sets: 1, active: 1 }]);
  });

  test('--statement-timeout cancels a statement that runs (here: waits) longer', async () => {
    expect((await db.cli(['set', 'add', 'Bench', '100x5'])).code).toBe(0);
    const lock = await holdUserLock(db.url!, 'tester');
    try {
      const blocked = await db.cli(
        ['--lock-timeout', '30', '--statement-timeout', '1', 'set', 'add', 'Bench', '105x5'],
        { timeoutMs: 15_000 },
      );
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toBe(
        'workout: the statement ran past statement_timeout and was cancelled; nothing was written\n',
      );
    } finally {
      await lock.release();
    }
    expect(await setCount()).toBe(1);
  });
});

describe.skipIf(BACKEND !== 'embedded')('the embedded database lock', () => {
  const home = () => db.env.WORKOUT_HOME!;

  test('a command waits a bounded time (WORKOUT_LOCK_TIMEOUT, --lock-timeout) for the folder, then names the holder', async () => {
    const release = await acquireDataDirLock(home(), 1_000);
    try {
      const byEnv = await db.cli(['session', 'list'], { env: { WORKOUT_LOCK_TIMEOUT: '0.5' }, timeoutMs: 10_000 });
      expect(byEnv.code).toBe(3);
      expect(byEnv.stderr).toBe(
        `workout: the embedded database in ${home()} is in use by another workout process (pid ${process.pid}); ` +
          'waited 0.5 s (set WORKOUT_LOCK_TIMEOUT to wait longer)\n',
      );
      const byFlag = await db.cli(['--lock-timeout', '0.2', 'set', 'add', 'Bench', '100x5'], { timeoutMs: 10_000 });
      expect(byFlag.code).toBe(3);
      expect(byFlag.stderr).toContain(`(pid ${process.pid}); waited 0.2 s`);
    } finally {
      release();
    }
    expect(await setCount()).toBe(0);
  });

  test('two commands at once: the second waits for the first, both succeed', async () => {
    await db.release();
    const [first, second] = await Promise.all([
      db.cli(['set', 'add', 'Bench', '100x5']),
      db.cli(['set', 'add', 'Bench', '105x5']),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const numbers = await db.query<{ set_number: number }>('SELECT set_number FROM workout_log ORDER BY set_number');
    expect(numbers).toEqual([{ set_number: 1 }, { set_number: 2 }]);
  });

  test('a lock left by a process that is gone (crash, SIGKILL) is taken over, and its socket file removed once old', async () => {
    // A holder killed with SIGKILL: its socket file stays, nobody listens on it.
    const leftover = path.join(home(), 'workout.4242.0badc0de.sock');
    spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(leftover)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(fs.existsSync(leftover)).toBe(true);
    // Each command takes the lock itself (in-process), so the second one finds the leftover old enough.
    expect(
      (await db.cli(['set', 'add', 'Bench', '100x5'], { env: { WORKOUT_LOCK_TIMEOUT: '2', WORKOUT_SERVER: '0' } }))
        .code,
    ).toBe(0);

    // A younger refused socket may be a contender between bind() and listen(): removed only once 5 s old.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(
      (await db.cli(['set', 'add', 'Bench', '105x5'], { env: { WORKOUT_LOCK_TIMEOUT: '2', WORKOUT_SERVER: '0' } }))
        .code,
    ).toBe(0);
    expect(fs.readdirSync(home()).filter((file) => file.endsWith('.sock'))).toEqual([]);
    expect(await setCount()).toBe(2);
  });
});
