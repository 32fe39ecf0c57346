import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** A trigger that makes every write to personal_record fail. */
async function refuseRecords() {
  await db.query(`
    CREATE FUNCTION test_refuse_record() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'test trigger: personal_record refused';
    END $$`);
  await db.query(`
    CREATE TRIGGER test_refuse_record BEFORE INSERT OR UPDATE ON personal_record
    FOR EACH ROW EXECUTE FUNCTION test_refuse_record()`);
}

describe('set add is all or nothing', () => {
  test('a failing record update leaves no set, no session, no user, no exercise behind; exit 1', async () => {
    await refuseRecords();
    const before = await snapshotDatabase(db);
    // No user, exercise or session yet: this set would create all three.
    const result = await db.cli(['set', 'add', 'Bench Press', '100x5']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('workout: test trigger: personal_record refused\n');
    const after = await snapshotDatabase(db);
    expect(after.tables).toEqual(before.tables);
    expect(after.tables.workout_log).toBe('[]');
    expect(after.tables.workout_session).toBe('[]');
  });

  test('with a session and records in place: the failing update of a beaten record stores nothing', async () => {
    const first = await db.cli(['set', 'add', 'Bench Press', '100x5']);
    expect(first.code).toBe(0);
    await refuseRecords();
    const before = await snapshotDatabase(db);

    const beating = await db.cli(['set', 'add', 'Bench Press', '110x5', '--note', 'would be a PR']);
    expect(beating).toMatchObject({ code: 1, stdout: '', stderr: 'workout: test trigger: personal_record refused\n' });
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);

    // The trigger is the only thing failing: a warm-up (no record candidates) still goes in.
    const warmup = await db.cli(['set', 'add', 'Bench Press', '60x8', '--type', 'warmup']);
    expect(warmup.code).toBe(0);
    expect(warmup.stdout).toBe('Bench Press: set 2, 60 kg x 8 (warmup)\n');
    const sets = await db.query<{ set_number: number; weight: number }>(
      'SELECT set_number, weight::float8 AS weight FROM workout_log ORDER BY id',
    );
    expect(sets).toEqual([
      { set_number: 1, weight: 100 },
      { set_number: 2, weight: 60 },
    ]);
  });
});
