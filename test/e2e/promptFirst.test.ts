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

  test("the set prompt offers last time's matching set: Enter logs it as it was logged", async () => {
    const earlier = [
      ['session', 'start', '--at', '2025-07-01T09:59Z'],
      ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'Bench Press', '200lb x 3', '--at', '2025-07-01T10:05Z'],
      ['session', 'end', '--at', '2025-07-01T11:00Z'],
    ];
    for (const args of earlier) expect((await db.cli(args)).code).toBe(0);

    // Set 1 today: last time's set 1. The database is closed while the question waits.
    terminal = runOnTerminal(['set', 'add', 'Bench Press'], db.env);
    await terminal.waitFor("Set for Bench Press, Enter for last time's (100 kg x 5)");
    await expectDatabaseFree();
    terminal.type('\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Bench Press: set 1, 100 kg x 5');

    // Set 2: last time's set 2, in its own unit; asked for the exercise first, then the set.
    terminal = runOnTerminal(['set', 'add'], db.env);
    await terminal.waitFor('Exercise');
    terminal.type('Bench Press\r');
    await terminal.waitFor("Enter for last time's (200 lb x 3)");
    terminal.type('\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Bench Press: set 2, 200 lb x 3');

    // Set 3: past last time's last set, that set again; a typed answer replaces it.
    terminal = runOnTerminal(['set', 'add', 'Bench Press'], db.env);
    await terminal.waitFor("Enter for last time's (200 lb x 3)");
    terminal.type('230lb x 2\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Bench Press: set 3, 230 lb x 2');

    const today = await db.query<{ set_number: number; weight: string; unit: string; reps: number }>(
      `SELECT set_number, trim_scale(weight)::text AS weight, unit, reps FROM workout_log
       WHERE session_id = (SELECT id FROM workout_session WHERE end_time IS NULL) ORDER BY set_number`,
    );
    expect(today).toEqual([
      { set_number: 1, weight: '100', unit: 'kg', reps: 5 },
      { set_number: 2, weight: '90.718474', unit: 'lb', reps: 3 },
      { set_number: 3, weight: '104.3262451', unit: 'lb', reps: 2 },
    ]);
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
