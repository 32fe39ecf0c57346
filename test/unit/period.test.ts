import { describe, expect, test } from 'vitest';
import { groupByPeriod, nextPeriod, periodStart, weekStreak } from '../../src/domain/period.js';
import { formatDay as dayText } from '../../src/ui/time.js';

// Local dates: periods are in the user's zone, whatever zone this runs in.
const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour);

describe('periods', () => {
  test.each<[Date, 'week' | 'month', string]>([
    [at(2025, 7, 23), 'week', '2025-07-21'], // a Wednesday: the Monday before
    [at(2025, 7, 21, 0), 'week', '2025-07-21'], // Monday midnight is its own week
    [at(2025, 7, 27, 23), 'week', '2025-07-21'], // Sunday night still the same week
    [at(2025, 1, 1), 'week', '2024-12-30'], // across a year
    [at(2025, 7, 23), 'month', '2025-07-01'],
    [at(2024, 2, 29), 'month', '2024-02-01'],
  ])('%s starts its %s on %s', (date, period, expected) => {
    expect(dayText(periodStart(date, period))).toBe(expected);
  });

  test('nextPeriod and groupByPeriod', () => {
    expect(dayText(nextPeriod(at(2025, 12, 29, 0), 'week'))).toBe('2026-01-05');
    expect(dayText(nextPeriod(at(2025, 12, 1, 0), 'month'))).toBe('2026-01-01');
    const dates = [at(2025, 7, 30), at(2025, 7, 1), at(2025, 8, 2), at(2025, 7, 2)];
    expect(groupByPeriod(dates, (d) => d, 'month').map((g) => [dayText(g.start), g.items.length])).toEqual([
      ['2025-07-01', 3],
      ['2025-08-01', 1],
    ]);
    expect(groupByPeriod(dates, (d) => d, 'week').map((g) => [dayText(g.start), g.items.length])).toEqual([
      ['2025-06-30', 2],
      ['2025-07-28', 2],
    ]);
  });

  test('weekStreak: weeks in a row with a session; the current week counts once trained, and breaks nothing before', () => {
    const today = at(2025, 7, 23); // Wednesday
    expect(weekStreak([], today)).toBe(0);
    expect(weekStreak([at(2025, 7, 21)], today)).toBe(1);
    expect(weekStreak([at(2025, 7, 14), at(2025, 7, 8), at(2025, 7, 1)], today)).toBe(3); // not yet this week
    expect(weekStreak([at(2025, 7, 22), at(2025, 7, 14), at(2025, 6, 30)], today)).toBe(2); // a gap ends it
    expect(weekStreak([at(2025, 7, 7)], today)).toBe(0); // last week missed
  });
});
