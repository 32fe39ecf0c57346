import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WORKOUT_COLUMNS } from '../../src/domain/formats/workout.js';
import { ROOT } from '../helpers/paths.js';
import { strongRowProblems } from '../helpers/strongRows.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// The expected file was written by hand, line by line, as Strong 5.x writes its own
// exports (the form is described beside strongWorkoutLines in exportRows.ts).
const EXPECTED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'strong-5.csv'), 'utf8');
const zone = ['--tz', 'America/New_York'];

let db: TestDatabase;

async function ok(args: string[], stdin?: string) {
  const result = await db.cli(args, stdin === undefined ? {} : { stdin });
  // Notes of a session started and of a new name near a catalog entry: nothing else.
  expect(result.stderr.replace(/^Started session \d+\.\n|^.* is a new exercise; did you mean .*\?\n/gm, '')).toBe('');
  expect(result.code).toBe(0);
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Unnamed, in the morning: typed sets, RPE, bodyweight, notes; exercises interleaved.
  await ok(['session', 'start', '--at', '2025-03-03T06:30:00-05:00']);
  await ok([
    'set',
    'add',
    'Bench Press',
    '40x10',
    '--type',
    'warmup',
    '--note',
    'warm, "easy"',
    '--at',
    '2025-03-03T06:31:00-05:00',
  ]);
  await ok(['set', 'add', 'Bench Press', '100x5', '--rpe', '8', '--at', '2025-03-03T06:35:00-05:00']);
  await ok(['set', 'add', 'Pull Up', 'bw', 'x', '12', '--at', '2025-03-03T06:38:00-05:00']);
  await ok(['set', 'add', 'Bench Press', '100x5', '--rpe', '9.5', '--at', '2025-03-03T06:40:00-05:00']);
  await ok(['set', 'add', 'Bench Press', '80x8', '--type', 'drop', '--at', '2025-03-03T06:42:00-05:00']);
  await ok([
    'set',
    'add',
    'Pull Up',
    'bw+10x6',
    '--type',
    'failure',
    '--note',
    'last one\nfelt, heavy',
    '--at',
    '2025-03-03T06:45:00-05:00',
  ]);
  await ok(['session', 'end', '--at', '2025-03-03T07:46:00-05:00']);
  // Named, at noon, in pounds.
  await ok(['session', 'start', '--name', 'Push Day', '--at', '2025-03-05T12:15:00-05:00']);
  await ok(['set', 'add', 'Squat', '225lb', 'x', '5', '--at', '2025-03-05T12:20:00-05:00']);
  await ok(['set', 'add', 'Squat', '245.5lb', 'x', '3', '--rpe', '9', '--at', '2025-03-05T12:30:00-05:00']);
  await ok(['session', 'end', '--at', '2025-03-05T12:44:40-05:00']);
  // Unnamed in the afternoon (45 s long), the evening and the night.
  await ok(['session', 'start', '--at', '2025-03-06T15:00:00-05:00']);
  await ok(['set', 'add', 'Curl', '12.5x12', '--at', '2025-03-06T15:00:30-05:00']);
  await ok(['session', 'end', '--at', '2025-03-06T15:00:45-05:00']);
  await ok(['session', 'start', '--at', '2025-03-06T19:30:00-05:00']);
  await ok(['set', 'add', 'Deadlift', '180x3', '--type', 'failure', '--at', '2025-03-06T19:40:00-05:00']);
  await ok(['session', 'end', '--at', '2025-03-06T20:30:00-05:00']);
  await ok(['session', 'start', '--at', '2025-03-06T23:30:00-05:00']);
  await ok(['set', 'add', 'Dip', 'bw', 'x', '15', '--at', '2025-03-06T23:35:00-05:00']);
  await ok(['session', 'end', '--at', '2025-03-06T23:40:00-05:00']);
  // Workout notes come from an import: an unnamed midday workout.
  const session = ['workout:midday', '', '2025-03-07T12:30:00-05:00', '2025-03-07T13:00:00-05:00', 'Gym, "main"\nhall'];
  const rows = [
    [...session, 'Row', '1', 'normal', '60', 'kg', 'false', '10', '', '2025-03-07T12:35:00-05:00', ''],
    [...session, 'Row', '2', 'normal', '60', 'kg', 'false', '8', '', '2025-03-07T12:40:00-05:00', ''],
  ];
  await ok(['import', '--format', 'workout'], stringify([[...WORKOUT_COLUMNS], ...rows]));
  // Still going: it lasts until its last set.
  await ok(['session', 'start', '--at', '2025-03-08T09:00:00-05:00']);
  await ok(['set', 'add', 'Bench Press', '102.5x2', '--at', '2025-03-08T09:20:00-05:00']);
}, 300_000);
afterAll(async () => {
  await db.drop();
});

describe('export --format strong', () => {
  test('writes what Strong 5.x writes, byte for byte', async () => {
    const result = await db.cli(['export', '--format', 'strong', '--unit', 'kg', ...zone]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(EXPECTED);
    // kg is what readers assume: only what was converted and what the format cannot hold.
    expect(result.stderr).toBe(
      '2 set(s) logged in lb were converted to kg (rounded to 3 decimals).\n' +
        '4 warm-up, drop or failure set(s) are plain numbered sets: Strong 5.x files have no set types.\n',
    );
  });

  test('every row names its workout, and Set Order is 1..n per exercise with no letters', async () => {
    const result = await db.cli(['export', '--format', 'strong', '--unit', 'lb', '--tz', 'Asia/Tokyo']);
    expect(strongRowProblems(EXPECTED)).toEqual([]);
    expect(strongRowProblems(result.stdout)).toEqual([]);
    expect(
      result.stdout
        .split('\n')
        .filter((line) => line.startsWith('2025-'))
        .map((line) => line.split(',')[1]),
    ).toContain('"Night Workout"');
  });

  test('--unit lb says on stderr, in one line, that the file is in pounds', async () => {
    const result = await db.cli(['export', '--format', 'strong', '--unit', 'lb', '--exercise', 'Squat', ...zone]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'This Strong file is in pounds: apps that read Strong files assume kilograms unless told (workout import: --unit lb). ' +
        '12 set(s) logged in kg were converted to lb (rounded to 3 decimals).\n',
    );
    expect(
      result.stdout
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(4, 7).join(' ')),
    ).toEqual(['1 225.0 5.0', '2 245.5 3.0']);
  });
});
