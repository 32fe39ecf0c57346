import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock } from '../../src/db/dataDirLock.js';
import { type CliResult, runCli } from '../helpers/cli.js';
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
  test('a fresh WORKOUT_HOME and no database URL: two set add at once create it, one waiting for the other; then pr list --json, session end/start', async () => {
    const home = path.join(freshHome(), 'nested', 'workout');
    // The first run creates and migrates the database (~6 s idle). The second waits on the folder
    // lock meanwhile; give it longer than the default 10 s, CI machines are busy.
    const env = { WORKOUT_HOME: home, DATABASE_URL: undefined, WORKOUT_LOCK_TIMEOUT: '90' };
    const pair = await Promise.all([
      runCli(['--json', 'set', 'add', 'Bench Press (Barbell)', '100x5'], { env, timeoutMs: 120_000 }),
      runCli(['--json', 'set', 'add', 'Bench Press (Barbell)', '105x3'], { env, timeoutMs: 120_000 }),
    ]);
    expect(pair.map((result) => result.code)).toEqual([0, 0]);
    expect(pair.map((result) => result.stderr).sort()).toEqual(['', 'Started session 1.\n']);
    const added = pair.map((result) => JSON.parse(result.stdout) as { set_number: number; session_id: number });
    expect(added.map((set) => set.set_number).sort()).toEqual([1, 2]);
    expect(added.map((set) => set.session_id)).toEqual([1, 1]);
    expect(fs.existsSync(path.join(home, 'pgdata', 'PG_VERSION'))).toBe(true);

    const records = await runCli(['--json', 'pr', 'list'], { env });
    expect(records.code).toBe(0);
    const byKind = Object.fromEntries(
      (JSON.parse(records.stdout) as RecordJson[]).map((r) => [`${r.kind}/${r.reps}`, `${r.value} ${r.unit}`]),
    );
    expect(byKind).toEqual({
      'heaviest/0': '105 kg',
      'e1rm/0': '116.667 kg',
      'volume/0': '500 kg',
      'rep_max/3': '105 kg',
      'rep_max/5': '100 kg',
    });

    expect(await runCli(['session', 'end'], { env })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^Ended session 1: .*, 2 set\(s\)\.\nMuscles worked \(sets\): chest 2, shoulders 1, triceps 1\n$/,
      ),
    });
    expect(await runCli(['session', 'start', '--name', 'Second'], { env })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Started session 2 "Second": started .*, active, 0 set\(s\)\.\n$/),
    });
    // Nothing left holding the folder once its background server is stopped.
    expect(await runCli(['db', 'stop'], { env })).toMatchObject({ code: 0 });
    expect(fs.readdirSync(home).sort()).toEqual(['pgdata', 'server.log']);
  });

  test('a folder held by another process past --lock-timeout: exit 3 naming the holder', async () => {
    const db: TestDatabase = await createTestDatabase('embedded');
    cleanup.push(() => db.drop());
    const home = db.env.WORKOUT_HOME!;
    const release = await acquireDataDirLock(home, 1000);
    let refused: CliResult;
    try {
      refused = await runCli(['--lock-timeout', '0.5', 'set', 'add', 'Bench Press (Barbell)', '100x5'], {
        env: db.env,
      });
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
