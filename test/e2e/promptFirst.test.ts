import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HAS_SCRIPT, runOnTerminal, type Terminal } from '../helpers/terminal.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

if (!HAS_SCRIPT) console.warn('skipping the prompt tests: util-linux `script` (a pseudo-terminal) is not installed');

let db: TestDatabase;
let terminal: Terminal | undefined;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await terminal?.kill();
  terminal = undefined;
  await db.drop();
});

/**
 * What a second `workout` sees while the first waits at a prompt: it runs at once (an
 * embedded database admits one process; a short lock timeout turns waiting into a
 * failure), and on a server the prompting process holds no connection.
 */
async function expectDatabaseFree() {
  const records = await db.cli(['--json', 'pr', 'list'], { env: { WORKOUT_LOCK_TIMEOUT: '5' } });
  expect(records.stderr).toBe('');
  expect(records.code).toBe(0);
  expect(JSON.parse(records.stdout)).toContainEqual(
    expect.objectContaining({ exercise: 'Bench Press', kind: 'heaviest', value: 100 }),
  );
  if (db.backend === 'server') {
    const others = await db.query<{ connections: number }>(
      'SELECT count(*)::int AS connections FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    expect(others).toEqual([{ connections: 0 }]);
  }
}

describe.skipIf(!HAS_SCRIPT)('set add on a terminal asks first, then opens the database', () => {
  test('a second workout command completes while the first waits at each prompt; the answers are logged as one set', async () => {
    expect((await db.cli(['set', 'add', 'Bench Press', '100x5'])).code).toBe(0);
    terminal = runOnTerminal(['set', 'add'], db.env);

    await terminal.waitFor('Exercise');
    await expectDatabaseFree();
    terminal.type('Bench Press\r');
    await terminal.waitFor('Set for Bench Press');
    await expectDatabaseFree();
    terminal.type('105x5\r');

    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Bench Press: set 2, 105 kg x 5');
    expect(terminal.screen()).toContain('New PR: heaviest weight 105 kg, was 100 kg');
    const sets = await db.query<{ set_number: number; weight: string }>(
      'SELECT set_number, weight::text AS weight FROM workout_log ORDER BY id',
    );
    expect(sets).toEqual([
      { set_number: 1, weight: '100' },
      { set_number: 2, weight: '105' },
    ]);
  });

  test('with the set given as --weight and --reps, only the exercise is asked; a new name is offered as new', async () => {
    expect((await db.cli(['set', 'add', 'Bench Press', '100x5'])).code).toBe(0);
    terminal = runOnTerminal(['set', 'add', '--weight', '60', '--reps', '8'], db.env);

    await terminal.waitFor('Exercise');
    terminal.type('Goblet Squat');
    await terminal.waitFor('Goblet Squat (new)');
    terminal.type('\r');

    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).not.toContain('Set for');
    expect(terminal.screen()).toContain('Goblet Squat: set 1, 60 kg x 8');
  });
});

describe.skipIf(!HAS_SCRIPT)('a new name near a known one: "did you mean …?" on a terminal, before the write', () => {
  test('yes logs the known exercise; the database is free while the question waits, nothing written before', async () => {
    expect((await db.cli(['set', 'add', 'Bench Press', '100x5'])).code).toBe(0);
    terminal = runOnTerminal(['set', 'add', 'Squatt', '140x5'], db.env);

    await terminal.waitFor('Did you mean Squat (Barbell)?');
    await expectDatabaseFree();
    expect(await db.query('SELECT 1 FROM exercise WHERE lower(name) = $1', ['squatt'])).toEqual([]);
    await db.release();
    terminal.type('y\r');

    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Squat (Barbell): set 1, 140 kg x 5');
    expect(await db.query('SELECT 1 FROM exercise WHERE lower(name) = $1', ['squatt'])).toEqual([]);
  });

  test("no creates the name as typed; a name of the user's own is asked about too", async () => {
    expect((await db.cli(['set', 'add', 'Bench Press', '100x5'])).code).toBe(0);
    terminal = runOnTerminal(['set', 'add', 'Bench Pres', '100x3'], db.env);
    await terminal.waitFor('Did you mean Bench Press?');
    terminal.type('n\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Bench Pres: set 1, 100 kg x 3');
  });
});
