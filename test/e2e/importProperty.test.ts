import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WORKOUT_COLUMNS } from '../../src/domain/formats/workout.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// Records after `import` must equal records after `set add` of the same sets, one by
// one, in the same order: same values, same holding set, same dates. Each case runs the
// CLI once per set, so runs are few (embedded opens cost ~1 s each).
const RUNS = BACKEND === 'server' ? 12 : 4;

type GeneratedSet = {
  exercise: string;
  kind: 'load' | 'bodyweight' | 'bodyweight+load';
  load: number;
  unit: 'kg' | 'lb';
  reps: number;
  type: 'normal' | 'warmup' | 'drop' | 'failure';
  /** Minutes after 10:00; out of order and repeated on purpose (ties). */
  minute: number;
};

const setArbitrary: fc.Arbitrary<GeneratedSet> = fc.record({
  exercise: fc.constantFrom('Bench Press', 'bench press', 'Dip'),
  kind: fc.constantFrom('load' as const, 'bodyweight' as const, 'bodyweight+load' as const),
  load: fc.integer({ min: 1, max: 80 }).map((n) => n * 2.5),
  unit: fc.constantFrom('kg' as const, 'lb' as const),
  reps: fc.integer({ min: 1, max: 15 }),
  type: fc.constantFrom('normal' as const, 'warmup' as const, 'drop' as const, 'failure' as const),
  minute: fc.integer({ min: 0, max: 5 }),
});

const at = (set: GeneratedSet) => `2025-05-01T10:${String(set.minute).padStart(2, '0')}:00Z`;

function notation(set: GeneratedSet): string {
  if (set.kind === 'bodyweight') return `bw x ${set.reps}`;
  if (set.kind === 'bodyweight+load') return `bw+${set.load}${set.unit} x ${set.reps}`;
  return `${set.load}${set.unit} x ${set.reps}`;
}

/** The same sets as one session of workout's own format, numbered per exercise like `set add` does. */
function asWorkoutCsv(sets: GeneratedSet[]): string {
  const numbers = new Map<string, number>();
  const rows = sets.map((set) => {
    const key = set.exercise.toLowerCase();
    numbers.set(key, (numbers.get(key) ?? 0) + 1);
    return [
      'workout:property',
      '',
      at(sets[0]!),
      '',
      '',
      set.exercise,
      String(numbers.get(key)),
      set.type,
      set.kind === 'bodyweight' ? '0' : String(set.load),
      set.kind === 'bodyweight' ? 'kg' : set.unit,
      String(set.kind !== 'load'),
      String(set.reps),
      '',
      at(set),
      '',
    ];
  });
  return stringify([[...WORKOUT_COLUMNS], ...rows]);
}

async function records(db: TestDatabase, user: string): Promise<string[]> {
  // trim_scale: equal numbers, whatever scale each writer's arithmetic left them with
  // (160 lb is 72.57477920 kg from one, 72.5747792 from the other).
  const rows = await db.query<{ line: string }>(
    `SELECT concat_ws(' | ', e.name, p.kind, p.reps, trim_scale(p.value)::text, to_char(p.achieved_at AT TIME ZONE 'UTC', 'HH24:MI'),
              'set ' || l.set_number, trim_scale(l.weight)::text, l.reps) AS line
     FROM personal_record p
     JOIN exercise e ON e.id = p.exercise_id
     JOIN workout_log l ON l.id = p.log_id
     JOIN app_user u ON u.id = p.user_id
     WHERE u.name = $1 ORDER BY 1`,
    [user],
  );
  return rows.map((row) => row.line);
}

let bySetAdd: TestDatabase;
let byImport: TestDatabase;
beforeAll(async () => {
  bySetAdd = await createTestDatabase();
  byImport = await createTestDatabase();
});
afterAll(async () => {
  await bySetAdd.drop();
  await byImport.drop();
});

describe('records: import vs set add', () => {
  test('random histories give the same records either way', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(setArbitrary, { minLength: 1, maxLength: 5 }), async (sets) => {
        // Each case is its own user: exercises are shared, records are per user.
        const env = { WORKOUT_USER: `property${run++}` };
        for (const set of sets) {
          const added = await bySetAdd.cli(
            ['set', 'add', set.exercise, notation(set), '--type', set.type, '--at', at(set)],
            { env },
          );
          // Notes of the sessions the sets start (and end, for times in the past), and of a new
          // name near a catalog entry: nothing else.
          expect(
            added.stderr.replace(/^(Started|Ended) session \d+.*\n|^.* is a new exercise; did you mean .*\?\n/gm, ''),
          ).toBe('');
        }
        const imported = await byImport.cli(['import', '--json'], { stdin: asWorkoutCsv(sets), env });
        expect(imported.stderr).toBe('');
        expect(JSON.parse(imported.stdout)).toMatchObject({ sets_added: sets.length });
        const expected = await records(bySetAdd, env.WORKOUT_USER);
        // Any set but a warm-up holds some record: the comparison is never of two empty lists then.
        if (sets.some((set) => set.type !== 'warmup')) expect(expected).not.toEqual([]);
        expect(await records(byImport, env.WORKOUT_USER)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
