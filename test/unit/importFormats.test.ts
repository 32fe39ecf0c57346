import { describe, expect, test } from 'vitest';
import { detectDelimiter, detectFormat, planImport } from '../../src/domain/formats/detect.js';
import { readHeader } from '../../src/domain/formats/header.js';
import type { ImportedSet, RowOutcome } from '../../src/domain/formats/types.js';
import { WORKOUT_COLUMNS } from '../../src/domain/formats/workout.js';

const setOf = (outcome: RowOutcome): ImportedSet => {
  if (outcome.kind !== 'set') throw new Error(`expected a set, got ${JSON.stringify(outcome)}`);
  return outcome.set;
};
const UTC = { unit: undefined, timeZone: 'UTC' };

describe('detect', () => {
  test('the delimiter is the one that separates more header fields, quotes ignored', () => {
    expect(detectDelimiter('Date;Workout Name;Exercise Name;Set Order')).toBe(';');
    expect(detectDelimiter('"Workout #";"Date";"Workout Name"')).toBe(';');
    expect(detectDelimiter('Date,Workout Name,Duration')).toBe(',');
    expect(detectDelimiter('"title","start_time","a;b;c;d"')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  test('formats by their columns, whatever the case, spaces, BOM or order', () => {
    expect(
      detectFormat(readHeader(['\uFEFFDate', 'Workout Name', 'Exercise Name', 'Set Order', 'Weight', 'Reps'])),
    ).toBe('strong');
    expect(detectFormat(readHeader(['title', 'START_TIME', 'exercise_title', 'set_type', 'weight_kg', 'reps']))).toBe(
      'hevy',
    );
    expect(detectFormat(readHeader(['Date', 'Exercise', 'Category', 'Weight (lbs)', 'Reps']))).toBe('fitnotes');
    expect(detectFormat(readHeader([...WORKOUT_COLUMNS].reverse()))).toBe('workout');
    expect(detectFormat(readHeader(['a', 'b']))).toBeUndefined();
  });

  test('an unknown header, or a forced format whose columns are missing, is a usage error', () => {
    expect(() => planImport(['when', 'what', 'how much'], 'auto', UTC)).toThrow(
      'cannot tell the format from the header "when, what, how much"; expected a Strong, Hevy, FitNotes or workout export, or say which with --format',
    );
    expect(() => planImport(['Date', 'Exercise Name', 'Set Order', 'Weight', 'Reps'], 'hevy', UTC)).toThrow(
      'the header has no "title" column, which Hevy files have',
    );
  });
});

describe('Hevy', () => {
  const header = [
    'title',
    'start_time',
    'end_time',
    'description',
    'exercise_title',
    'superset_id',
    'exercise_notes',
    'set_index',
    'set_type',
    'weight_lbs',
    'reps',
    'distance_miles',
    'duration_seconds',
    'rpe',
  ];
  const plan = planImport(header, 'auto', { unit: undefined, timeZone: 'Europe/Berlin' });
  const row = (changes: Record<string, string>) => {
    const base: Record<string, string> = {
      title: 'Legs',
      start_time: '2 Oct 2025, 17:30',
      end_time: '2 Oct 2025, 18:15',
      exercise_title: 'Squat',
      exercise_notes: 'belt',
      set_index: '1',
      set_type: 'normal',
      weight_lbs: '225',
      reps: '5',
    };
    return header.map((name) => changes[name] ?? base[name] ?? '');
  };

  test('weight_lbs, dates without seconds or zone, the workout key', () => {
    expect(plan.label).toBe('Hevy (lb)');
    const set = setOf(plan.mapRow(row({}), 2));
    expect(set).toMatchObject({ weight: '225', unit: 'lb', reps: 5, setType: 'normal', notes: null });
    expect(set.workout).toEqual({
      key: 'hevy:2025-10-02 17:30:00|Legs',
      name: 'Legs',
      notes: null,
      start: '2025-10-02T15:30:00.000Z',
      end: '2025-10-02T16:15:00.000Z',
    });
  });

  test('set types, exercise notes on set_index 0 only, bodyweight, cardio, unfilled', () => {
    expect(setOf(plan.mapRow(row({ set_type: 'dropset' }), 2)).setType).toBe('drop');
    expect(setOf(plan.mapRow(row({ set_type: 'warmup', set_index: '0' }), 2))).toMatchObject({
      setType: 'warmup',
      notes: 'belt',
    });
    expect(setOf(plan.mapRow(row({ weight_lbs: '' }), 2))).toMatchObject({ bodyweight: true, weight: '0' });
    expect(plan.mapRow(row({ weight_lbs: '', reps: '', distance_miles: '1.5' }), 2)).toEqual({
      kind: 'skip',
      reason: 'cardio',
    });
    expect(plan.mapRow(row({ weight_lbs: '', reps: '' }), 2)).toEqual({ kind: 'skip', reason: 'unfilled' });
    expect(plan.mapRow(row({ set_type: 'superset' }), 6)).toMatchObject({
      kind: 'problem',
      problem: { line: 6, column: 'set_type' },
    });
    expect(plan.mapRow(row({ start_time: '2025-10-02 17:30' }), 6)).toMatchObject({
      kind: 'problem',
      problem: { column: 'start_time' },
    });
    expect(plan.mapRow(row({ end_time: '2 Oct 2025, 17:00' }), 6)).toMatchObject({
      kind: 'problem',
      problem: { column: 'end_time' },
    });
  });
});

describe('FitNotes', () => {
  test('a day per workout, the unit per row (kgs/lbs), Comment as notes, Time as cardio', () => {
    const header = [
      'Date',
      'Exercise',
      'Category',
      'Weight',
      'Weight Unit',
      'Reps',
      'Distance',
      'Distance Unit',
      'Time',
      'Comment',
    ];
    const plan = planImport(header, 'auto', { unit: undefined, timeZone: 'Asia/Tokyo' });
    const set = setOf(plan.mapRow(['2024-05-01', 'Curl', 'Arms', '30.0', 'lbs', '12', '', '', '', 'slow'], 2));
    expect(set).toMatchObject({ weight: '30', unit: 'lb', reps: 12, notes: 'slow', setType: 'normal' });
    expect(set.workout).toEqual({
      key: 'fitnotes:2024-05-01',
      name: null,
      notes: null,
      start: '2024-04-30T15:00:00.000Z',
      end: '2024-04-30T15:00:00.000Z',
    });
    expect(plan.mapRow(['2024-05-01', 'Run', 'Cardio', '', '', '', '', '', '0:30:00', ''], 3)).toEqual({
      kind: 'skip',
      reason: 'cardio',
    });
    expect(setOf(plan.mapRow(['2024-05-01', 'Dip', 'Chest', '', '', '10', '', '', '', ''], 4))).toMatchObject({
      bodyweight: true,
      unit: 'kg',
    });
    expect(plan.mapRow(['2024-05-01', 'Curl', 'Arms', '30.0', 'stone', '12', '', '', '', ''], 5)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Weight Unit' },
    });
  });

  test('older exports name the unit in the header', () => {
    const plan = planImport(
      ['Date', 'Exercise', 'Category', 'Weight (lbs)', 'Reps', 'Distance', 'Distance Unit', 'Time'],
      'auto',
      UTC,
    );
    expect(plan.label).toBe('FitNotes (lb)');
    expect(setOf(plan.mapRow(['2019-01-07', 'Squat', 'Legs', '135.0', '8', '', '', ''], 2))).toMatchObject({
      weight: '135',
      unit: 'lb',
    });
  });
});

describe("workout's own format", () => {
  const plan = planImport([...WORKOUT_COLUMNS], 'auto', { unit: undefined, timeZone: 'Europe/Berlin' });
  const row = (changes: Partial<Record<(typeof WORKOUT_COLUMNS)[number], string>>) => {
    const base: Record<string, string> = {
      session_key: 'workout:k1',
      session_name: 'Push',
      session_start: '2025-03-01T10:00:00+01:00',
      session_end: '2025-03-01T11:00:00+01:00',
      exercise: 'Bench',
      set_number: '2',
      set_type: 'normal',
      weight: '102.5',
      unit: 'kg',
      bodyweight: 'false',
      reps: '5',
      rpe: '8.5',
      performed_at: '2025-03-01T10:12:00.123456+01:00',
    };
    return WORKOUT_COLUMNS.map((name) => changes[name] ?? base[name] ?? '');
  };

  test('keeps the key, the set number and times with offsets exactly', () => {
    expect(setOf(plan.mapRow(row({}), 2))).toEqual({
      line: 2,
      workout: {
        key: 'workout:k1',
        name: 'Push',
        notes: null,
        start: '2025-03-01T10:00:00+01:00',
        end: '2025-03-01T11:00:00+01:00',
      },
      exercise: 'Bench',
      setNumber: 2,
      setType: 'normal',
      weight: '102.5',
      unit: 'kg',
      bodyweight: false,
      reps: 5,
      rpe: 8.5,
      performedAt: '2025-03-01T10:12:00.123456+01:00',
      notes: null,
    });
  });

  test('times without an offset are read in --tz; an empty end means "at the last set"', () => {
    const set = setOf(plan.mapRow(row({ performed_at: '2025-03-01 10:12', session_end: '' }), 2));
    expect(set.performedAt).toBe('2025-03-01T09:12:00.000Z');
    expect(set.workout.end).toBeNull();
  });

  test('refuses what the database would', () => {
    expect(plan.mapRow(row({ unit: 'stone' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'unit', problem: '"stone" is not one of kg, lb' },
    });
    expect(plan.mapRow(row({ set_number: '0' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'set_number' },
    });
    expect(plan.mapRow(row({ bodyweight: 'yes' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'bodyweight' },
    });
    expect(plan.mapRow(row({ session_end: '2025-03-01T09:00:00+01:00' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'session_end', problem: 'is before session_start' },
    });
    expect(plan.mapRow(row({ session_key: '' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'session_key' },
    });
    expect(plan.mapRow(row({ weight: '2205', unit: 'lb' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'weight' },
    });
  });
});
