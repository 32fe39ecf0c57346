import { describe, test } from 'vitest';
import { checkFixture, type FixtureCase } from '../helpers/importFixtures.js';

const none = { rest_timer: 0, unfilled: 0, cardio: 0 };

// Every Strong quirk the readers in src/domain/formats/ handle, one dialect per fixture (see the comments in each
// case). Each is imported from a file and from stdin; sets, sessions and records are
// compared whole with test/fixtures/import/expected.ts.
const CASES: FixtureCase[] = [
  {
    // 5.x: ',', no unit (--unit lb), 12-hour dates with U+202F and with a space, a 24-hour
    // date, Duration as "1h 7m"/"29m"/empty, reps as "10.0", float noise (12.900000000000034),
    // Rest Timer, W/D/F, an unfilled set, a cardio row, 0.0 and empty bodyweight weights, an
    // assisted exercise, "squat (barbell)" spelled in lower case, notes with quotes and newlines.
    file: 'strong-5.csv',
    args: ['--unit', 'lb', '--tz', 'America/New_York'],
    format: 'Strong 5.x (lb)',
    counts: { sessions: 3, sets: 14, records: 25, rest_timer: 1, unfilled: 1, cardio: 1 },
    stdin: 'pipe',
  },
  {
    // legacy: ';', the unit per row (kg and lbs), RPE, a quoted note holding ';', float noise
    // (142.49999999999997), a timed Plank (Seconds, no reps), Rest Timer, an unfilled set.
    file: 'strong-legacy.csv',
    args: ['--tz', 'Europe/Berlin'],
    format: 'Strong legacy (unit per row)',
    counts: { sessions: 2, sets: 6, records: 13, rest_timer: 1, unfilled: 1, cardio: 1 },
    stdin: 'dash',
  },
  {
    // legacy with the 14th column, Workout Duration (30m, 1h); CRLF line ends; equal weights
    // in two workouts (the older set holds the record).
    file: 'strong-legacy-duration.csv',
    args: ['--tz', 'UTC'],
    format: 'Strong legacy (unit per row)',
    counts: { sessions: 2, sets: 3, records: 5, ...none },
    stdin: 'pipe',
  },
  {
    // 6: ';', every field quoted, Workout # (two workouts share a Date), Duration (sec),
    // Weight (kg), Distance (meters) on a cardio row, "55.00000000000001", W/D/F, Rest Timer.
    file: 'strong-6.csv',
    args: ['--tz', 'Europe/London'],
    format: 'Strong 6 (kg)',
    counts: { sessions: 2, sets: 7, records: 8, rest_timer: 1, unfilled: 1, cardio: 1 },
    stdin: 'dash',
  },
  {
    // 6 in pounds: Weight (lbs).
    file: 'strong-6-lbs.csv',
    args: ['--tz', 'UTC'],
    format: 'Strong 6 (lb)',
    counts: { sessions: 1, sets: 2, records: 5, ...none },
    stdin: 'pipe',
  },
];

describe('import: Strong fixtures, from a file and from stdin', () => {
  for (const c of CASES) test(c.file, () => checkFixture(c));
});
