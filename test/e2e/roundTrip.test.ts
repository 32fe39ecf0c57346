import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EXPECTED } from '../fixtures/import/expected.js';
import { FIXTURES } from '../helpers/importFixtures.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let source: TestDatabase;
let target: TestDatabase;
beforeEach(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
});
afterEach(async () => {
  await source.drop();
  await target.drop();
});

async function ok(db: TestDatabase, args: string[], stdin?: string) {
  const result = await db.cli(args, stdin === undefined ? {} : { stdin });
  expect(result.stderr.replace(/^Started session \d+\.\n/, '')).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('export and import round trips', () => {
  test('workout format: export -> import into an empty database -> export is byte-identical', async () => {
    await ok(source, ['import', path.join(FIXTURES, 'workout.csv')]);
    await ok(source, ['import', path.join(FIXTURES, 'strong-5.csv'), '--unit', 'lb', '--tz', 'America/New_York']);
    await ok(source, ['import', path.join(FIXTURES, 'hevy-kg.csv'), '--tz', 'Europe/Berlin']);
    // Sets logged by hand: microsecond times, a session without a source, notes with a comma, quotes, a newline.
    await ok(source, [
      'set',
      'add',
      'Bench Press',
      '225lb',
      'x',
      '5',
      '--rpe',
      '8.5',
      '--note',
      'felt "fast",\nfinally',
    ]);
    await ok(source, ['set', 'add', 'Dip', 'bw+10', 'x', '8', '--type', 'failure']);
    await ok(source, ['session', 'end']);

    const first = await ok(source, ['export', '--tz', 'Asia/Kolkata']);
    expect(parse(first)).toHaveLength(1 + 7 + 14 + 7 + 2); // the header, then every set
    await ok(target, ['import', '--json'], first);
    expect(await ok(target, ['export', '--tz', 'Asia/Kolkata'])).toBe(first);
    expect(await ok(target, ['export', '--format', 'json'])).toBe(await ok(source, ['export', '--format', 'json']));

    // The export names every session: importing it where it came from adds nothing.
    const back = JSON.parse(await ok(source, ['import', '--json'], first));
    expect(back).toMatchObject({ sessions_added: 0, sets_added: 0, already_present: { sessions: 8, sets: 30 } });
  });

  test('the Strong export re-imports to the same sessions and sets, typed sets as plain ones', async () => {
    const zone = ['--tz', 'America/New_York'];
    await ok(source, ['import', path.join(FIXTURES, 'strong-5.csv'), '--unit', 'lb', ...zone]);
    const exported = await source.cli(['export', '--format', 'strong', ...zone]);
    expect(exported.stderr).toBe(
      'This Strong file is in pounds: apps that read Strong files assume kilograms unless told (workout import: --unit lb).\n' +
        '3 warm-up, drop or failure set(s) are plain numbered sets: Strong 5.x files have no set types.\n',
    );
    expect(exported.stdout.split('\n')[0]).toBe(
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE',
    );

    await ok(target, ['import', '--unit', 'lb', ...zone], exported.stdout);
    const { sessions, sets } = await snapshot(target);
    // Strong 5.x files have no set types: warm-up, drop and failure sets come back as normal sets.
    expect(sessions).toEqual(EXPECTED['strong-5.csv']!.sessions);
    expect(sets).toEqual(
      EXPECTED['strong-5.csv']!.sets.map((set) => set.replace(/ \| (warmup|drop|failure) \| /, ' | normal | ')),
    );
  });
});

describe('Strong 6 exercise notes', () => {
  // Strong 6 writes an exercise's note for one workout as a row of its own (Set Order `Note`) before its sets.
  const header =
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"';
  const row = (number: string, exercise: string, order: string, weight: string, reps: string, notes: string) =>
    [number, '2024-03-01 18:00:00', 'Push', '3600', exercise, order, weight, reps, '', '', '', notes, '']
      .map((field) => `"${field.replaceAll('"', '""')}"`)
      .join(';');
  const file = [
    header,
    row('7', 'Bench Press (Barbell)', 'Note', '', '', 'seat at 4'),
    row('7', 'Bench Press (Barbell)', '1', '60.0', '8', ''),
    row('7', 'Bench Press (Barbell)', '2', '62.5', '6', ''),
    row('7', 'Triceps Pushdown (Cable)', 'Note', '', '', 'rope'),
    row('7', 'Triceps Pushdown (Cable)', 'Rest Timer', '', '', ''),
    row('7', 'Triceps Pushdown (Cable)', '1', '20.0', '12', 'slow "negatives"'),
    // A note whose exercise has no set in the workout has no set to go on.
    row('7', 'Dip', 'Note', '', '', 'skipped today'),
    row('7', 'Dip', '1', '', '', ''),
  ].join('\n');

  test("are counted as not sets, kept on the exercise's next set, and survive export -> import", async () => {
    const summary = JSON.parse(await ok(source, ['import', '--json', '--tz', 'UTC'], file));
    expect(summary).toMatchObject({
      sessions_added: 1,
      sets_added: 3,
      not_sets: { note: 3, rest_timer: 1, unfilled: 1 },
    });
    const text = await source.cli(['import', '--tz', 'UTC'], { stdin: file });
    expect(text.stdout).toContain(
      "Not sets, skipped: 1 rest timer, 1 unfilled set, 3 exercise notes (kept on the exercise's next set).",
    );

    const exported = await ok(source, ['export', '--tz', 'UTC']);
    const notes = (parse(exported) as string[][]).slice(1).map((fields) => `${fields[5]} #${fields[6]}: ${fields[14]}`);
    expect(notes).toEqual([
      'Bench Press (Barbell) #1: seat at 4',
      'Bench Press (Barbell) #2: ',
      'Triceps Pushdown (Cable) #1: rope\nslow "negatives"',
    ]);
    await ok(target, ['import'], exported);
    expect(await ok(target, ['export', '--tz', 'UTC'])).toBe(exported);
  });
});
