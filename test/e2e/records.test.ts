import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { expectedRecords, LOGGED_SETS_SQL, sortRecords, STORED_RECORDS_SQL, type ExpectedRecord, type LoggedSet } from '../helpers/expectedRecords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** The stored records equal a recomputation from the remaining sets (rules written again in the test). */
async function expectRecordsMatchHistory(user: string, exercise: string): Promise<ExpectedRecord[]> {
  const stored = sortRecords(await db.query<ExpectedRecord>(STORED_RECORDS_SQL, [user, exercise]));
  expect(stored).toEqual(expectedRecords(await db.query<LoggedSet>(LOGGED_SETS_SQL, [user, exercise])));
  return stored;
}

describe('personal records', () => {
  test('an equal set backdated before the record moves the record to the older set, and claims no new PR', async () => {
    const later = await db.cli(['set', 'add', 'Row', '100x5', '--at', '2025-07-01T10:00Z']);
    expect(later.code).toBe(0);
    const older = await db.cli(['set', 'add', 'Row', '100x5', '--at', '2025-06-01T10:00Z']);
    expect(older).toMatchObject({ code: 0, stdout: 'Row: set 2, 100 kg x 5\n' });
    const same = await db.cli(['set', 'add', 'Row', '100x5']);
    expect(same.stdout).toBe('Row: set 3, 100 kg x 5\n');
    const records = await expectRecordsMatchHistory('tester', 'Row');
    const [olderId] = (await db.query<{ id: number }>(`SELECT id::int AS id FROM workout_log WHERE set_number = 2`)).map((row) => row.id);
    expect(records.map((record) => record.log_id)).toEqual(Array(4).fill(olderId));
  });
});
