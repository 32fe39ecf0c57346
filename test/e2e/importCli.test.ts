import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IMPORT_BATCH_SIZE } from '../../src/import/importSets.js';
import { FIXTURES } from '../helpers/importFixtures.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const fixture = (name: string) => path.join(FIXTURES, name);

describe('import: usage errors, before anything is written', () => {
  test('a Strong 5.x file without --unit is refused with the fix', async () => {
    const before = (await snapshotDatabase(db)).tables;
    const result = await db.cli(['import', fixture('strong-5.csv')]);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'workout: Strong 5.x exports do not say whether weights are kg or lb; tell it with --unit kg or --unit lb\n',
    ]);
    expect((await snapshotDatabase(db)).tables).toEqual(before);
  });

  test('files that cannot be read or recognized', async () => {
    const missing = await db.cli(['import', 'no-such-export.csv']);
    expect([missing.code, missing.stderr]).toEqual([2, 'workout: cannot read no-such-export.csv: no such file\n']);
    const empty = await db.cli(['import'], { stdin: '' });
    expect([empty.code, empty.stderr]).toEqual([
      2,
      'workout: <stdin> is empty: expected a CSV export with a header line\n',
    ]);
    const unknown = await db.cli(['import'], { stdin: 'when,what\n2025-01-01,squat\n' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'workout: cannot tell the format from the header "when, what"; expected a Strong, Hevy, FitNotes or workout export, or say which with --format\n',
    );
    const forced = await db.cli(['import', fixture('hevy-kg.csv'), '--format', 'strong']);
    expect([forced.code, forced.stderr]).toEqual([
      2,
      'workout: the header has no "Date" column, which Strong 5.x files have\n',
    ]);
  });

  test('bad options', async () => {
    const unit = await db.cli(['import', fixture('strong-5.csv'), '--unit', 'stone']);
    expect([unit.code, unit.stderr]).toEqual([2, 'workout: --unit must be kg or lb\n']);
    const zone = await db.cli(['import', fixture('strong-5.csv'), '--unit', 'kg', '--tz', 'Mars/Olympus']);
    expect([zone.code, zone.stderr]).toEqual([
      2,
      'workout: --tz "Mars/Olympus" is not a time zone; use an IANA name such as Europe/Berlin or UTC\n',
    ]);
    const format = await db.cli(['import', fixture('strong-5.csv'), '--format', 'csv']);
    expect([format.code, format.stderr]).toEqual([
      2,
      'workout: --format must be one of auto, workout, strong, hevy, fitnotes\n',
    ]);
  });

  test('a set number the file repeats is refused by line (workout format), or skipped with --skip-invalid', async () => {
    const lines = fs.readFileSync(fixture('workout.csv'), 'utf8').trimEnd().split('\n');
    const text = `${[...lines, lines.at(-1)!.replace(',2,normal,407.5,', ',1,normal,100,')].join('\n')}\n`;
    const strict = await db.cli(['import'], { stdin: text });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toBe(
      `workout: <stdin>:${lines.length + 1}: set_number: Deadlift already has set 1 in session strong:2025-03-03 18:00:00; ` +
        'nothing was imported (fix the row, or --skip-invalid to import the other rows)\n',
    );
    const lenient = await db.cli(['import', '--skip-invalid', '--json'], { stdin: text });
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      sets_added: 7,
      invalid: {
        count: 1,
        rows: [
          {
            line: lines.length + 1,
            column: 'set_number',
            problem: 'Deadlift already has set 1 in session strong:2025-03-03 18:00:00',
          },
        ],
      },
    });
  });

  test('across batches, a number repeated in a session this import created is refused; one of a session imported before is present', async () => {
    const header = fs.readFileSync(fixture('workout.csv'), 'utf8').split('\n')[0];
    const row = (n: number) =>
      `workout:long,,2025-05-01T10:00:00Z,,,Bench Press,${n},normal,100,kg,false,5,,2025-05-01T10:00:00Z,`;
    const numbers = Array.from({ length: IMPORT_BATCH_SIZE }, (_, i) => i + 1);
    // The last row falls into the second batch; the session was created by the first.
    const repeated = [header, ...numbers.map(row), row(1), ''].join('\n');
    const strict = await db.cli(['import'], { stdin: repeated });
    expect([strict.code, strict.stderr]).toEqual([
      2,
      `workout: <stdin>:${IMPORT_BATCH_SIZE + 2}: set_number: Bench Press already has set 1 in session workout:long; ` +
        'nothing was imported (fix the row, or --skip-invalid to import the other rows)\n',
    ]);
    expect(await db.query('SELECT count(*)::int AS sets FROM workout_log')).toEqual([{ sets: 0 }]);

    const first = await db.cli(['import', '--json'], { stdin: [header, ...numbers.map(row), ''].join('\n') });
    expect(JSON.parse(first.stdout)).toMatchObject({ sessions_added: 1, sets_added: IMPORT_BATCH_SIZE });
    const grown = [header, ...numbers.map(row), row(IMPORT_BATCH_SIZE + 1), ''].join('\n');
    const again = await db.cli(['import', '--json'], { stdin: grown });
    expect(JSON.parse(again.stdout)).toMatchObject({
      sessions_added: 0,
      sets_added: 1,
      already_present: { sessions: 1, sets: IMPORT_BATCH_SIZE },
    });
  });

  test('the first spelling in the file names a new exercise, as with set add', async () => {
    const header = fs.readFileSync(fixture('workout.csv'), 'utf8').split('\n')[0];
    const row = (name: string, n: number) =>
      `workout:k,,2025-05-01T10:00:00Z,,,${name},${n},normal,100,kg,false,5,,2025-05-01T10:00:00Z,`;
    // Both orders, so that no collation's sort order can pass for "first". Names the catalog
    // does not have ("leg curl" is an alias of Lying Leg Curl (Machine)).
    const rows = [row('bench press', 1), row('Bench Press', 2), row('Jefferson Curl', 1), row('jefferson curl', 2)];
    const result = await db.cli(['import'], { stdin: [header, ...rows, ''].join('\n') });
    expect(result.code).toBe(0);
    expect(await db.query('SELECT name FROM exercise WHERE user_id IS NOT NULL ORDER BY id')).toEqual([
      { name: 'bench press' },
      { name: 'Jefferson Curl' },
    ]);
  });

  test('help names the formats and gives examples', async () => {
    const help = await db.cli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <format>  auto, workout, strong, hevy or fitnotes');
    expect(help.stdout).toContain('$ workout import strong.csv --unit lb');
  });
});
