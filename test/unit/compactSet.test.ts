import { describe, expect, test } from 'vitest';
import { compactSet, topSet } from '../../src/domain/compactSet.js';
import type { SetType } from '../../src/domain/limits.js';
import { KG_PER_LB, type Unit } from '../../src/domain/units.js';

const set = (
  weight: number,
  unit: Unit,
  reps: number,
  set_type: SetType = 'normal',
  bodyweight = false,
  set_number = 1,
) => ({
  weight: unit === 'lb' ? weight * KG_PER_LB : weight,
  unit,
  reps,
  set_type,
  bodyweight,
  set_number,
});

describe('compactSet', () => {
  test.each<[ReturnType<typeof set>, Unit, string]>([
    [set(100, 'kg', 5), 'kg', '100x5'],
    [set(102.5, 'kg', 3, 'failure'), 'kg', '102.5x3f'],
    [set(60, 'kg', 10, 'warmup'), 'kg', '60x10w'],
    [set(225, 'lb', 5), 'kg', '225lbx5'],
    [set(225, 'lb', 5, 'drop'), 'lb', '225x5d'],
    [set(100, 'kg', 5), 'lb', '100kgx5'],
    [set(0, 'kg', 12, 'normal', true), 'kg', 'bwx12'],
    [set(10, 'kg', 6, 'normal', true), 'lb', 'bw+10kgx6'],
  ])('%o shown in %s is %s', (logged, shown, expected) => {
    expect(compactSet(logged, shown)).toBe(expected);
  });
});

describe('topSet', () => {
  test('the heaviest non-warm-up set; more reps, then the earlier, break a tie', () => {
    const sets = [
      set(140, 'kg', 3, 'warmup', false, 1),
      set(100, 'kg', 5, 'normal', false, 2),
      set(105, 'kg', 3, 'normal', false, 3),
      set(105, 'kg', 4, 'drop', false, 4),
      set(105, 'kg', 4, 'normal', false, 5),
    ];
    expect(topSet(sets)?.set_number).toBe(4);
    expect(topSet([set(60, 'kg', 10, 'warmup')])).toBeUndefined();
  });
});
