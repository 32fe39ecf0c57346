import { describe, expect, test } from 'vitest';
import { formatRecordValue, RECORD_KINDS, recordLabel, recordOrder, recordValueIn } from '../../src/domain/records.js';
import { formatWeight, fromKg, KG_PER_LB, toKg, unitFromWord, weightInUnit } from '../../src/domain/units.js';

describe('units', () => {
  test('1 lb is 0.45359237 kg exactly, as in the database', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(toKg(225, 'lb')).toBeCloseTo(102.05828325, 10);
    expect(toKg(102.5, 'kg')).toBe(102.5);
  });

  test('unitFromWord: kg, kgs, lb, lbs in any case; nothing else', () => {
    expect(['kg', 'KGS', 'lb', 'Lbs'].map(unitFromWord)).toEqual(['kg', 'kg', 'lb', 'lb']);
    expect(['', 'pound', 'stone', 'toString', 'constructor', '__proto__'].map(unitFromWord)).toEqual(
      Array(6).fill(undefined),
    );
  });

  // What the database stores (workout_to_kg: amount * 0.45359237, exact) comes back as entered.
  test.each([225, 230, 232.5, 135, 45, 0.5, 1, 2204.622, 99.999, 315.25])(
    '%d lb round-trips through stored kilograms',
    (lb) => {
      const storedKg = Number((lb * 0.45359237).toFixed(11));
      expect(fromKg(storedKg, 'lb')).toBe(lb);
      expect(formatWeight(storedKg, 'lb')).toBe(`${lb} lb`);
    },
  );

  test('fromKg rounds to what anyone enters (3 decimals)', () => {
    expect(fromKg(116.6667, 'kg')).toBe(116.667);
    expect(fromKg(119.068, 'lb')).toBe(262.5);
    expect(fromKg(0, 'lb')).toBe(0);
  });

  test('formatWeight: kilograms, pounds, bodyweight with and without load', () => {
    expect(formatWeight(100, 'kg')).toBe('100 kg');
    expect(formatWeight(102.5, 'kg')).toBe('102.5 kg');
    expect(formatWeight(102.05828325, 'lb')).toBe('225 lb');
    expect(formatWeight(0, 'kg', true)).toBe('bw');
    expect(formatWeight(20, 'kg', true)).toBe('bw+20 kg');
    expect(formatWeight(20.41165665, 'lb', true)).toBe('bw+45 lb');
  });

  test('weightInUnit: the weight in the set unit for JSON, the exact kilograms beside it', () => {
    expect(weightInUnit({ id: 1, weight: 102.05828325, unit: 'lb' as const })).toEqual({
      id: 1,
      weight: 225,
      unit: 'lb',
      weight_kg: 102.05828325,
    });
    expect(weightInUnit({ weight: 100, unit: 'kg' as const })).toEqual({ weight: 100, unit: 'kg', weight_kg: 100 });
  });
});

describe('record labels and values', () => {
  test('labels, values in the unit, and a stable order of kinds', () => {
    expect(RECORD_KINDS.map((kind) => recordLabel(kind, 5))).toEqual([
      'heaviest weight',
      'best estimated 1RM',
      'best set volume',
      '5-rep max',
      'most reps',
    ]);
    expect(formatRecordValue('most_reps', 15, 'lb')).toBe('15 reps');
    expect(formatRecordValue('volume', 510.29141625, 'lb')).toBe('1125 lb');
    expect(formatRecordValue('e1rm', 116.6667, 'kg')).toBe('116.667 kg');
    expect(recordValueIn('most_reps', 15, 'lb')).toBe(15);
    expect(recordValueIn('heaviest', 102.05828325, 'lb')).toBe(225);
    const sorted = [
      { kind: 'rep_max' as const, reps: 12 },
      { kind: 'most_reps' as const, reps: 0 },
      { kind: 'rep_max' as const, reps: 3 },
      { kind: 'heaviest' as const, reps: 0 },
      { kind: 'volume' as const, reps: 0 },
      { kind: 'e1rm' as const, reps: 0 },
    ].sort((a, b) => recordOrder(a) - recordOrder(b));
    expect(sorted.map((r) => `${r.kind}/${r.reps}`)).toEqual([
      'heaviest/0',
      'e1rm/0',
      'volume/0',
      'rep_max/3',
      'rep_max/12',
      'most_reps/0',
    ]);
  });
});
