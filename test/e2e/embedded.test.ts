import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock } from '../../src/db/dataDirLock.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// These run in both CI runs: the embedded database is the default for everyone without a server.
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

function freshHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-fresh-'));
  cleanup.push(() => fs.rmSync(home, { recursive: true, force: true }));
  return home;
}

type RecordJson = { exercise: string; kind: string; reps: number; value: number; unit: string };

describe('embedded database', () => {
  test('a fresh WORKOUT_HOME and no database URL: created on first use; session start, set add, pr list --json', async () => {
    const home = freshHome();
    const env = { WORKOUT_HOME: home, DATABASE_URL: undefined };

    const started = await runCli(['session', 'start', '--name', 'First'], { env });
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toMatch(/^Started session 1 "First": started .*, active, 0 set\(s\)\.\n$/);
    expect(fs.existsSync(path.join(home, 'pgdata', 'PG_VERSION'))).toBe(true);

    // Started together: one opens the folder, the other waits for its lock, then both have logged.
    const [a, b] = await Promise.all([
      runCli(['--json', 'set', 'add', 'Bench Press', '100x5'], { env }),
      runCli(['--json', 'set', 'add', 'Bench Press', '105x3'], { env }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const numbers = [a, b].map((result) => (JSON.parse(result.stdout) as { set_number: number; session_id: number }));
    expect(numbers.map((n) => n.set_number).sort()).toEqual([1, 2]);
    expect(numbers.map((n) => n.session_id)).toEqual([1, 1]);

    const records = await runCli(['--json', 'pr', 'list'], { env });
    expect(records.code).toBe(0);
    const byKind = Object.fromEntries((JSON.parse(records.stdout) as RecordJson[]).map((r) => [`${r.kind}/${r.reps}`, `${r.value} ${r.unit}`]));
    expect(byKind).toEqual({ 'heaviest/0': '105 kg', 'e1rm/0': '116.667 kg', 'volume/0': '500 kg', 'rep_max/3': '105 kg', 'rep_max/5': '100 kg' });
    // Nothing left holding the folder.
    expect(fs.existsSync(path.join(home, 'workout.lock'))).toBe(false);
  });

  test('two set add processes on a folder that does not exist yet: one creates it while the other waits; both succeed', async () => {
    const home = path.join(freshHome(), 'nested', 'workout');
    // Creating the database takes ~6 s on an idle machine; let the waiter wait longer than the default 10 s under CI load.
    const env = { WORKOUT_HOME: home, DATABASE_URL: undefined, WORKOUT_LOCK_TIMEOUT: '90' };
    const results = await Promise.all([
      runCli(['set', 'add', 'Squat', '140x5'], { env, timeoutMs: 120_000 }),
      runCli(['set', 'add', 'Squat', '150x3'], { env, timeoutMs: 120_000 }),
    ]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(results.map((result) => result.stderr).sort()).toEqual(['', 'Started session 1.\n']);
    expect(results.map((result) => /set (\d)/.exec(result.stdout)?.[1]).sort()).toEqual(['1', '2']);
  });

  test('a folder held by another process past --lock-timeout: exit 3 naming the holder', async () => {
    const db: TestDatabase = await createTestDatabase('embedded');
    cleanup.push(() => db.drop());
    const home = db.env.WORKOUT_HOME!;
    const release = await acquireDataDirLock(home, 1000);
    let refused;
    try {
      refused = await runCli(['--lock-timeout', '0.5', 'set', 'add', 'Bench Press', '100x5'], { env: db.env });
    } finally {
      release();
    }
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toBe(
      `workout: the embedded database in ${home} is in use by another workout process (pid ${process.pid}); ` +
        'waited 0.5 s (set WORKOUT_LOCK_TIMEOUT to wait longer)\n',
    );
    const [count] = await db.query<{ sets: number }>('SELECT count(*)::int AS sets FROM workout_log');
    expect(count).toEqual({ sets: 0 });
  });
});
