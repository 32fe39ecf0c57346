import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { FIXTURES } from '../helpers/importFixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** The totals as stored, and as a recomputation from the sets that are there. */
async function storedAndRecomputed() {
  const columns = `session_id::int, exercise_id::int, user_id::int, first_at, working_sets::int, reps::int, volume::text`;
  const stored = await db.query(`
    SELECT ${columns} FROM session_exercise_totals ORDER BY session_id, exercise_id`);
  const recomputed = await db.query(`
    SELECT ${columns} FROM (
      SELECT session_id, exercise_id, min(user_id) AS user_id, min(performed_at) AS first_at,
             count(*) FILTER (WHERE set_type <> 'warmup') AS working_sets,
             coalesce(sum(reps) FILTER (WHERE set_type <> 'warmup'), 0) AS reps,
             trim_scale(coalesce(sum(weight * reps) FILTER (WHERE set_type <> 'warmup'), 0)) AS volume
      FROM workout_log GROUP BY session_id, exercise_id) t
    ORDER BY session_id, exercise_id`);
  return {
    stored: stored.map((row) => ({ ...row, volume: String(Number(row.volume)) })),
    recomputed: recomputed.map((row) => ({ ...row, volume: String(Number(row.volume)) })),
  };
}

async function expectExact() {
  const { stored, recomputed } = await storedAndRecomputed();
  expect(stored).toEqual(recomputed);
  return stored.length;
}

const setIds = async () =>
  (await db.query<{ id: number }>('SELECT id::int AS id FROM workout_log ORDER BY id')).map((row) => row.id);

describe('session_exercise_totals (what stats sums) stay exact', () => {
  test('through set add, edit, delete, undo, import and session delete, each in its own transaction', async () => {
    const steps: string[][] = [
      ['session', 'start', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'Bench Press', '60x10', '--type', 'warmup', '--at', '2025-07-01T10:01Z'],
      ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-01T10:05Z'],
      ['set', 'add', 'Bench Press', '225lb x 3', '--at', '2025-07-01T10:10Z'],
      ['set', 'add', 'Squat', '140x5', '--at', '2025-07-01T10:20Z'],
      ['set', 'add', 'Pull Up', 'bw+10x6', '--at', '2025-07-01T10:30Z'],
      ['session', 'end', '--at', '2025-07-01T11:00Z'],
      ['set', 'add', 'Bench Press', '102.5x5'],
      ['set', 'add', 'Squat', '150x3'],
    ];
    for (const result of await runCliBatch(db, steps)) expect(result.code, result.stderr).toBe(0);
    expect(await expectExact()).toBe(5);

    const [warmup, , pounds, squat] = await setIds();
    const changes = await runCliBatch(db, [
      ['set', 'edit', String(warmup), '--type', 'normal'],
      ['set', 'edit', String(pounds), '--exercise', 'Incline Bench Press'],
      ['set', 'edit', String(squat), '--at', '2025-07-01T10:02Z', '--weight', '145'],
      ['set', 'delete', String(squat)],
      ['set', 'undo'],
    ]);
    for (const result of changes) expect(result.code, result.stderr).toBe(0);
    await expectExact();

    const imported = await runCliBatch(db, [['import', path.join(FIXTURES, 'strong-6.csv')]]);
    expect(imported[0]!.code, imported[0]!.stderr).toBe(0);
    const afterImport = await expectExact();
    expect(afterImport).toBeGreaterThan(5);

    const [session] = await db.query<{ id: number }>('SELECT min(id)::int AS id FROM workout_session');
    const deleted = await runCliBatch(db, [['session', 'delete', String(session!.id), '--yes']]);
    expect(deleted[0]!.code, deleted[0]!.stderr).toBe(0);
    expect(await expectExact()).toBeLessThan(afterImport);
  });
});
