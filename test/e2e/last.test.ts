import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type ShownSet = {
  id: number;
  set_number: number;
  weight: number;
  weight_kg: number;
  unit: string;
  reps: number;
  set_type: string;
};
type LastJson = {
  exercise: string;
  previous: { session_id: number; started_at: string; sets: ShownSet[] } | null;
  active: { session_id: number; sets: ShownSet[] } | null;
};

describe('workout last', () => {
  test('the latest earlier session with the exercise, as logged, and the active session so far', async () => {
    const results = await runCliBatch(
      db,
      [
        ['last', 'Bench Press'],
        ['session', 'start', '--at', '2025-07-01T10:00Z'],
        ['set', 'add', 'Bench Press', '90x5', '--at', '2025-07-01T10:05Z'],
        ['session', 'end', '--at', '2025-07-01T11:00Z'],
        ['session', 'start', '--name', 'Push', '--at', '2025-07-08T10:00Z'],
        ['set', 'add', 'Bench Press', '60x10', '--type', 'warmup', '--at', '2025-07-08T10:01Z'],
        ['set', 'add', 'Bench Press', '225lb x 5', '--at', '2025-07-08T10:05Z'],
        ['set', 'add', 'Bench Press', '100x5', '--rpe', '9', '--at', '2025-07-08T10:10Z'],
        ['session', 'end', '--at', '2025-07-08T11:00Z'],
        // A later session without bench press is not "last time".
        ['session', 'start', '--at', '2025-07-10T09:59Z'],
        ['set', 'add', 'Squat', '140x3', '--at', '2025-07-10T10:00Z'],
        ['session', 'end', '--at', '2025-07-10T11:00Z'],
        ['last', 'bench press'],
        // A set long ago starts an ended session; a started session stays active for it.
        ['session', 'start', '--at', '2025-07-15T09:59Z'],
        ['set', 'add', 'Bench Press', '102.5x5', '--at', '2025-07-15T10:00Z'],
        ['--json', 'last', 'BENCH PRESS'],
        ['last', 'Deadlift'],
        ['last', ''],
      ],
      { env: { TZ: 'UTC' } },
    );
    const [none, last, json, deadlift, empty] = [0, 12, 15, 16, 17].map((index) => results[index]);
    for (const result of results.slice(0, -1)) expect(result.code, result.stderr).toBe(0);
    expect(none!.stdout).toBe('No earlier session with Bench Press.\n');
    const ids = (await db.query<{ id: number }>('SELECT id::int AS id FROM workout_log ORDER BY id')).map(
      (row) => row.id,
    );
    const [session2] = (
      await db.query<{ id: number }>("SELECT id::int AS id FROM workout_session WHERE name = 'Push'")
    ).map((row) => row.id);
    expect(last!.stdout).toBe(
      `Bench Press, last time: 2025-07-08 (session ${session2} "Push")\n` +
        `   1. 60 kg x 10  (warmup)  [id ${ids[1]}]\n   2. 225 lb x 5  [id ${ids[2]}]\n   3. 100 kg x 5  (RPE 9)  [id ${ids[3]}]\n`,
    );
    const shown = JSON.parse(json!.stdout) as LastJson;
    expect(shown.exercise).toBe('Bench Press');
    expect(shown.previous?.session_id).toBe(session2);
    expect(
      shown.previous?.sets.map((set) => `${set.set_number}: ${set.weight} ${set.unit} x ${set.reps} ${set.set_type}`),
    ).toEqual(['1: 60 kg x 10 warmup', '2: 225 lb x 5 normal', '3: 100 kg x 5 normal']);
    expect(shown.previous?.sets[1]?.weight_kg).toBe(102.05828325);
    expect(shown.active?.sets.map((set) => [set.id, set.weight, set.unit])).toEqual([[ids[5], 102.5, 'kg']]);
    expect(deadlift!.stdout).toBe('No earlier session with Deadlift.\n');
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: 'workout: EXERCISE must not be empty\n' });
  });
});
