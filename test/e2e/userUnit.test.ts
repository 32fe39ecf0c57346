import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

describe("the user's unit", () => {
  test('config set/get/list round trip; a set without a unit is in it; a set with one keeps its own', async () => {
    const [before, set, get, list, lb, kg, flag, other, bobGet] = await runCliBatch(db, [
      ['config', 'get', 'unit'],
      ['config', 'set', 'unit', 'LBS'],
      ['config', 'get', 'unit'],
      ['--json', 'config', 'list'],
      ['--json', 'set', 'add', 'Squat', '225x5'],
      ['set', 'add', 'Squat', '100kg x 3'],
      ['set', 'add', 'Squat', '--weight', '90', '--reps', '5', '--unit', 'kg'],
      ['--user', 'bob', 'set', 'add', 'Squat', '100x5'],
      ['--user', 'bob', 'config', 'get', 'unit'],
    ]);
    expect(before).toMatchObject({ code: 0, stdout: 'kg\n' });
    expect(set).toMatchObject({ code: 0, stdout: 'unit = lb\n', stderr: '' });
    expect(get).toMatchObject({ code: 0, stdout: 'lb\n' });
    expect(JSON.parse(list!.stdout)).toEqual({ unit: 'lb' });
    // 225 in, 225 lb out, the exact kilograms beside it.
    expect(JSON.parse(lb!.stdout)).toMatchObject({ weight: 225, unit: 'lb', weight_kg: 102.05828325 });
    expect(kg!.stdout).toBe('Squat: set 2, 100 kg x 3\n');
    expect(flag!.stdout).toBe('Squat: set 3, 90 kg x 5\n');
    // Another user keeps the default.
    expect(other!.stdout).toBe('Squat: set 1, 100 kg x 5\n');
    expect(bobGet!.stdout).toBe('kg\n');
    // Stored with the user: any machine on this database reads the same.
    expect(await db.query('SELECT name, unit FROM app_user ORDER BY name')).toEqual([
      { name: 'bob', unit: 'kg' },
      { name: 'tester', unit: 'lb' },
    ]);
  });

  test("pr list shows records in the user's unit, --unit overrides, --json keeps the exact kilograms", async () => {
    const results = await runCliBatch(db, [
      ['set', 'add', 'Squat', '100kg x 5'],
      ['set', 'add', 'Pull Up', 'bw x 12'],
      ['pr', 'list', '--exercise', 'squat'],
      ['config', 'set', 'unit', 'lb'],
      ['pr', 'list', '--exercise', 'squat'],
      ['--json', 'pr', 'list'],
      ['pr', 'list', '--exercise', 'squat', '--unit', 'kg'],
      ['pr', 'list', '--unit', 'stone'],
    ]);
    const [, , inKg, , inLb, json, overridden, bad] = results;
    expect(inKg!.stdout).toMatch(/heaviest weight\s+│ 100 kg /);
    expect(inLb!.stdout).toMatch(/heaviest weight\s+│ 220.462 lb /);
    expect(inLb!.stdout).toMatch(/best estimated 1RM\s+│ 257.206 lb /);
    expect(overridden!.stdout).toBe(inKg!.stdout);
    const records = JSON.parse(json!.stdout) as Array<Record<string, unknown>>;
    expect(records.find((r) => r.exercise === 'Squat' && r.kind === 'heaviest')).toMatchObject({
      value: 220.462,
      value_kg: 100,
      unit: 'lb',
      set_unit: 'kg',
    });
    // Reps are no weight: no unit conversion, no kilograms.
    expect(records.find((r) => r.kind === 'most_reps')).toMatchObject({ value: 12, value_kg: null });
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'workout: --unit must be kg or lb\n' });
  });

  test('a bad key or value: exit 2, one line, nothing written', async () => {
    await runCliBatch(db, [['set', 'add', 'Squat', '100x5']]);
    const before = await snapshotDatabase(db);
    const results = await runCliBatch(db, [
      ['config', 'set', 'unit', 'stone'],
      ['config', 'set', 'colour', 'red'],
      ['config', 'get', 'weight'],
      ['config', 'set', 'unit'],
    ]);
    expect(results.map((result) => [result.code, result.stdout, result.stderr])).toEqual([
      [2, '', 'workout: VALUE has unknown unit "stone"; use kg or lb\n'],
      [2, '', 'workout: KEY must be one of: unit\n'],
      [2, '', 'workout: KEY must be one of: unit\n'],
      [2, '', "workout: missing required argument 'value'\n"],
    ]);
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);
  });
});
