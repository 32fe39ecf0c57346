import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const SETS = 20_000;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // A long history written directly: 1,000 sessions of 20 sets.
  await db.query(`INSERT INTO app_user (name) VALUES ('tester')`);
  await db.query(`INSERT INTO exercise (name) VALUES ('Pipe Press') ON CONFLICT DO NOTHING`);
  await db.query(`
    INSERT INTO workout_session (user_id, start_time, end_time)
    SELECT u.id, timestamptz '2020-01-01 18:00Z' + n * interval '1 day', timestamptz '2020-01-01 19:00Z' + n * interval '1 day'
    FROM app_user u, generate_series(0, ${SETS / 20 - 1}) n WHERE u.name = 'tester'`);
  await db.query(`
    INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
    SELECT s.id, s.user_id, e.id, k, 100, 'kg', 5, s.start_time + k * interval '1 minute'
    FROM workout_session s, exercise e, generate_series(1, 20) k WHERE lower(e.name) = 'pipe press'`);
  await db.release();
});
afterAll(async () => {
  await db.drop();
});

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

/** `workout export | slow reader`: the reader waits a second first, so the export waits for 'drain' page after page. */
function exportIntoSlowPipe(): Promise<{ code: number | null; lines: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', '"$0" "$1" export | (sleep 1; wc -l)', process.execPath, BIN], {
      env: { ...withoutDatabaseUrl(process.env), ...db.env, WORKOUT_USER: 'tester', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (lines += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: lines.trim(), stderr }));
  });
}

test(`export of ${SETS} sets into a pipe prints nothing on stderr (no listener left behind per wait)`, async () => {
  const result = await exportIntoSlowPipe();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(Number(result.lines)).toBe(SETS + 1);
});
