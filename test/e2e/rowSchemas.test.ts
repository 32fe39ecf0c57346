import { sql } from 'slonik';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { RowSchemaError } from '../../src/db/rowSchemaInterceptor.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// Rows are checked against their query's zod schema by the CLI's own pool, on the real
// database of this run's backend.

let db: TestDatabase;
let database: Database;

beforeEach(async () => {
  db = await createTestDatabase();
  await db.release();
  const config = loadConfig({ databaseUrl: db.url, user: 'tester' }, { WORKOUT_HOME: db.env.WORKOUT_HOME });
  database = await openDatabase(config, { schema: 'current' });
});

afterEach(async () => {
  await db.drop();
});

test('a row that does not match its schema fails, naming the query', async () => {
  const wrong = z.object({ weight: z.number() });
  const failure = await database
    .run((pool) =>
      pool.one(sql.type(wrong)`
      SELECT 'not a number' AS weight -- deliberately mistyped
      FROM generate_series(1, 1)`),
    )
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(RowSchemaError);
  const error = failure as RowSchemaError;
  expect(error.exitCode).toBe(1);
  expect(error.message).toContain(`"SELECT 'not a number' AS weight -- deliberately mistyped"`);
  expect(error.message).toContain('weight: Expected number, received string');
  expect(error.message).not.toContain('\n');
});

test('a matching row comes back as its schema parsed it', async () => {
  const row = z.object({ weight: z.number(), at: z.date(), kg: z.number().transform((n) => `${n} kg`) });
  const parsed = await database.run((pool) =>
    pool.one(sql.type(row)`SELECT 102.5::numeric AS weight, now() AS at, 7::bigint AS kg, 'extra' AS dropped`),
  );
  expect(parsed.weight).toBe(102.5);
  expect(parsed.at).toBeInstanceOf(Date);
  expect(parsed.kg).toBe('7 kg');
  expect(parsed).not.toHaveProperty('dropped');
});

test('sql.unsafe rows are handed over as they come', async () => {
  const rows = await database.run((pool) => pool.any(sql.unsafe`SELECT 1::int AS one, 'x' AS x`));
  expect(rows).toEqual([{ one: 1, x: 'x' }]);
});
