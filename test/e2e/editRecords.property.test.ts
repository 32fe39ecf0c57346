import fc from 'fast-check';
import { type DatabasePool, sql } from 'slonik';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { addSet } from '../../src/db/queries/addSet.js';
import { deleteSession } from '../../src/db/queries/deleteSession.js';
import { deleteSet } from '../../src/db/queries/deleteSet.js';
import { editSet } from '../../src/db/queries/editSet.js';
import { endSession } from '../../src/db/queries/sessions.js';
import { SET_TYPES } from '../../src/domain/limits.js';
import type { SetChanges } from '../../src/domain/setChanges.js';
import { UNITS } from '../../src/domain/units.js';
import { WorkoutError } from '../../src/errors.js';
import {
  canonicalRecords,
  type ExpectedRecord,
  expectedRecords,
  LOGGED_SETS_SQL,
  type LoggedSet,
  STORED_RECORDS_SQL,
} from '../helpers/expectedRecords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// Edits and deletes, in any order among adds, leave the records exactly as the
// independent oracle computes them from the sets that remain, and each session's sets of
// an exercise numbered 1..N. The writers run in-process through the CLI's own pool.

const USER = 'tester';
const EXERCISES = ['Bench', 'Squat', 'Dip'] as const;

let db: TestDatabase;
let database: Database;
beforeEach(async () => {
  db = await createTestDatabase();
  await db.release();
  database = await openDatabase(
    loadConfig({ databaseUrl: db.url, user: USER }, { WORKOUT_HOME: db.env.WORKOUT_HOME }),
    {
      schema: 'current',
    },
  );
});
afterEach(async () => {
  await db.drop();
});

/** A query of the oracle's helpers ($1 user, $2 exercise) through slonik. */
const oracleQuery = (text: string, exercise: string) => ({
  ...sql.unsafe`SELECT 1`,
  sql: text,
  values: [USER, exercise],
});

const day = fc.integer({ min: 1, max: 4 }).map((d) => new Date(Date.UTC(2025, 6, d, 10)));
const load = fc.record({ weight: fc.constantFrom('0', '20', '60', '100', '102.5'), bodyweight: fc.boolean() });
const changes: fc.Arbitrary<SetChanges> = fc
  .record(
    {
      load,
      unit: fc.constantFrom(...UNITS),
      reps: fc.integer({ min: 1, max: 14 }),
      setType: fc.constantFrom(...SET_TYPES),
      exercise: fc.constantFrom(...EXERCISES),
      performedAt: day,
    },
    { requiredKeys: [] },
  )
  .filter((c) => Object.keys(c).length > 0);

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      exercise: fc.constantFrom(...EXERCISES),
      load,
      unit: fc.constantFrom(...UNITS),
      reps: fc.integer({ min: 1, max: 14 }),
      setType: fc.constantFrom(...SET_TYPES),
      at: day,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('end' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), pick: fc.nat(), changes }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteSet' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteSession' as const), pick: fc.nat() }) },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const ids = async (pool: DatabasePool, table: 'workout_log' | 'workout_session') =>
  pool.anyFirst(sql.type(z.object({ id: z.number() }))`SELECT id FROM ${sql.identifier([table])} ORDER BY id`);

async function apply(pool: DatabasePool, operation: Operation): Promise<void> {
  switch (operation.op) {
    case 'add':
      await addSet(pool, {
        userName: USER,
        exercise: operation.exercise,
        weight: operation.load.weight,
        unit: operation.unit,
        bodyweight: operation.load.bodyweight,
        reps: operation.reps,
        rpe: null,
        setType: operation.setType,
        notes: null,
        performedAt: operation.at,
      });
      return;
    case 'end':
      await endSession(pool, USER, null).catch((error: unknown) => {
        if (!(error instanceof WorkoutError)) throw error; // no active session: nothing to end
      });
      return;
    case 'edit': {
      const sets = await ids(pool, 'workout_log');
      if (sets.length > 0) await editSet(pool, USER, sets[operation.pick % sets.length]!, operation.changes);
      return;
    }
    case 'deleteSet': {
      const sets = await ids(pool, 'workout_log');
      if (sets.length > 0) await deleteSet(pool, USER, sets[operation.pick % sets.length]!);
      return;
    }
    case 'deleteSession': {
      const sessions = await ids(pool, 'workout_session');
      if (sessions.length > 0) await deleteSession(pool, USER, sessions[operation.pick % sessions.length]!);
    }
  }
}

async function expectConsistent(pool: DatabasePool, after: string): Promise<void> {
  for (const exercise of EXERCISES) {
    const stored = (await pool.any(oracleQuery(STORED_RECORDS_SQL, exercise))) as ExpectedRecord[];
    const sets = (await pool.any(oracleQuery(LOGGED_SETS_SQL, exercise))) as LoggedSet[];
    expect(canonicalRecords([...stored]), `${exercise} after ${after}`).toEqual(expectedRecords([...sets]));
  }
  const numbering = await pool.any(sql.type(z.object({ numbers: z.array(z.number()) }))`
    SELECT array_agg(set_number ORDER BY set_number) AS numbers FROM workout_log GROUP BY session_id, exercise_id`);
  for (const { numbers } of numbering)
    expect(numbers, `set numbers after ${after}`).toEqual(numbers.map((_, index) => index + 1));
}

test('records after any edits and deletes equal a recomputation from the remaining sets', async () => {
  await database.run(async (pool) => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        await pool.query(sql.unsafe`TRUNCATE personal_record, workout_log, workout_session`);
        for (const [index, op] of operations.entries()) {
          await apply(pool, op);
          await expectConsistent(pool, `step ${index + 1}: ${JSON.stringify(op)}`);
        }
      }),
      { numRuns: 25 },
    );
  });
}, 300_000);
