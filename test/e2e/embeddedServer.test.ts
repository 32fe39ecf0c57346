import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { files, runDirs, SERVER_COMMAND, type ServerStatus } from '../../src/db/serverFiles.js';
import { cliEnv } from '../helpers/cli.js';
import { strongExportText } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// The embedded database's background server, whichever backend this run tests.
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function embedded(): Promise<{ db: TestDatabase; home: string }> {
  const db = await createTestDatabase('embedded');
  cleanup.push(() => db.drop());
  return { db, home: db.env.WORKOUT_HOME! };
}

/** What the running server of `home` wrote at start; undefined when none runs. */
function serverOf(home: string): (ServerStatus & { dir: string }) | undefined {
  for (const { dir } of runDirs(home)) {
    const status = files(dir).status;
    if (!fs.existsSync(status)) continue;
    const written = JSON.parse(fs.readFileSync(status, 'utf8')) as ServerStatus;
    // What a SIGKILLed server left is there until the next one starts.
    if (alive(written.pid)) return { ...written, dir };
  }
  return undefined;
}

/** The background server processes started for `home`, from their command lines, ready or not. */
function serverPids(home: string): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      return argv.includes(SERVER_COMMAND) && argv.includes(home) && alive(Number(entry)) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** Running (an exited server whose parent is gone may stay a zombie until something reaps it). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

const lockSockets = (home: string) => fs.readdirSync(home).filter((file) => /^workout\..*\.sock$/.test(file));

/** pg's connection, for what its Client does not offer: a half-sent batch and a dead socket. */
type WireConnection = { parse: (query: { text: string }) => void; stream: { destroy: () => void } };

type CliResultLike = { code: number | null; stderr: string };

/** The built CLI started, not awaited: its pid, and its end. */
function startCli(args: string[], env: Record<string, string>): { pid: number; done: Promise<CliResultLike> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return { pid: child.pid!, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr }))) };
}

const setNumber = (stdout: string) => (JSON.parse(stdout) as { set_number: number }).set_number;

describe('the embedded background server', () => {
  test('started by the first command, reused by the next, private (0700 folder, 0600 sockets), shown by db status', async () => {
    const { db, home } = await embedded();
    expect(serverOf(home)).toBeUndefined();
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).toMatchObject({ code: 0 });
    const first = serverOf(home)!;
    expect(alive(first.pid)).toBe(true);
    expect(fs.statSync(first.dir).mode & 0o777).toBe(0o700);
    for (const socket of [files(first.dir).database, files(first.dir).control]) {
      expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
    }
    // It holds the folder's lock for its lifetime.
    expect(lockSockets(home)).toEqual([expect.stringMatching(new RegExp(`^workout\\.${first.pid}\\.`))]);

    const second = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(setNumber(second.stdout)).toBe(2);
    expect(serverOf(home)!.pid).toBe(first.pid);

    const status = await db.cli(['--json', 'db', 'status']);
    expect(JSON.parse(status.stdout).background_server).toEqual({
      pid: first.pid,
      socket: files(first.dir).database,
      uptime_s: expect.any(Number),
      idle_timeout_s: 10,
    });
    const text = await db.cli(['db', 'status']);
    expect(text.stdout).toContain(`background:  pid ${first.pid}, up `);
  });

  test('exits by itself after WORKOUT_SERVER_IDLE without a command, leaving the folder as it found it', async () => {
    const { db, home } = await embedded();
    const env = { WORKOUT_SERVER_IDLE: '1' };
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env })).toMatchObject({ code: 0 });
    const { pid } = serverOf(home)!;
    await until(() => !alive(pid), 'the idle server exits', 15_000);
    expect(runDirs(home)).toEqual([]);
    expect(lockSockets(home)).toEqual([]);
    // The next command starts a new one.
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env })).toMatchObject({ code: 0 });
    expect(serverOf(home)!.pid).not.toBe(pid);
  });

  test('db stop stops it (after the commands it serves); WORKOUT_SERVER=0 runs in-process, no server', async () => {
    const { db, home } = await embedded();
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).toMatchObject({ code: 0 });
    const { pid } = serverOf(home)!;
    expect(await db.cli(['db', 'stop'])).toMatchObject({
      code: 0,
      stdout: `Stopped the background server of ${home}.\n`,
    });
    expect(alive(pid)).toBe(false);
    expect(runDirs(home)).toEqual([]);
    expect(JSON.parse((await db.cli(['--json', 'db', 'stop'])).stdout)).toEqual({ home, stopped: 0 });

    const inProcess = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5'], {
      env: { WORKOUT_SERVER: '0' },
    });
    expect(inProcess).toMatchObject({ code: 0, stderr: '' });
    expect(setNumber(inProcess.stdout)).toBe(2);
    expect(runDirs(home)).toEqual([]);
    expect(lockSockets(home)).toEqual([]);
  });

  test('five commands at once: one server serves them in turn, none fails, set numbers 1..5', async () => {
    const { db, home } = await embedded();
    // No server yet: five start one each; all but one find the folder taken and leave it to that one.
    const runs = await Promise.all(
      [0, 1, 2, 3, 4].map((index) =>
        db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', `${100 + index}x5`], {
          env: { WORKOUT_LOCK_TIMEOUT: '60' },
        }),
      ),
    );
    expect(runs.map((run) => [run.code, run.stderr.replace('Started session 1.\n', '')])).toEqual(
      Array(5).fill([0, '']),
    );
    expect(runs.map((run) => setNumber(run.stdout)).sort()).toEqual([1, 2, 3, 4, 5]);
    // And five more against the running server.
    const more = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        db.cli(['--json', 'set', 'add', 'Squat (Barbell)', '140x3'], { env: { WORKOUT_LOCK_TIMEOUT: '60' } }),
      ),
    );
    expect(more.map((run) => [run.code, run.stderr])).toEqual(Array(5).fill([0, '']));
    expect(more.map((run) => setNumber(run.stdout)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(runDirs(home)).toHaveLength(1);
  });

  test('a client that dies inside a transaction, or leaves a session setting, does not affect the next', async () => {
    const { db, home } = await embedded();
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).toMatchObject({ code: 0 });
    const { dir } = serverOf(home)!;
    const client = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
    client.on('error', () => {});
    const connection = (client as unknown as { connection: WireConnection }).connection;
    await client.connect();
    let next: ReturnType<TestDatabase['cli']>;
    try {
      // A session setting that would break every later command, a row lock, and a parse without its sync
      // (the backend would wait for the rest of that batch).
      await client.query('SET search_path = nowhere');
      await client.query('BEGIN');
      await client.query("SELECT 1 FROM public.app_user WHERE name = 'tester' FOR UPDATE");
      connection.parse({ text: 'SELECT 1' });
      next = db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
      await sleep(500);
    } finally {
      connection.stream.destroy();
    }
    const result = await next;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(setNumber(result.stdout)).toBe(2);
  });

  test('a SIGKILLed server leaves nothing broken: the next command starts a fresh one, the data is intact', async () => {
    const { db, home } = await embedded();
    const csv = path.join(home, 'big.csv');
    fs.writeFileSync(csv, await strongExportText(20_000));
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).toMatchObject({ code: 0 });
    const { pid } = serverOf(home)!;
    // Killed while an import is writing.
    const importing = db.cli(['import', '--unit', 'kg', csv]);
    await sleep(1_500);
    process.kill(pid, 'SIGKILL');
    const imported = await importing;
    expect(imported.code === 0 ? '' : imported.stderr).toMatch(/^$|lost/);
    const listed = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    expect(listed).toMatchObject({ code: 0 });
    expect(serverOf(home)!.pid).not.toBe(pid);
    expect(runDirs(home)).toHaveLength(1);
    // All of the import or none of it.
    const [counts] = await db.query<{ sets: number }>('SELECT count(*)::int AS sets FROM workout_log');
    expect([2, 2 + 20_000]).toContain(counts!.sets);
  });

  test('a CLI of another build never talks to the running server: it is told to stop and a new one starts', async () => {
    const { db, home } = await embedded();
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).toMatchObject({ code: 0 });
    const current = serverOf(home)!;
    // Another version of the CLI: a copy of the build with another build id.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-other-build-'));
    cleanup.push(() => fs.rmSync(other, { recursive: true, force: true }));
    const root = path.dirname(path.dirname(BIN));
    for (const folder of ['bin', 'dist', 'sql'])
      fs.cpSync(path.join(root, folder), path.join(other, folder), { recursive: true });
    fs.copyFileSync(path.join(root, 'package.json'), path.join(other, 'package.json'));
    const oldId = 'a1b2c3d4e5f6';
    for (const chunk of fs.readdirSync(path.join(other, 'dist', 'chunks')).filter((file) => file.endsWith('.js'))) {
      const file = path.join(other, 'dist', 'chunks', chunk);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(current.build, oldId));
    }
    const runOther = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(other, 'bin', 'workout'), ...args], {
          env: cliEnv(db.env),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    const byOther = await runOther(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    expect(byOther).toMatchObject({ code: 0, stderr: '' });
    expect(setNumber(byOther.stdout)).toBe(2);
    expect(alive(current.pid)).toBe(false);
    const otherServer = serverOf(home)!;
    expect(otherServer.build).toBe(oldId);

    const back = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    expect(back).toMatchObject({ code: 0, stderr: '' });
    expect(setNumber(back.stdout)).toBe(3);
    expect(alive(otherServer.pid)).toBe(false);
    expect(serverOf(home)!.build).toBe(current.build);
    expect(runDirs(home)).toHaveLength(1);
  });

  test('a new folder is created by the command itself, then served: the next command goes to the same server', async () => {
    const { db } = await embedded();
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-fresh-'));
    const env = { WORKOUT_HOME: fresh };
    cleanup.push(async () => {
      await db.cli(['db', 'stop'], { env });
      fs.rmSync(fresh, { recursive: true, force: true });
    });
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env })).toMatchObject({ code: 0 });
    const { pid } = serverOf(fresh)!;
    expect(await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env })).toMatchObject({ code: 0 });
    expect(serverOf(fresh)!.pid).toBe(pid);
  });

  test('a CLI killed while its server starts: the server serves on, and the next command through it succeeds', async () => {
    const { db, home } = await embedded();
    const run = startCli(['set', 'add', 'Bench Press (Barbell)', '100x5'], db.env);
    // The server is spawned at once; opening the folder takes it far longer than this wait.
    await until(() => serverPids(home).length > 0, 'the server is spawned', 20_000);
    process.kill(run.pid, 'SIGKILL');
    await run.done;
    await until(() => serverOf(home) !== undefined, 'the orphaned server serves', 60_000);
    const { pid } = serverOf(home)!;
    // Telling a dead CLI that it is ready must not end the server.
    await sleep(1_000);
    expect(alive(pid)).toBe(true);
    const next = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    // The killed command never reached the database: this one starts the first session.
    expect(next).toMatchObject({ code: 0, stderr: 'Started session 1.\n' });
    expect(setNumber(next.stdout)).toBe(1);
    expect(serverOf(home)!.pid).toBe(pid);
  });

  test('SIGKILL of the server or the client at random moments during migration, import and set add: the database opens, consistent', async () => {
    const { db, home } = await embedded();
    const csv = path.join(home, 'strong.csv');
    fs.writeFileSync(csv, await strongExportText(5_000));
    const kill = (folder: string, victim: 'server' | 'client', run: { pid: number; done: Promise<CliResultLike> }) => {
      // A server that created the folder ends once its command is done: no server is a moment like any other.
      const pid = victim === 'server' ? serverOf(folder)?.pid : run.pid;
      if (pid === undefined) return run.done;
      try {
        process.kill(pid, 'SIGKILL');
      } catch (error) {
        // The moment fell after the command had finished: a moment like any other.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      return run.done;
    };
    const moments: string[] = [];
    // Migration: a fresh folder, killed once its server listens, while the CLI applies the migrations.
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-fresh-'));
    cleanup.push(async () => {
      await db.cli(['db', 'stop'], { env: { WORKOUT_HOME: fresh } });
      fs.rmSync(fresh, { recursive: true, force: true });
    });
    for (const victim of ['server', 'client'] as const) {
      const run = startCli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { ...db.env, WORKOUT_HOME: fresh });
      await until(() => serverOf(fresh) !== undefined, 'the fresh folder is served', 120_000);
      const wait = Math.round(Math.random() * 1_000);
      moments.push(`migration ${victim} +${wait} ms`);
      await sleep(wait);
      await kill(fresh, victim, run);
    }
    const next = await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env: { WORKOUT_HOME: fresh } });
    expect({ moments, code: next.code, stderr: next.code === 0 ? '' : next.stderr }).toEqual({
      moments,
      code: 0,
      stderr: '',
    });
    const migrated = await db.cli(['--json', 'db', 'status'], { env: { WORKOUT_HOME: fresh } });
    expect((JSON.parse(migrated.stdout) as { migrations: Array<{ applied: boolean }> }).migrations).not.toContainEqual(
      expect.objectContaining({ applied: false }),
    );

    // Import and set add on a migrated folder.
    let added = 0;
    for (const [args, victim] of [
      [['import', '--unit', 'kg', csv], 'server'],
      [['import', '--unit', 'kg', csv], 'client'],
      [['set', 'add', 'Squat (Barbell)', '140x3'], 'server'],
      [['set', 'add', 'Squat (Barbell)', '140x3'], 'client'],
    ] as const) {
      const ready = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
      expect(ready.code).toBe(0);
      added++;
      const run = startCli([...args], db.env);
      const wait = Math.round(Math.random() * (args[0] === 'import' ? 1_500 : 150));
      moments.push(`${args[0]} ${victim} +${wait} ms`);
      await sleep(wait);
      await kill(home, victim, run);
    }
    const after = await db.cli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5']);
    expect({ moments, code: after.code, stderr: after.stderr }).toEqual({ moments, code: 0, stderr: '' });
    expect(setNumber(after.stdout)).toBe(added + 1);
    // Each import landed whole or not at all; a set add once or not at all.
    const [counts] = await db.query<{ bench: number; squat: number; imported: number }>(
      `SELECT count(*) FILTER (WHERE e.name = 'Bench Press (Barbell)' AND l.session_id = 1)::int AS bench,
              count(*) FILTER (WHERE e.name = 'Squat (Barbell)' AND l.session_id = 1)::int AS squat,
              count(*) FILTER (WHERE l.session_id <> 1)::int AS imported
       FROM workout_log l JOIN exercise e ON e.id = l.exercise_id`,
    );
    expect(counts!.bench).toBe(added + 1);
    expect(counts!.squat).toBeLessThanOrEqual(2);
    expect(counts!.imported % 5_000).toBe(0);
  });
});
