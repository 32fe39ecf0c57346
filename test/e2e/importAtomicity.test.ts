import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EXPECTED } from '../fixtures/import/expected.js';
import { strongExportText } from '../helpers/generateStrong.js';
import { FIXTURES } from '../helpers/importFixtures.js';
import { BIN } from '../helpers/paths.js';
import { snapshot, snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
  // Something to keep: the database must end up exactly like this.
  expect((await db.cli(['import', path.join(FIXTURES, 'hevy-kg.csv'), '--tz', 'UTC'])).code).toBe(0);
});
afterEach(async () => {
  await db.drop();
});

const strong5 = path.join(FIXTURES, 'strong-5.csv');
const strong5Args = ['--unit', 'lb', '--tz', 'America/New_York'];
const lineCount = (text: string) => text.split('\n').length - 1;

describe('import is all or nothing', () => {
  test('a bad last row writes nothing, exits 2 and names file, line and column', async () => {
    const text = `${fs.readFileSync(strong5, 'utf8')}2025-02-03 18:00:00,Push Day,,Bench Press (Barbell),2,230.0,five,,,,,\n`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workout-import-')), 'bad.csv');
    fs.writeFileSync(file, text);
    try {
      const before = (await snapshotDatabase(db)).tables;
      const result = await db.cli(['import', file, ...strong5Args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `workout: ${file}:${lineCount(text)}: Reps: "five" is not a number; ` +
          'nothing was imported (fix the row, or --skip-invalid to import the other rows)\n',
      );
      expect((await snapshotDatabase(db)).tables).toEqual(before);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('malformed CSV in the last row (an unclosed quote) writes nothing and names the line', async () => {
    const text = `${fs.readFileSync(strong5, 'utf8')}2025-02-03 18:00:00,"Push Day,,Bench Press (Barbell),2,230.0,5,,,,,\n`;
    const before = (await snapshotDatabase(db)).tables;
    const result = await db.cli(['import', ...strong5Args], { stdin: text });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `workout: <stdin>:${lineCount(text)}: a quoted field is never closed (a " is missing); nothing was imported\n`,
    );
    expect((await snapshotDatabase(db)).tables).toEqual(before);
  });

  test('--skip-invalid imports the other rows and lists the skipped one', async () => {
    const text = `${fs.readFileSync(strong5, 'utf8')}2025-02-03 18:00:00,Push Day,,Bench Press (Barbell),2,230.0,five,,,,,\n`;
    const result = await db.cli(['import', '-', ...strong5Args, '--skip-invalid'], { stdin: text });
    expect(result.code).toBe(0);
    // 25 records alone; the Hevy sets already there keep the bench 4-rep max and the pull-up volume.
    expect(result.stdout).toBe(
      'Imported <stdin> (Strong 5.x (lb)): 3 sessions, 14 sets, 23 new records.\n' +
        'Not sets, skipped: 1 rest timer, 1 unfilled set, 1 cardio row.\n' +
        'Invalid rows, skipped: 1.\n' +
        `  <stdin>:${lineCount(text)}: Reps: "five" is not a number\n`,
    );
    const after = await snapshot(db);
    const strongOnly = (lines: string[]) => lines.filter((line) => line.includes('strong:'));
    expect(strongOnly(after.sets)).toEqual(EXPECTED['strong-5.csv']!.sets);
  });

  test('a process killed (SIGKILL) halfway through a large import leaves the database as it was', async () => {
    const text = await strongExportText(40_000);
    const half = text.slice(0, text.indexOf('\n', text.length / 2) + 1);
    const before = (await snapshotDatabase(db)).tables;
    await db.release();

    const child = spawn(process.execPath, [BIN, 'import', '--unit', 'kg', '--tz', 'UTC'], {
      env: { ...process.env, DATABASE_URL: undefined, ...db.env, WORKOUT_USER: 'tester', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    // Half the file, and stdin left open: the import has written its first batches and waits.
    await new Promise<void>((resolve, reject) =>
      child.stdin.write(half, (error) => (error ? reject(error) : resolve())),
    );
    await waitUntilWritingPaused(db);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toBe('');

    expect((await snapshotDatabase(db)).tables).toEqual(before);
    // And the database is usable: the whole file imports.
    await db.release();
    const whole = await db.cli(['import', '--unit', 'kg', '--tz', 'UTC', '--json'], {
      stdin: text,
      timeoutMs: 300_000,
    });
    expect(whole.stderr).toBe('');
    expect(JSON.parse(whole.stdout)).toMatchObject({ sessions_added: 2_000, sets_added: 40_000 });
  }, 600_000);
});

/**
 * Server: the import's transaction has written (it holds a transaction id) and waits
 * for input. Embedded: the database files have stopped changing (the import is waiting
 * for the rest of stdin, in the middle of its transaction).
 */
async function waitUntilWritingPaused(target: TestDatabase): Promise<void> {
  const deadline = Date.now() + 240_000;
  if (target.backend === 'server') {
    while (Date.now() < deadline) {
      const rows = await target.query<{ waiting: boolean }>(
        `SELECT count(*) > 0 AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'workout'
           AND backend_xid IS NOT NULL AND state = 'idle in transaction'`,
      );
      if (rows[0]?.waiting) return;
      await sleep(100);
    }
    throw new Error('the import never reached the middle of its transaction');
  }
  const pgdata = path.join(target.env.WORKOUT_HOME!, 'pgdata');
  let last = newestChange(pgdata);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await sleep(250);
    const now = newestChange(pgdata);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 2_000) {
      return;
    }
  }
  throw new Error('the embedded database never stopped changing');
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
