import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  csvLine,
  type ExportedSet,
  isoTimestamp,
  strongDuration,
  strongWorkoutLines,
  workoutNameByHour,
  workoutRecord,
} from '../../src/domain/formats/exportRows.js';
import { progressLine } from '../../src/ui/progress.js';

const set: ExportedSet = {
  session_key: 'workout:k',
  session_name: 'Push',
  session_start: '2025-03-01 10:00:00+01',
  session_end: '2025-03-01 11:07:30.5+01',
  session_seconds: 4051,
  session_notes: null,
  exercise: 'Bench',
  set_number: 3,
  set_type: 'warmup',
  weight: '225',
  unit: 'lb',
  bodyweight: false,
  reps: 5,
  rpe: '8.5',
  performed_at: '2025-03-01 10:12:00.123456+05:30',
  notes: 'a, "b"',
};

describe('export rows', () => {
  test('PostgreSQL timestamps become ISO 8601 with a full offset', () => {
    expect(isoTimestamp('2025-03-01 10:12:00.123456+05:30')).toBe('2025-03-01T10:12:00.123456+05:30');
    expect(isoTimestamp('2025-03-01 10:12:00-03')).toBe('2025-03-01T10:12:00-03:00');
    expect(isoTimestamp('2025-03-01 10:12:00.5+00')).toBe('2025-03-01T10:12:00.5+00:00');
    // A zone's local mean time before standard time: an offset with seconds stays as printed.
    expect(isoTimestamp('1890-03-01 10:12:00+00:53:28')).toBe('1890-03-01T10:12:00+00:53:28');
  });

  test('a CSV line is what csv-stringify writes by default, byte for byte', () => {
    expect(csvLine(['a', '', 'b,c', 'say "hi"', 'two\nlines', 'cr\r'])).toBe(
      'a,,"b,c","say ""hi""","two\nlines","cr\r"\n',
    );
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '\t', ';') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(csvLine(fields)).toBe(stringify([fields]));
      }),
    );
  });

  test('workout rows keep every field', () => {
    expect(workoutRecord(set)).toEqual([
      'workout:k',
      'Push',
      '2025-03-01T10:00:00+01:00',
      '2025-03-01T11:07:30.5+01:00',
      '',
      'Bench',
      '3',
      'warmup',
      '225',
      'lb',
      'false',
      '5',
      '8.5',
      '2025-03-01T10:12:00.123456+05:30',
      'a, "b"',
    ]);
  });

  test('Strong durations: minutes, hours, whole hours, seconds under a minute', () => {
    expect(strongDuration(4051)).toBe('1h 7m');
    expect(strongDuration(1740)).toBe('29m');
    expect(strongDuration(7200)).toBe('2h');
    expect(strongDuration(34)).toBe('34s');
    expect(strongDuration(0)).toBe('0s');
  });

  test('an unnamed workout is named by the hour it started', () => {
    const boundaries = [0, 4, 5, 11, 12, 13, 14, 17, 18, 22, 23].map(
      (hour) => `${hour} ${workoutNameByHour(hour).replace(' Workout', '')}`,
    );
    expect(boundaries).toEqual([
      '0 Night',
      '4 Night',
      '5 Morning',
      '11 Morning',
      '12 Midday',
      '13 Midday',
      '14 Afternoon',
      '17 Afternoon',
      '18 Evening',
      '22 Evening',
      '23 Night',
    ]);
  });

  test('Strong rows: grouped by exercise, numbered 1..n whatever the type, quoted as Strong quotes', () => {
    const unnamed = { ...set, session_name: null, session_seconds: null, set_type: 'normal' as const, notes: null };
    const lines = strongWorkoutLines([
      set,
      {
        ...unnamed,
        exercise: 'Pull Up',
        weight: '0',
        bodyweight: true,
        rpe: null,
        performed_at: '2025-03-01 10:20:00+01',
      },
      { ...unnamed, set_type: 'failure', weight: '100.5', rpe: null, performed_at: '2025-03-01 10:40:00+01' },
    ]);
    expect(lines).toEqual([
      '2025-03-01 10:00:00,"Push",1h 7m,"Bench",1,225.0,5.0,0,0.0,"a, ""b""","",8.5',
      '2025-03-01 10:00:00,"Push",1h 7m,"Bench",2,100.5,5.0,0,0.0,,,',
      '2025-03-01 10:00:00,"Push",1h 7m,"Pull Up",1,0,5.0,0,0.0,"",,',
    ]);
    // Unnamed and unfinished: named by its hour, lasting until its last set.
    expect(strongWorkoutLines([{ ...unnamed, performed_at: '2025-03-01 10:40:00+01' }])).toEqual([
      '2025-03-01 10:00:00,"Morning Workout",40m,"Bench",1,225.0,5.0,0,0.0,"","",8.5',
    ]);
  });
});

describe('progress line', () => {
  test('rows, rate, percent and ETA when the size is known', () => {
    expect(progressLine(50_000, 2_500_000, 10_000_000, 5_000)).toBe(
      '[######------------------]  25%  50,000 rows  10,000 rows/s  ETA 0:15',
    );
    expect(progressLine(1_200, 0, undefined, 2_000)).toBe('1,200 rows  600 rows/s');
  });
});
