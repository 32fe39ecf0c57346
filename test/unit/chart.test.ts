import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineChart } from '../../src/ui/chart.js';

const day = (month: number, date: number) => new Date(2025, month - 1, date);

describe('lineChart', () => {
  test('at a fixed width: y labels, the line, dates under the axis, records marked', () => {
    const points = [
      { date: day(7, 1), value: 100, record: true },
      { date: day(7, 8), value: 102.5, record: true },
      { date: day(7, 15), value: 101, record: false },
      { date: day(7, 22), value: 105, record: true },
    ];
    expect(lineChart(points, { width: 40, height: 4, label: 'e1RM (kg)' })).toBe(
      [
        'e1RM (kg)   ▲ record',
        '105.0 ┤                       ╭───────',
        '103.8 ┤                       │',
        '102.5 ┤       ╭───────╮       │',
        '101.3 ┤       │       ╰───────╯',
        '100.0 ┼───────╯',
        '      └───────────────────────────────',
        '      2025-07-01 2025-07-15 2025-07-22',
        '      ▲       ▲               ▲',
      ].join('\n'),
    );
  });

  test('more points than columns share columns (their highest value); no records, no marks', () => {
    const points = Array.from({ length: 200 }, (_, index) => ({
      date: new Date(2025, 0, 1 + index),
      value: index % 50,
      record: false,
    }));
    const chart = lineChart(points, { width: 30, height: 5, label: 'volume (kg)' }).split('\n');
    expect(chart[0]).toBe('volume (kg)');
    expect(chart[1]).toMatch(/^49 ┤/);
    expect(chart.at(-2)).toBe(`   └${'─'.repeat(26)}`);
    expect(chart.at(-1)).toBe('   2025-01-01       2025-07-12'); // the last column's first day: 200 days in 27 columns
  });

  test('any series fits the width it is given (at least 24 columns)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: 0, max: 5000, noNaN: true }), record: fc.boolean() }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.integer({ min: 24, max: 200 }),
        (values, width) => {
          const points = values.map((point, index) => ({ ...point, date: new Date(2024, 0, 1 + index) }));
          for (const line of lineChart(points, { width, height: 8, label: 'e1RM (lb)' }).split('\n')) {
            expect([...line].length).toBeLessThanOrEqual(width);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
