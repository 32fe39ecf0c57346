import { describe, expect, test } from 'vitest';
import { parseDateRange } from '../../src/domain/dateRange.js';
import { UsageError } from '../../src/errors.js';

// Local dates: the range is in whole days of the user's zone, whatever zone this runs in.
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date);
const TODAY = new Date(2026, 2, 31, 15, 42); // 31 March 2026, mid-afternoon

describe('parseDateRange', () => {
  test.each<[from: string | undefined, to: string | undefined, expected: { from: Date | null; to: Date | null }]>([
    [undefined, undefined, { from: null, to: null }],
    ['2025-07-01', '2025-07-31', { from: day(2025, 7, 1), to: day(2025, 8, 1) }],
    ['2025-07-01', '2025-07-01', { from: day(2025, 7, 1), to: day(2025, 7, 2) }],
    ['10d', undefined, { from: day(2026, 3, 21), to: null }],
    ['12w', undefined, { from: day(2026, 1, 6), to: null }],
    // A month back from 31 March is the last day of February.
    ['1m', undefined, { from: day(2026, 2, 28), to: null }],
    ['6m', '1m', { from: day(2025, 9, 30), to: day(2026, 3, 1) }],
    ['1y', undefined, { from: day(2025, 3, 31), to: null }],
    ['0d', '0d', { from: day(2026, 3, 31), to: day(2026, 4, 1) }],
    [' 2024-02-29 ', undefined, { from: day(2024, 2, 29), to: null }],
    [undefined, '2025-12-31', { from: null, to: day(2026, 1, 1) }],
  ])('--from %s --to %s', (from, to, expected) => {
    expect(parseDateRange(from, to, TODAY)).toEqual(expected);
  });

  test.each<[from: string | undefined, to: string | undefined, message: string]>([
    [
      'yesterday',
      undefined,
      '--from "yesterday" is not a date; use an ISO date (2025-07-23) or a span back from today (10d, 12w, 6m, 1y)',
    ],
    [undefined, '12x', '--to "12x" is not a date'],
    ['2025-02-30', undefined, '--from "2025-02-30" is not a real date'],
    ['2025-07-23T10:00', undefined, '--from "2025-07-23T10:00" is not a date'],
    ['-3w', undefined, '--from "-3w" is not a date'],
    ['12345w', undefined, '--from "12345w" is not a date'],
    ['2025-08-01', '2025-07-31', '--from "2025-08-01" is after --to "2025-07-31"'],
    ['1w', '2w', '--from "1w" is after --to "2w"'],
  ])('--from %s --to %s is refused', (from, to, message) => {
    expect(() => parseDateRange(from, to, TODAY)).toThrow(UsageError);
    expect(() => parseDateRange(from, to, TODAY)).toThrow(message);
  });
});
