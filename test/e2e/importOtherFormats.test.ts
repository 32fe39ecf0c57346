import { describe, test } from 'vitest';
import { checkFixture, type FixtureCase } from '../helpers/importFixtures.js';

const none = { rest_timer: 0, unfilled: 0, cardio: 0 };

// Hevy, FitNotes and workout's own format; compared whole with test/fixtures/import/expected.ts.
const CASES: FixtureCase[] = [
  {
    // Hevy: quoted header, "15 Sep 2025, 07:48", weight_kg, set_index from 0, warmup/failure/
    // dropset, superset ids, exercise_notes repeated per row (kept once), empty bodyweight
    // weight, a cardio row, an unfilled set, 102.50000000000001, a quoted multi-line description.
    file: 'hevy-kg.csv',
    args: ['--tz', 'Europe/Berlin'],
    format: 'Hevy (kg)',
    counts: { sessions: 2, sets: 7, records: 12, rest_timer: 0, unfilled: 1, cardio: 1 },
    stdin: 'pipe',
  },
  {
    // Hevy in weight_lbs and distance_miles.
    file: 'hevy-lbs.csv',
    args: ['--tz', 'America/Chicago'],
    format: 'Hevy (lb)',
    counts: { sessions: 1, sets: 2, records: 5, ...none, cardio: 1 },
    stdin: 'dash',
  },
  {
    // FitNotes: a day per workout, the unit per row (kgs, lbs), a Comment with quotes and a
    // newline, a cardio row with Time.
    file: 'fitnotes.csv',
    args: ['--tz', 'Asia/Tokyo'],
    format: 'FitNotes (unit per row)',
    counts: { sessions: 2, sets: 5, records: 11, ...none, cardio: 1 },
    stdin: 'pipe',
  },
  {
    // Older FitNotes: Weight (lbs) in the header, no unit or comment columns, MM:SS times.
    file: 'fitnotes-old.csv',
    args: ['--tz', 'UTC'],
    format: 'FitNotes (lb)',
    counts: { sessions: 2, sets: 3, records: 5, ...none, cardio: 1 },
    stdin: 'dash',
  },
  {
    // workout's own format: explicit set numbers (with a gap), offsets and microseconds, a
    // session without an end (ends at its last set), bodyweight with added load in lb.
    file: 'workout.csv',
    args: [],
    format: 'workout',
    counts: { sessions: 2, sets: 7, records: 15, ...none },
    stdin: 'pipe',
  },
];

describe('import: Hevy, FitNotes and workout fixtures, from a file and from stdin', () => {
  for (const c of CASES) test(c.file, () => checkFixture(c));
});
