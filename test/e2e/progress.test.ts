import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { bestE1rmKg, type ExportedSet, groupBy, volumeKg } from '../helpers/exportTotals.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type ProgressJson = {
  unit: string;
  points: Array<{ date: string; value: number; value_kg: number | null; record: boolean }>;
};

/** Bench press on six days over two months, one session each; the fourth day sets no record. */
const DAYS = ['2025-07-01', '2025-07-08', '2025-07-15', '2025-07-22', '2025-08-05', '2025-08-19'];
const SETS = ['100x5', '102.5x5', '105x5', '90x5', '107.5x5', '230lb x 3'];

describe('workout progress', () => {
  test('per session and per month, the numbers equal sums from the export; the chart fits 80 columns', async () => {
    const log = DAYS.flatMap((day, index) => [
      ['session', 'start', '--at', `${day}T09:59Z`],
      ['set', 'add', 'Bench Press', '60x10', '--type', 'warmup', '--at', `${day}T10:00Z`],
      ['set', 'add', 'Bench Press', SETS[index]!, '--at', `${day}T10:05Z`],
      ['session', 'end', '--at', `${day}T11:00Z`],
    ]);
    const results = await runCliBatch(
      db,
      [
        ...log,
        ['--json', 'progress', 'Bench Press'],
        ['--json', 'progress', 'Bench Press', '--metric', 'volume', '--by', 'month'],
        ['--json', 'export', '--format', 'json'],
        ['progress', 'Bench Press'],
        ['--json', 'progress', 'Bench Press', '--metric', 'heaviest', '--unit', 'lb', '--from', '2025-08-01'],
        ['progress', 'Bench Press', '--by', 'year'],
      ],
      { env: { TZ: 'UTC' } },
    );
    const [bySession, byMonth, exported, chart, heaviest, badPeriod] = results.slice(log.length);
    for (const result of results.slice(0, -1)) expect(result.code, result.stderr).toBe(0);
    const sets = JSON.parse(exported!.stdout) as ExportedSet[];

    const sessions = JSON.parse(bySession!.stdout) as ProgressJson;
    expect(sessions.points.map((point) => point.date.slice(0, 10))).toEqual(DAYS);
    const bySessionKey = [...groupBy(sets, (set) => set.session_key).values()].sort((a, b) =>
      a[0]!.performed_at.localeCompare(b[0]!.performed_at),
    );
    for (const [index, point] of sessions.points.entries())
      expect(point.value_kg).toBeCloseTo(bestE1rmKg(bySessionKey[index]!)!, 3);
    expect(sessions.points.map((point) => point.record)).toEqual([true, true, true, false, true, true]);

    const months = JSON.parse(byMonth!.stdout) as ProgressJson;
    const byExportMonth = groupBy(sets, (set) => set.performed_at.slice(0, 7));
    expect(months.points.map((point) => point.date.slice(0, 7))).toEqual([...byExportMonth.keys()]);
    for (const point of months.points) {
      expect(point.value_kg).toBeCloseTo(volumeKg(byExportMonth.get(point.date.slice(0, 7))!), 6);
    }

    const lines = chart!.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Bench Press: best estimated 1RM per session (kg)   ▲ record');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines.at(-2)).toMatch(/^ +2025-07-01 +2025-07-22 +2025-08-19$/);
    expect([...lines.at(-1)!].filter((char) => char === '▲')).toHaveLength(5);

    const pounds = JSON.parse(heaviest!.stdout) as ProgressJson;
    expect(pounds.unit).toBe('lb');
    expect(pounds.points.map((point) => point.value)).toEqual([236.997, 230]); // 107.5 kg, and 230 lb as logged;
    expect(badPeriod).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'workout: --by must be one of session, week, month\n',
    });
  });
});
