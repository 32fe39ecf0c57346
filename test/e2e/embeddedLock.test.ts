import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { strongExportText } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// The embedded folder's lock, whichever backend this run tests: the embedded database is the default for everyone.
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function embeddedHome(): Promise<{ db: TestDatabase; home: string }> {
  const db = await createTestDatabase('embedded');
  cleanup.push(() => db.drop());
  return { db, home: db.env.WORKOUT_HOME! };
}

const lockSockets = (home: string) =>
  fs.readdirSync(home).filter((file) => /^workout\.\d+\.[0-9a-f]+\.sock$/.test(file));

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
}

/** Starts `command`, waits until it holds the folder (its socket is there), and returns it running. */
async function startHolding(home: string, command: string[], env: Record<string, string>): Promise<ChildProcess> {
  const before = new Set(lockSockets(home));
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: 'ignore' });
  cleanup.push(() => void child.kill('SIGKILL'));
  const deadline = Date.now() + 30_000;
  while (!lockSockets(home).some((file) => !before.has(file))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${command.join(' ')} never took the folder`);
    await sleep(20);
  }
  return child;
}

const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-pf', '--mount-proc', 'true']).status === 0;

describe('the embedded folder lock', () => {
  test.runIf(canUnshare)(
    'a process SIGKILLed as pid 1 of a PID namespace does not block the next one (also pid 1)',
    async () => {
      const { db, home } = await embeddedHome();
      const csv = path.join(home, 'big.csv');
      fs.writeFileSync(csv, await strongExportText(40_000));
      // The lock between processes, as WORKOUT_SERVER=0 runs them (a background server takes it the same way).
      const env = { WORKOUT_HOME: home, WORKOUT_USER: 'tester', NO_COLOR: '1', WORKOUT_SERVER: '0' };
      const unshare = ['unshare', '-pf', '--mount-proc', process.execPath, BIN];
      const importer = await startHolding(home, [...unshare, 'import', '--unit', 'kg', csv], env);
      expect(lockSockets(home)).toEqual([expect.stringMatching(/^workout\.1\./)]);
      // unshare forks the namespace's pid 1 (node) and waits for it: kill that child, not unshare.
      const [pid1] = fs.readFileSync(`/proc/${importer.pid}/task/${importer.pid}/children`, 'utf8').trim().split(' ');
      process.kill(Number(pid1), 'SIGKILL');
      await exited(importer);

      const started = Date.now();
      const next = spawnSync(
        unshare[0]!,
        [...unshare.slice(1), '--lock-timeout', '2', '--json', 'set', 'add', 'Bench Press (Barbell)', '100x5'],
        {
          env: { ...process.env, ...env },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect({ status: next.status, stderr: next.stderr }).toEqual({ status: 0, stderr: 'Started session 1.\n' });
      expect(Date.now() - started).toBeLessThan(20_000);
      // The import died before committing: nothing of it is there; the set is.
      const [count] = await db.query<{ sets: number }>('SELECT count(*)::int AS sets FROM workout_log');
      expect(count).toEqual({ sets: 1 });
    },
  );

  test('a leftover lock and five processes started at once: each runs in turn, none fails', async () => {
    const { db, home } = await embeddedHome();
    // A holder that died without cleaning up: its socket file is there, nobody listens.
    const holder = await startHolding(
      home,
      [
        process.execPath,
        '-e',
        `require('net').createServer().listen(${JSON.stringify(path.join(home, 'workout.77.0badc0de.sock'))}); setInterval(() => {}, 1000)`,
      ],
      {},
    );
    holder.kill('SIGKILL');
    await exited(holder);
    expect(lockSockets(home)).toEqual(['workout.77.0badc0de.sock']);
    // A refused socket younger than 5 s may be a contender between bind() and listen(): only an older one is removed.
    await new Promise((resolve) => setTimeout(resolve, 5_500));

    const runs = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', `${100 + index}x5`], {
          // In-process, each takes the lock in turn (through a background server: test/e2e/embeddedServer.test.ts).
          env: { WORKOUT_LOCK_TIMEOUT: '120', WORKOUT_SERVER: '0' },
          timeoutMs: 150_000,
        }),
      ),
    );
    expect(runs.map((run) => [run.code, run.stderr.replace('Started session 1.\n', '')])).toEqual(
      Array(5).fill([0, '']),
    );
    // Had two opened the folder at once, both would have numbered their set 1 (or worse).
    expect(runs.map((run) => (JSON.parse(run.stdout) as { set_number: number }).set_number).sort()).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(lockSockets(home)).toEqual([]);
  }, 180_000);

  test('a folder path too long for a socket address (150 bytes) is still locked: two at once run in turn', async () => {
    const { home } = await embeddedHome();
    const long = path.join(home, 'x'.repeat(70), 'y'.repeat(70));
    expect(Buffer.byteLength(long)).toBeGreaterThan(150);
    fs.cpSync(path.join(home, 'pgdata'), path.join(long, 'pgdata'), { recursive: true });
    const env = { WORKOUT_HOME: long, WORKOUT_LOCK_TIMEOUT: '60' };
    const runs = await Promise.all(
      [100, 105].map((kg) =>
        runCli(['--json', 'set', 'add', 'Bench Press (Barbell)', `${kg}x5`], { env, timeoutMs: 90_000 }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(runs.map((run) => (JSON.parse(run.stdout) as { set_number: number }).set_number).sort()).toEqual([1, 2]);
  }, 120_000);

  test('export | head -1, SIGINT and SIGTERM release the folder (in-process, WORKOUT_SERVER=0)', async () => {
    const { db: shared, home } = await embeddedHome();
    const env = { ...shared.env, WORKOUT_SERVER: '0' };
    const cli: TestDatabase['cli'] = (args, options = {}) =>
      shared.cli(args, { ...options, env: { WORKOUT_SERVER: '0', ...options.env } });
    expect((await cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).code).toBe(0);
    expect((await cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).code).toBe(0);

    // A reader that stops after the first line.
    const exporter = spawn(process.execPath, [BIN, 'export'], {
      env: { ...process.env, ...env, WORKOUT_USER: 'tester' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exporter.stdout!.once('data', () => exporter.stdout!.destroy());
    expect(await exited(exporter)).toEqual({ code: 0, signal: null });
    expect(lockSockets(home)).toEqual([]);

    const csv = path.join(home, 'big.csv');
    fs.writeFileSync(csv, await strongExportText(40_000));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const importer = await startHolding(home, [process.execPath, BIN, 'import', '--unit', 'kg', csv], {
        ...env,
        WORKOUT_USER: 'tester',
      });
      importer.kill(signal);
      expect(await exited(importer)).toMatchObject({ signal });
      const after = await cli(['--lock-timeout', '1', 'session', 'list']);
      expect({ signal, code: after.code, stderr: after.stderr }).toEqual({ signal, code: 0, stderr: '' });
    }
  }, 120_000);
});
