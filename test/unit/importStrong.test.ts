import { describe, expect, test } from 'vitest';
import { readHeader } from '../../src/domain/formats/header.js';
import { createStrongPlan, strongDialect, strongSetType } from '../../src/domain/formats/strong.js';
import type { ImportedSet, RowOutcome } from '../../src/domain/formats/types.js';

const V5 =
  'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE'.split(',');
const LEGACY =
  'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes'.split(
    ';',
  );
const V6 = [
  'Workout #',
  'Date',
  'Workout Name',
  'Duration (sec)',
  'Exercise Name',
  'Set Order',
  'Weight (lbs)',
  'Reps',
  'RPE',
  'Distance (meters)',
  'Seconds',
  'Notes',
  'Workout Notes',
];

function v5Row(fields: Partial<Record<(typeof V5)[number], string>>): string[] {
  const base: Record<string, string> = {
    Date: '2025-07-23 19:16:49',
    'Workout Name': 'Push',
    Duration: '29m',
    'Exercise Name': 'Bench Press',
    'Set Order': '1',
    Weight: '100',
    Reps: '5',
  };
  return V5.map((name) => fields[name] ?? base[name] ?? '');
}

const setOf = (outcome: RowOutcome): ImportedSet => {
  if (outcome.kind !== 'set') throw new Error(`expected a set, got ${JSON.stringify(outcome)}`);
  return outcome.set;
};

describe('Strong dialects', () => {
  test('are told apart by Workout # (6), Weight Unit (legacy), else 5.x', () => {
    expect(strongDialect(readHeader(V6))).toBe('v6');
    expect(strongDialect(readHeader(LEGACY))).toBe('legacy');
    expect(strongDialect(readHeader(V5))).toBe('v5');
  });

  test('5.x without --unit is refused before any row, naming --unit', () => {
    expect(() => createStrongPlan(readHeader(V5), { unit: undefined, timeZone: 'UTC' })).toThrow(
      'Strong 5.x exports do not say whether weights are kg or lb; tell it with --unit kg or --unit lb',
    );
  });

  test('6 takes the unit from the header and ignores --unit', () => {
    const plan = createStrongPlan(readHeader(V6), { unit: 'kg', timeZone: 'UTC' });
    expect(plan.label).toBe('Strong 6 (lb)');
    const row = ['3', '2024-06-10 18:20:00', 'Legs', '3600', 'Squat', '1', '225.0', '5.0', '', '', '', '', ''];
    const set = setOf(plan.mapRow(row, 2));
    expect(set).toMatchObject({ weight: '225', unit: 'lb', reps: 5, setNumber: null });
    expect(set.workout).toEqual({
      key: 'strong:2024-06-10 18:20:00',
      name: 'Legs',
      notes: null,
      start: '2024-06-10T18:20:00.000Z',
      end: '2024-06-10T19:20:00.000Z',
    });
  });

  test('6: Workout # is 1 to 9 digits, so the workout key stays importable (found by importMappings.property.test.ts)', () => {
    const plan = createStrongPlan(readHeader(V6), { unit: undefined, timeZone: 'UTC' });
    const row = (number: string) => [
      number,
      '2024-06-10 18:20:00',
      'Legs',
      '3600',
      'Squat',
      '1',
      '225.0',
      '5.0',
      '',
      '',
      '',
      '',
      '',
    ];
    expect(setOf(plan.mapRow(row('999999999'), 2)).workout.key).toBe('strong:2024-06-10 18:20:00');
    // Another workout started the same second: only Strong 6's number tells them apart.
    expect(setOf(plan.mapRow(row('1000'), 2)).workout.key).toBe('strong:2024-06-10 18:20:00#1000');
    expect(setOf(plan.mapRow(row('999999999'), 2)).workout.key).toBe('strong:2024-06-10 18:20:00');
    // A 400-digit number made a 427-character session key that `workout import` of the export refuses (at most 200).
    expect(plan.mapRow(row('1'.repeat(400)), 3)).toEqual({
      kind: 'problem',
      problem: { line: 3, column: 'Workout #', problem: `"${'1'.repeat(20)}…" is not a workout number` },
    });
  });

  test('legacy takes the unit per row, and --unit for an empty one', () => {
    const plan = createStrongPlan(readHeader(LEGACY), { unit: undefined, timeZone: 'UTC' });
    const row = (weight: string, unit: string) => [
      '2021-03-14 09:30:00',
      'Full',
      'Bench',
      '1',
      weight,
      unit,
      '8',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    expect(setOf(plan.mapRow(row('185', 'lbs'), 2))).toMatchObject({ weight: '185', unit: 'lb' });
    expect(setOf(plan.mapRow(row('80', 'kg'), 3))).toMatchObject({ weight: '80', unit: 'kg' });
    expect(plan.mapRow(row('80', ''), 4)).toEqual({
      kind: 'problem',
      problem: { line: 4, column: 'Weight Unit', problem: 'is empty; give --unit kg or --unit lb for such rows' },
    });
    const withUnit = createStrongPlan(readHeader(LEGACY), { unit: 'lb', timeZone: 'UTC' });
    expect(setOf(withUnit.mapRow(row('80', ''), 4))).toMatchObject({ unit: 'lb' });
  });
});

describe('Strong rows', () => {
  const plan = createStrongPlan(readHeader(V5), { unit: 'kg', timeZone: 'America/New_York' });

  test('set orders: numbers, W, D, F, Rest Timer', () => {
    expect(strongSetType('3', 'Set Order')).toBe('normal');
    expect(strongSetType('W', 'Set Order')).toBe('warmup');
    expect(strongSetType('d', 'Set Order')).toBe('drop');
    expect(strongSetType('F', 'Set Order')).toBe('failure');
    expect(strongSetType('Rest Timer', 'Set Order')).toBe('rest_timer');
    expect(plan.mapRow(v5Row({ 'Set Order': 'X' }), 9)).toEqual({
      kind: 'problem',
      problem: {
        line: 9,
        column: 'Set Order',
        problem: '"X" is not a set order (1, 2, …, W, D, F, WARM_UP, DROP_SET, FAILURE, Rest Timer or Note)',
      },
    });
  });

  test('rest timers, unfilled sets and cardio rows are not sets', () => {
    expect(plan.mapRow(v5Row({ 'Set Order': 'Rest Timer', Weight: '', Reps: '', Seconds: '90.0' }), 2)).toEqual({
      kind: 'skip',
      reason: 'rest_timer',
    });
    expect(plan.mapRow(v5Row({ Weight: '', Reps: '' }), 2)).toEqual({ kind: 'skip', reason: 'unfilled' });
    expect(plan.mapRow(v5Row({ Weight: '100', Reps: '0' }), 2)).toEqual({ kind: 'skip', reason: 'unfilled' });
    expect(plan.mapRow(v5Row({ Weight: '', Reps: '', Distance: '5.0', Seconds: '1800' }), 2)).toEqual({
      kind: 'skip',
      reason: 'cardio',
    });
  });

  test('12-hour dates, with U+202F or a space before am/pm, read in --tz', () => {
    const at = (date: string) => setOf(plan.mapRow(v5Row({ Date: date }), 2)).workout;
    expect(at('2025-01-30 12:34:56\u202fpm')).toMatchObject({
      key: 'strong:2025-01-30 12:34:56',
      start: '2025-01-30T17:34:56.000Z',
    });
    expect(at('2025-01-30 12:34:56 am')).toMatchObject({
      key: 'strong:2025-01-30 00:34:56',
      start: '2025-01-30T05:34:56.000Z',
    });
    expect(at('2025-01-30 1:02:03 PM')).toMatchObject({ key: 'strong:2025-01-30 13:02:03' });
    expect(at('2025-07-23 19:16:49')).toMatchObject({
      start: '2025-07-23T23:16:49.000Z',
      end: '2025-07-23T23:45:49.000Z',
    });
    expect(plan.mapRow(v5Row({ Date: '2025-01-30 13:00:00 pm' }), 5)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Date' },
    });
    expect(plan.mapRow(v5Row({ Date: '2025-02-30 10:00:00' }), 5)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Date' },
    });
  });

  test('durations: 29m, 1h 7m, 1h, empty', () => {
    const end = (duration: string) =>
      setOf(plan.mapRow(v5Row({ Date: '2025-07-23 10:00:00', Duration: duration }), 2)).workout.end;
    expect(end('29m')).toBe('2025-07-23T14:29:00.000Z');
    expect(end('1h 7m')).toBe('2025-07-23T15:07:00.000Z');
    expect(end('1h')).toBe('2025-07-23T15:00:00.000Z');
    expect(end('')).toBe('2025-07-23T14:00:00.000Z');
    expect(plan.mapRow(v5Row({ Duration: 'long' }), 3)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Duration' },
    });
  });

  test('float noise, float reps, bodyweight, types, RPE, notes', () => {
    expect(setOf(plan.mapRow(v5Row({ Weight: '12.900000000000034', Reps: '20.0' }), 2))).toMatchObject({
      weight: '12.9',
      reps: 20,
      bodyweight: false,
    });
    expect(setOf(plan.mapRow(v5Row({ Weight: '0.0', Reps: '12' }), 2))).toMatchObject({
      weight: '0',
      bodyweight: true,
    });
    expect(setOf(plan.mapRow(v5Row({ Weight: '', Reps: '12' }), 2))).toMatchObject({ weight: '0', bodyweight: true });
    expect(setOf(plan.mapRow(v5Row({ 'Set Order': 'W', RPE: '7.5', Notes: ' a "b"\nc ' }), 2))).toMatchObject({
      setType: 'warmup',
      rpe: 7.5,
      notes: 'a "b"\nc',
    });
    expect(plan.mapRow(v5Row({ RPE: '7.3' }), 4)).toMatchObject({ kind: 'problem', problem: { column: 'RPE' } });
    expect(plan.mapRow(v5Row({ Reps: '5.5' }), 4)).toEqual({
      kind: 'problem',
      problem: { line: 4, column: 'Reps', problem: '5.5 is not a whole number of reps' },
    });
    expect(plan.mapRow(v5Row({ Weight: '-5' }), 4)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Weight', problem: '-5 is negative' },
    });
    expect(plan.mapRow(v5Row({ Weight: '1200' }), 4)).toMatchObject({
      kind: 'problem',
      problem: { column: 'Weight', problem: '1200 kg is more than 1000 kg' },
    });
    expect(plan.mapRow(v5Row({ 'Exercise Name': '  ' }), 4)).toEqual({
      kind: 'problem',
      problem: { line: 4, column: 'Exercise Name', problem: 'must not be empty' },
    });
  });

  test('a row with a missing field is a problem of the row', () => {
    expect(plan.mapRow(v5Row({}).slice(0, 11), 7)).toEqual({
      kind: 'problem',
      problem: { line: 7, column: 'row', problem: 'has 11 field(s), the header has 12' },
    });
  });

  test('the same workout text gives one workout object; names and notes are normalized', () => {
    const a = setOf(plan.mapRow(v5Row({ 'Workout Name': ' Push ', 'Workout Notes': 'x' }), 2));
    const b = setOf(plan.mapRow(v5Row({ 'Workout Name': ' Push ', 'Workout Notes': 'x', Weight: '90' }), 3));
    expect(b.workout).toBe(a.workout);
    expect(a.workout).toMatchObject({ name: 'Push', notes: 'x' });
    expect(setOf(plan.mapRow(v5Row({ 'Exercise Name': 'Cafe\u0301 Press ' }), 2)).exercise).toBe('Café Press');
  });
});

describe('Strong as real exports write it', () => {
  test('newer Strong 6 set orders: WARM_UP, DROP_SET, FAILURE; Note rows hold the exercise note', () => {
    expect(strongSetType('WARM_UP', 'Set Order')).toBe('warmup');
    expect(strongSetType('DROP_SET', 'Set Order')).toBe('drop');
    expect(strongSetType('FAILURE', 'Set Order')).toBe('failure');
    const plan = createStrongPlan(readHeader(V6), { unit: undefined, timeZone: 'UTC' });
    const row = (order: string, notes: string) => [
      '79',
      '2022-08-30 17:04:33',
      'Back',
      '5807',
      'Crunch',
      order,
      '',
      '',
      '',
      '',
      '',
      notes,
      '',
    ];
    expect(plan.mapRow(row('Note', 'legs up, then normal'), 2)).toEqual({
      kind: 'note',
      note: { workoutKey: 'strong:2022-08-30 17:04:33', exercise: 'Crunch', text: 'legs up, then normal' },
    });
    expect(plan.mapRow(row('Note', ''), 3)).toEqual({
      kind: 'note',
      note: { workoutKey: 'strong:2022-08-30 17:04:33', exercise: 'Crunch', text: null },
    });
  });

  test('German 5.x: its own column names and Ruhezeit rest rows', () => {
    const german =
      'Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,Notizen,Workout-Notizen,RPE'.split(
        ',',
      );
    const header = readHeader(german);
    expect(strongDialect(header)).toBe('v5');
    const plan = createStrongPlan(header, { unit: 'kg', timeZone: 'UTC' });
    const row = (order: string, reps: string) => [
      '2025-08-01 09:46:59',
      'Pull',
      '31min',
      'Pull Up',
      order,
      '0',
      reps,
      '0',
      '45.0',
      'eng',
      'gut',
      '',
    ];
    expect(setOf(plan.mapRow(row('1', '3.0'), 2))).toMatchObject({
      exercise: 'Pull Up',
      reps: 3,
      bodyweight: true,
      notes: 'eng',
      workout: { key: 'strong:2025-08-01 09:46:59', name: 'Pull', notes: 'gut', end: '2025-08-01T10:17:59.000Z' },
    });
    expect(plan.mapRow(row('Ruhezeit', '0.0'), 3)).toEqual({ kind: 'skip', reason: 'rest_timer' });
    expect(plan.mapRow(row('W', '3.0'), 4)).toEqual({
      kind: 'problem',
      problem: { line: 4, column: 'Reihenfolge festlegen', problem: '"W" is not a set order (1, 2, … or Ruhezeit)' },
    });
  });

  test('Strong 2016: the weight column is named kg, distance km, Set Order from 0, no Duration', () => {
    const header = readHeader('Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes'.split(','));
    expect(strongDialect(header)).toBe('early');
    const plan = createStrongPlan(header, { unit: undefined, timeZone: 'UTC' });
    expect(plan.label).toBe('Strong 2016 (kg)');
    const row = (order: string, reps: string, km: string) => [
      '2016-10-03 19:30:55',
      'W1D1',
      'Squat',
      order,
      '70.0',
      reps,
      km,
      '0',
      '',
    ];
    expect(setOf(plan.mapRow(row('0', '5', '0.0'), 2))).toMatchObject({
      weight: '70',
      unit: 'kg',
      reps: 5,
      setType: 'normal',
    });
    expect(plan.mapRow(row('0', '0', '2.5'), 3)).toEqual({ kind: 'skip', reason: 'cardio' });
  });

  test('5.x past 999 hours: an unquoted 9,719h 22m is the duration (left running, so not kept), any other extra field a bad row', () => {
    const header = readHeader(
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE'.split(','),
    );
    const plan = createStrongPlan(header, { unit: 'kg', timeZone: 'UTC' });
    const row = (...duration: string[]) => [
      '2024-09-29 11:58:05',
      'Morning',
      ...duration,
      'Bench Press (Barbell)',
      '1',
      '85.0',
      '8.0',
      '0',
      '0.0',
      '',
    ];
    expect(setOf(plan.mapRow(row('9', '719h 22m'), 2))).toMatchObject({
      weight: '85',
      reps: 8,
      workout: { start: '2024-09-29T11:58:05.000Z', end: '2024-09-29T11:58:05.000Z' },
    });
    expect(setOf(plan.mapRow(row('311h 20m'), 3)).workout.end).toBe('2024-10-12T11:18:05.000Z');
    for (const extra of [
      ['9', '71h 22m'],
      ['9', '719m'],
      ['9x', '719h 22m'],
      ['1', '2'],
    ]) {
      expect(plan.mapRow(row(...extra), 4)).toEqual({
        kind: 'problem',
        problem: { line: 4, column: 'row', problem: 'has 11 field(s), the header has 10' },
      });
    }
  });
});
