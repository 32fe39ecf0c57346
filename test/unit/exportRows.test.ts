import { describe, expect, test } from 'vitest';
import { isoTimestamp, strongDuration, strongRecord, workoutRecord, type ExportedSet } from '../../src/domain/formats/exportRows.js';
import { progressLine } from '../../src/ui/progress.js';

const set: ExportedSet = {
  session_key: 'workout:k', session_name: 'Push', session_start: '2025-03-01 10:00:00+01', session_end: '2025-03-01 11:07:30.5+01',
  session_seconds: 4051, session_notes: null, exercise: 'Bench', set_number: 3, set_type: 'warmup', weight: '225', unit: 'lb',
  bodyweight: false, reps: 5, rpe: '8.5', performed_at: '2025-03-01 10:12:00.123456+05:30', notes: 'a, "b"',
};

describe('export rows', () => {
  test('PostgreSQL timestamps become ISO 8601 with a full offset', () => {
    expect(isoTimestamp('2025-03-01 10:12:00.123456+05:30')).toBe('2025-03-01T10:12:00.123456+05:30');
    expect(isoTimestamp('2025-03-01 10:12:00-03')).toBe('2025-03-01T10:12:00-03:00');
  });

  test('workout rows keep every field', () => {
    expect(workoutRecord(set)).toEqual([
      'workout:k', 'Push', '2025-03-01T10:00:00+01:00', '2025-03-01T11:07:30.5+01:00', '', 'Bench', '3', 'warmup', '225', 'lb',
      'false', '5', '8.5', '2025-03-01T10:12:00.123456+05:30', 'a, "b"',
    ]);
  });

  test('Strong rows: local start, duration text, W/D/F or the number', () => {
    expect(strongDuration(4051)).toBe('1h 7m');
    expect(strongDuration(1740)).toBe('29m');
    expect(strongDuration(0)).toBe('0m');
    expect(strongRecord(set)).toEqual(['2025-03-01 10:00:00', 'Push', '1h 7m', 'Bench', 'W', '225', '5', '', '', 'a, "b"', '', '8.5']);
    expect(strongRecord({ ...set, set_type: 'normal' })[4]).toBe('3');
  });
});

describe('progress line', () => {
  test('rows, rate, percent and ETA when the size is known', () => {
    expect(progressLine(50_000, 2_500_000, 10_000_000, 5_000)).toBe('[######------------------]  25%  50,000 rows  10,000 rows/s  ETA 0:15');
    expect(progressLine(1_200, 0, undefined, 2_000)).toBe('1,200 rows  600 rows/s');
  });
});
