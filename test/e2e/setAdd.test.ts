import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

describe('set add', () => {
  test('logs a set, starts a session, numbers sets per exercise and reports beaten records', async () => {
    const first = await db.cli(['set', 'add', 'Bench Press', '100x5']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Bench Press: set 1, 100 kg x 5\n');
    // Not a catalog name ("Bench Press (Barbell)" is): created as typed, and stderr says which entry it is near.
    expect(first.stderr).toMatch(
      /^Started session \d+\.\nBench Press is a new exercise; did you mean Bench Press \(Barbell\)\?\n$/,
    );

    const second = await db.cli(['set', 'add', 'bench press', '102.5kg', 'x', '5', '--json']);
    expect(second.code).toBe(0);
    const added = JSON.parse(second.stdout);
    expect(added).toMatchObject({
      exercise: 'Bench Press',
      set_number: 2,
      weight: 102.5,
      unit: 'kg',
      reps: 5,
      session_started: false,
    });
    expect(added.records).toContainEqual({ kind: 'heaviest', reps: 0, value: 102.5, previous: 100 });

    const human = await db.cli(['set', 'add', 'Bench Press', '105x5']);
    expect(human.stdout).toContain('New PR: heaviest weight 105 kg, was 102.5 kg');

    const rows = await db.query<{ set_number: number; weight: string }>(
      'SELECT set_number, weight::text AS weight FROM workout_log ORDER BY id',
    );
    expect(rows).toEqual([
      { set_number: 1, weight: '100' },
      { set_number: 2, weight: '102.5' },
      { set_number: 3, weight: '105' },
    ]);
  });
});
