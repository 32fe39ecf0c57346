import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CATALOG } from '../../src/domain/catalog/exercises.js';
import type { CliResult } from '../helpers/cli.js';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { type ExportedSet, groupBy } from '../helpers/exportTotals.js';
import { ROOT } from '../helpers/paths.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const json = (result: CliResult | undefined) => {
  expect(result?.code, result?.stderr).toBe(0);
  return JSON.parse(result!.stdout);
};

/** Every table's rows, to prove a refused command wrote nothing. */
async function exerciseTables() {
  const rows = await db.query(`
    SELECT (SELECT count(*)::int FROM exercise) AS exercises, (SELECT count(*)::int FROM exercise_alias) AS aliases,
           (SELECT count(*)::int FROM workout_log) AS sets, (SELECT count(*)::int FROM app_user) AS users`);
  await db.release();
  return rows[0];
}

describe('names resolve through the catalog', () => {
  test('aliases and names, case-insensitively, land on one catalog entry in every command', async () => {
    const [bench, upper, full, last, records, history] = await runCliBatch(db, [
      ['--json', 'set', 'add', 'bench', '100x5'],
      ['--json', 'set', 'add', 'BENCH', '102.5x5'],
      ['--json', 'set', 'add', 'bench press (BARBELL)', '105x3'],
      ['--json', 'last', 'BB Bench'],
      ['--json', 'pr', 'list', '--exercise', 'bp'],
      ['--json', 'history', 'flat bench'],
    ]);
    expect(json(bench)).toMatchObject({ exercise: 'Bench Press (Barbell)', set_number: 1, exercise_created: false });
    expect(json(upper)).toMatchObject({ exercise: 'Bench Press (Barbell)', set_number: 2 });
    expect(json(full)).toMatchObject({ exercise: 'Bench Press (Barbell)', set_number: 3 });
    expect(json(last)).toMatchObject({ exercise: 'Bench Press (Barbell)' });
    expect(json(last).active.sets).toHaveLength(3);
    expect(json(records).find((r: { kind: string }) => r.kind === 'heaviest')).toMatchObject({ value: 105 });
    expect(json(history).sessions[0].sets).toHaveLength(3);
    const [row] = await db.query<{ exercises: number; shared: boolean }>(`
      SELECT count(DISTINCT exercise_id)::int AS exercises, bool_and(e.user_id IS NULL) AS shared
      FROM workout_log l JOIN exercise e ON e.id = l.exercise_id`);
    expect(row).toEqual({ exercises: 1, shared: true });
  });

  test('in a script a new name near a catalog entry is created as typed, and stderr says which entry it is near', async () => {
    const [near, far, again] = await runCliBatch(db, [
      ['set', 'add', 'Bench Press', '100x5'],
      ['set', 'add', 'Zercher Squat', '100x5'],
      ['set', 'add', 'bench press', '100x5'],
    ]);
    expect([near!.code, near!.stdout]).toEqual([0, 'Bench Press: set 1, 100 kg x 5\n']);
    expect(near!.stderr).toMatch(
      /^Started session \d+\.\nBench Press is a new exercise; did you mean Bench Press \(Barbell\)\?\n$/,
    );
    expect([far!.code, far!.stderr]).toEqual([0, '']);
    // Now the user's own: found, not created again, nothing said.
    expect([again!.code, again!.stdout, again!.stderr]).toEqual([0, 'Bench Press: set 2, 100 kg x 5\n', '']);
  });
});

describe('workout exercise', () => {
  test('list filters by muscle (primary or secondary) and equipment; a bad one is exit 2', async () => {
    const [biceps, none, bad, badEquipment] = await runCliBatch(db, [
      ['--json', 'exercise', 'list', '--muscle', 'Biceps', '--equipment', 'dumbbell'],
      ['--json', 'exercise', 'list', '--muscle', 'neck', '--equipment', 'smith-machine'],
      ['exercise', 'list', '--muscle', 'pecs'],
      ['exercise', 'list', '--equipment', 'rock'],
    ]);
    const rows = json(biceps) as Array<{
      name: string;
      equipment: string;
      primary_muscles: string[];
      secondary_muscles: string[];
    }>;
    const expected = CATALOG.filter(
      (entry) => entry.equipment === 'dumbbell' && [...entry.primary, ...entry.secondary].includes('biceps'),
    ).map((entry) => entry.name);
    expect(rows.map((row) => row.name).sort()).toEqual(expected.sort());
    expect(rows.map((row) => row.name)).toContain('Bicep Curl (Dumbbell)');
    expect(rows.map((row) => row.name)).toContain('Bent Over One Arm Row (Dumbbell)'); // biceps as a secondary muscle
    expect(json(none)).toEqual([]);
    expect([bad!.code, bad!.stdout]).toEqual([2, '']);
    expect(bad!.stderr).toMatch(/^workout: --muscle must be one of: chest, shoulders, .*, neck\n$/);
    expect(badEquipment!.code).toBe(2);
  });

  test('show: muscles, equipment, aliases and your sets; an unknown name is exit 2 with a suggestion', async () => {
    const [, shown, unknown] = await runCliBatch(db, [
      ['set', 'add', 'ohp', '50x5'],
      ['--json', 'exercise', 'show', 'OHP'],
      ['exercise', 'show', 'Overhed Press (Barbell)'],
    ]);
    expect(json(shown)).toMatchObject({
      name: 'Overhead Press (Barbell)',
      shared: true,
      equipment: 'barbell',
      primary_muscles: ['shoulders'],
      secondary_muscles: ['triceps', 'traps'],
      sets: 1,
    });
    expect(json(shown).aliases).toContain('ohp');
    expect([unknown!.code, unknown!.stderr]).toEqual([
      2,
      'workout: no exercise named Overhed Press (Barbell); did you mean Overhead Press (Barbell)?\n',
    ]);
  });

  test('add, alias and their conflicts: a name or alias that already means an exercise is refused, nothing written', async () => {
    const [added, sameName, catalogName, catalogAlias, alias, aliasTaken, aliasOfNothing, logged, shown] =
      await runCliBatch(db, [
        [
          '--json',
          'exercise',
          'add',
          'Landmine Press',
          '--muscles',
          'shoulders,chest',
          '--secondary',
          'triceps',
          '--equipment',
          'barbell',
        ],
        ['exercise', 'add', 'landmine press', '--muscles', 'chest'],
        ['exercise', 'add', 'Pull Up', '--muscles', 'lats'],
        ['exercise', 'add', 'bench', '--muscles', 'chest'],
        ['exercise', 'alias', 'landmine PRESS', 'lmp'],
        ['exercise', 'alias', 'Pull Up', 'LMP'],
        ['exercise', 'alias', 'Nothing Such', 'ns'],
        ['--json', 'set', 'add', 'lmp', '40x8'],
        ['--json', 'exercise', 'show', 'Landmine Press'],
      ]);
    expect(json(added)).toMatchObject({
      name: 'Landmine Press',
      shared: false,
      equipment: 'barbell',
      primary_muscles: ['shoulders', 'chest'],
      secondary_muscles: ['triceps'],
      aliases: [],
    });
    expect([sameName!.code, sameName!.stderr]).toEqual([
      2,
      'workout: landmine press already names Landmine Press; `workout exercise show` shows it\n',
    ]);
    expect([catalogName!.code, catalogAlias!.code]).toEqual([2, 2]);
    expect(catalogAlias!.stderr).toBe(
      'workout: bench already names Bench Press (Barbell); `workout exercise show` shows it\n',
    );
    expect([alias!.code, alias!.stdout]).toEqual([0, 'lmp now means Landmine Press.\n']);
    expect([aliasTaken!.code, aliasTaken!.stderr]).toEqual([2, 'workout: LMP already names Landmine Press\n']);
    expect([aliasOfNothing!.code, aliasOfNothing!.stderr]).toEqual([
      2,
      'workout: no exercise named Nothing Such; `workout exercise list` lists them\n',
    ]);
    expect(json(logged)).toMatchObject({ exercise: 'Landmine Press', exercise_created: false });
    expect(json(shown)).toMatchObject({ aliases: ['lmp'], sets: 1 });
    expect(await exerciseTables()).toMatchObject({ sets: 1, users: 1 });
  });

  test('bad input to add is exit 2 before anything is written', async () => {
    const before = await exerciseTables();
    const results = await runCliBatch(db, [
      ['exercise', 'add', 'Sled Drag', '--muscles', 'quads,wings'],
      ['exercise', 'add', 'Sled Drag', '--muscles', 'quads', '--secondary', 'quads'],
      ['exercise', 'add', 'Sled Drag', '--muscles', 'quads', '--equipment', 'sled'],
      ['exercise', 'add', 'Sled Drag'],
      ['exercise', 'add', ' ', '--muscles', 'quads'],
    ]);
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2, 2]);
    for (const result of results) expect(result.stderr).toMatch(/^workout: [^\n]+\n$/);
    expect(await exerciseTables()).toEqual(before);
  });

  test('rename: one of yours, in one go; its sets and records follow, the old name stays an alias; the catalog keeps its names', async () => {
    const results = await runCliBatch(db, [
      ['set', 'add', 'Squatt', '100x5'],
      ['set', 'add', 'Squatt', '110x3'],
      ['--json', 'pr', 'list', '--exercise', 'Squatt'],
      ['--json', 'exercise', 'rename', 'squatt', 'Safety Bar Squat'],
      ['--json', 'pr', 'list', '--exercise', 'Safety Bar Squat'],
      ['--json', 'last', 'Squatt'],
      ['exercise', 'rename', 'bench', 'My Bench'],
      ['exercise', 'rename', 'Safety Bar Squat', 'ohp'],
      ['exercise', 'rename', 'Nothing Such', 'Something'],
      ['--json', 'exercise', 'rename', 'Safety Bar Squat', 'SAFETY BAR SQUAT'],
    ]);
    const [, , before, renamed, after, last, catalog, taken, unknown, recased] = results;
    expect(json(renamed)).toMatchObject({
      name: 'Safety Bar Squat',
      previous_name: 'Squatt',
      aliases: ['Squatt'],
      shared: false,
    });
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ exercise, ...rest }) => rest);
    expect(strip(json(after))).toEqual(strip(json(before)));
    expect(json(after)[0].exercise).toBe('Safety Bar Squat');
    expect(json(last).active.sets).toHaveLength(2);
    expect([catalog!.code, catalog!.stderr]).toEqual([
      2,
      'workout: Bench Press (Barbell) is in the shared catalog and keeps its name; give it a name of yours with `workout exercise alias "Bench Press (Barbell)" "My Bench"`\n',
    ]);
    expect([taken!.code, taken!.stderr]).toEqual([2, 'workout: ohp already names Overhead Press (Barbell)\n']);
    expect(unknown!.code).toBe(2);
    expect(json(recased)).toMatchObject({ name: 'SAFETY BAR SQUAT', aliases: ['Squatt'] });
    const [row] = await db.query<{ exercises: number; names: string[] }>(`
      SELECT count(DISTINCT l.exercise_id)::int AS exercises, array_agg(DISTINCT e.name) AS names
      FROM workout_log l JOIN exercise e ON e.id = l.exercise_id`);
    expect(row).toEqual({ exercises: 1, names: ['SAFETY BAR SQUAT'] });
  });

  test("another user's exercises and aliases are not mine: they do not resolve and are not listed", async () => {
    const as = (user: string, args: string[]) => ['--user', user, ...args];
    const [, , , bobSet, bobShow, bobList, bobOwn] = await runCliBatch(db, [
      as('ann', ['exercise', 'alias', 'Bench Press (Barbell)', 'annb']),
      as('ann', ['exercise', 'add', 'Ann Press', '--muscles', 'chest']),
      as('ann', ['set', 'add', 'annb', '100x5']),
      as('bob', ['--json', 'set', 'add', 'annb', '50x5']),
      as('bob', ['exercise', 'show', 'Ann Press']),
      as('bob', ['--json', 'exercise', 'list', '--muscle', 'chest']),
      as('bob', ['--json', 'exercise', 'show', 'annb']),
    ]);
    expect(json(bobSet)).toMatchObject({ exercise: 'annb', exercise_created: true, set_number: 1 });
    expect(bobShow!.code).toBe(2);
    const names = (json(bobList) as Array<{ name: string; aliases: string[] }>).map((row) => row.name);
    expect(names).not.toContain('Ann Press');
    const bench = (json(bobList) as Array<{ name: string; aliases: string[] }>).find(
      (row) => row.name === 'Bench Press (Barbell)',
    );
    expect(bench?.aliases).not.toContain('annb');
    expect(json(bobOwn)).toMatchObject({ name: 'annb', shared: false, sets: 1 });
  });
});

describe('routines name exercises as set add does', () => {
  test('a line written with an alias counts the sets of its exercise: next moves on, session show counts them', async () => {
    expect((await db.cli(['routine', 'create', 'Push'], { stdin: 'bench: 3x5 @ 100kg\nohp: 2x5 @ 50kg\n' })).code).toBe(
      0,
    );
    const [, first, second, next, shown] = await runCliBatch(db, [
      ['session', 'start', '--routine', 'Push'],
      ['--json', 'next', '--log'],
      ['--json', 'next', '--log'],
      ['--json', 'next'],
      ['session', 'show'],
    ]);
    expect(json(first).logged).toMatchObject({ exercise: 'Bench Press (Barbell)', set_number: 1 });
    expect(json(second).logged).toMatchObject({ exercise: 'Bench Press (Barbell)', set_number: 2 });
    expect(json(next)).toMatchObject({ exercise: 'bench', set_number: 3, of: 3 });
    expect(shown!.stdout).toContain('  bench: 2 of 3 sets');
  });
});

describe('muscles in the numbers', () => {
  test('stats --by-muscle equals a sum computed from workout export and the catalog muscles', async () => {
    const [, ...results] = await runCliBatch(db, [
      ['session', 'start', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'bench', '100x5', '--at', '2025-07-01T10:01Z'],
      ['set', 'add', 'bench', '60x10', '--type', 'warmup', '--at', '2025-07-01T10:02Z'],
      ['set', 'add', 'ohp', '135lb x 5', '--at', '2025-07-01T10:03Z'],
      ['set', 'add', 'Pull Up', 'bw+10x8', '--at', '2025-07-01T10:04Z'],
      ['set', 'add', 'rdl', '120x8', '--type', 'failure', '--at', '2025-07-01T10:05Z'],
      ['exercise', 'add', 'Sled Drag', '--muscles', 'quads,glutes', '--secondary', 'calves'],
      ['set', 'add', 'Sled Drag', '80x20', '--at', '2025-07-01T10:06Z'],
      ['set', 'add', 'Mystery Move', '10x10', '--at', '2025-07-01T10:07Z'],
      ['session', 'end', '--at', '2025-07-01T11:00Z'],
      ['--json', 'stats', '--by-muscle', '--from', '2025-07-01', '--to', '2025-07-01'],
      ['--json', 'export', '--format', 'json'],
      ['--json', 'exercise', 'show', 'Sled Drag'],
      ['--json', 'session', 'show'],
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const [stats, exported, sled, session] = results.slice(-4).map(json);

    const muscles = new Map<string, { primary: string[]; secondary: string[] }>(
      CATALOG.map((entry) => [entry.name, { primary: entry.primary, secondary: entry.secondary }]),
    );
    muscles.set('Sled Drag', { primary: sled.primary_muscles, secondary: sled.secondary_muscles });
    const expected = new Map<string | null, { sets: number; volume: number }>();
    const add = (muscle: string | null, share: number, set: ExportedSet) => {
      const kg = set.unit === 'lb' ? set.weight * 0.45359237 : set.weight;
      const total = expected.get(muscle) ?? { sets: 0, volume: 0 };
      expected.set(muscle, { sets: total.sets + share, volume: total.volume + share * kg * set.reps });
    };
    const working = (exported as ExportedSet[]).filter((set) => set.set_type !== 'warmup');
    for (const [exercise, sets] of groupBy(working, (set) => set.exercise)) {
      const known = muscles.get(exercise);
      for (const set of sets) {
        if (!known) add(null, 1, set);
        for (const muscle of known?.primary ?? []) add(muscle, 1, set);
        for (const muscle of known?.secondary ?? []) add(muscle, 0.5, set);
      }
    }
    const shown = stats.muscles as Array<{ muscle: string | null; sets: number; volume_kg: number }>;
    expect(shown.map((row) => row.muscle).sort()).toEqual([...expected.keys()].sort());
    for (const row of shown) {
      expect(row.sets, String(row.muscle)).toBe(expected.get(row.muscle)!.sets);
      expect(row.volume_kg, String(row.muscle)).toBeCloseTo(expected.get(row.muscle)!.volume, 6);
    }
    expect(shown.find((row) => row.muscle === 'chest')?.sets).toBe(1);
    expect(shown.find((row) => row.muscle === 'triceps')?.sets).toBe(1); // half of bench, half of ohp
    expect(session.muscles).toEqual(
      shown.map(({ muscle, sets, volume_kg }) =>
        expect.objectContaining({ muscle, sets, volume_kg: expect.closeTo(volume_kg, 6) }),
      ),
    );
  });

  test('session end and session show print the muscles worked', async () => {
    const [, , ended, shown] = await runCliBatch(db, [
      ['set', 'add', 'bench', '100x5'],
      ['set', 'add', 'Curl Thing', '20x10'],
      ['session', 'end'],
      ['session', 'show'],
    ]);
    expect(ended!.stdout).toMatch(
      /^Ended session \d+: .*\nMuscles worked \(sets\): chest 1, shoulders 0\.5, triceps 0\.5, no muscles \(Curl Thing\) 1\n$/,
    );
    expect(shown!.stdout.split('\n')[1]).toBe(
      'Muscles worked (sets): chest 1, shoulders 0.5, triceps 0.5, no muscles (Curl Thing) 1',
    );
  });
});

// A git worktree's ../shared is not the main checkout's: REAL_EXPORTS names the folder.
const REAL_EXPORTS = process.env.REAL_EXPORTS ?? path.resolve(ROOT, '../shared/real-exports');
const STRONG = path.join(REAL_EXPORTS, 'mcintant__personal-tools__strong_workouts.csv');

describe.skipIf(!fs.existsSync(STRONG))('import', () => {
  test('a real Strong export lands on catalog entries wherever the catalog has the name', async () => {
    const imported = await db.cli(['import', STRONG, '--tz', 'UTC', '--unit', 'kg', '--json'], { timeoutMs: 120_000 });
    expect(imported.code, imported.stderr).toBe(0);
    const rows = await db.query<{ name: string; shared: boolean; sets: number }>(`
      SELECT e.name, e.user_id IS NULL AS shared, count(*)::int AS sets
      FROM workout_log l JOIN exercise e ON e.id = l.exercise_id GROUP BY e.id ORDER BY e.name`);
    const catalog = new Set(CATALOG.map((entry) => entry.name.toLowerCase()));
    for (const row of rows) expect([row.name, row.shared]).toEqual([row.name, catalog.has(row.name.toLowerCase())]);
    const onCatalog = rows.filter((row) => row.shared).reduce((sum, row) => sum + row.sets, 0);
    const all = rows.reduce((sum, row) => sum + row.sets, 0);
    // Most of what a Strong user logs is in the catalog.
    expect(onCatalog / all).toBeGreaterThan(0.5);
  });
});
