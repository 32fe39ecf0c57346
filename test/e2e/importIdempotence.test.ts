import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EXPECTED } from '../fixtures/import/expected.js';
import { FIXTURES } from '../helpers/importFixtures.js';
import { snapshot, snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const strong6 = path.join(FIXTURES, 'strong-6.csv');
const args = ['--tz', 'Europe/London'];

describe('import idempotence', () => {
  test('importing a file twice leaves the same rows as once, and the second run reports 0 added', async () => {
    expect((await db.cli(['import', strong6, ...args])).code).toBe(0);
    const once = (await snapshotDatabase(db)).tables;

    const again = await db.cli(['import', strong6, ...args, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      sessions_added: 0,
      sets_added: 0,
      new_records: 0,
      already_present: { sessions: 2, sets: 7 },
    });
    expect((await snapshotDatabase(db)).tables).toEqual(once);

    const text = await db.cli(['import', strong6, ...args]);
    expect(text.stdout).toBe(
      `Imported ${strong6} (Strong 6 (kg)): 0 sessions, 0 sets, 0 new records.\n` +
        'Already present, skipped: 2 sessions (7 sets).\n' +
        'Nothing new: every workout in the file was imported before.\n' +
        'Not sets, skipped: 1 rest timer, 1 unfilled set, 1 cardio row.\n',
    );
  });

  test('an overlapping, newer export adds only the new workouts', async () => {
    // The older export: workout #41 only.
    const lines = fs.readFileSync(strong6, 'utf8').split('\n');
    const older = `${[lines[0], ...lines.filter((line) => line.startsWith('"41"'))].join('\n')}\n`;
    const first = await db.cli(['import', ...args, '--json'], { stdin: older });
    expect(JSON.parse(first.stdout)).toMatchObject({
      sessions_added: 1,
      sets_added: 5,
      already_present: { sessions: 0, sets: 0 },
    });

    const newer = await db.cli(['import', strong6, ...args, '--json']);
    expect(JSON.parse(newer.stdout)).toMatchObject({
      sessions_added: 1,
      sets_added: 2,
      already_present: { sessions: 1, sets: 5 },
    });
    expect(await snapshot(db)).toEqual(EXPECTED['strong-6.csv']);
  });

  test('--dry-run reports what would be added and writes nothing', async () => {
    expect((await db.cli(['set', 'add', 'Overhead Press (Barbell)', '60x1'])).code).toBe(0);
    const before = (await snapshotDatabase(db)).tables;
    const dry = await db.cli(['import', strong6, ...args, '--dry-run']);
    expect(dry.code).toBe(0);
    // The 60 kg single keeps the heaviest record; the import would set the other 6 of the
    // press (e1rm 61.25, volume, 2/3/5/8-rep maxes) and the chin-up's most reps.
    expect(dry.stdout.split('\n')[0]).toBe(
      `Dry run of ${strong6} (Strong 6 (kg)), nothing written: would import 2 sessions, 7 sets, 7 new records.`,
    );
    expect((await snapshotDatabase(db)).tables).toEqual(before);
  });
});
