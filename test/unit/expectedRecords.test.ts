import { describe, expect, test } from 'vitest';
import { expectedRecords, fromScaled, toScaled } from '../helpers/expectedRecords.js';

describe('the exact decimals the tests recompute records with', () => {
  test('parse and print without float error', () => {
    expect(
      ['0', '100', '102.05828325', '140.0000', '0.000000000001'].map((text) => fromScaled(toScaled(text))),
    ).toEqual(['0', '100', '102.05828325', '140', '0.000000000001']);
    expect(() => toScaled('-1')).toThrow();
    expect(() => toScaled('1e3')).toThrow();
  });

  test('Epley rounded to 4 decimals, half away from zero; equal volumes tie to the older set', () => {
    const set = (id: number, weight: string, reps: number, at_us = id) => ({
      id,
      weight,
      reps,
      bodyweight: false,
      set_type: 'normal',
      at_us,
    });
    const records = expectedRecords([
      set(1, '68.0388555', 4),
      set(2, '90.718474', 3),
      set(3, '100', 5),
      set(4, '100', 5, 0),
    ]);
    expect(records.find((r) => r.kind === 'e1rm')).toEqual({ kind: 'e1rm', reps: 0, value: '116.6667', log_id: 4 });
    // 0.833375 x 6: Epley gives exactly 1.00005, which numeric's round() takes up to 1.0001.
    expect(expectedRecords([set(1, '0.833375', 6)]).find((r) => r.kind === 'e1rm')?.value).toBe('1.0001');
    // 150 lb x 4 and 200 lb x 3 are both 600 lb: the first keeps "volume" among them, then 100 kg x 5 beats both.
    expect(expectedRecords([set(1, '68.0388555', 4), set(2, '90.718474', 3)]).find((r) => r.kind === 'volume')).toEqual(
      {
        kind: 'volume',
        reps: 0,
        value: '272.155422',
        log_id: 1,
      },
    );
    expect(records.find((r) => r.kind === 'rep_max' && r.reps === 5)?.log_id).toBe(4);
  });
});
