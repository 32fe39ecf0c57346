import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { type ExportedSet, groupBy, volumeKg } from '../helpers/exportTotals.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type StatsJson = {
  unit: string;
  periods: Array<{
    start: string;
    sessions: number;
    working_sets: number;
    reps: number;
    volume: number;
    volume_kg: number;
  }>;
  top_exercises: Array<{ exercise: string; volume_kg: number; working_sets: number }>;
  streak_weeks: number;
  records: Array<{ exercise: string; kind: string; achieved_at: string }>;
};

const DAY_MS = 86_400_000;

describe('workout stats', () => {
  test('per month and week, totals equal sums from the export; top exercises, streak and records', async () => {
    // Three weeks in a row up to today, and two sessions months ago.
    const now = Date.now();
    const at = (daysAgo: number, minute: number) =>
      new Date(now - daysAgo * DAY_MS - 3600_000 + minute * 60_000).toISOString();
    const sessions: Array<[daysAgo: number, sets: string[][]]> = [
      [
        120,
        [
          ['Squat', '140x5'],
          ['Squat', '60x5', '--type', 'warmup'],
          ['Bench Press', '100x5'],
        ],
      ],
      [
        100,
        [
          ['Squat', '150x3'],
          ['Deadlift', '180x2'],
        ],
      ],
      [
        14,
        [
          ['Bench Press', '225lb x 5'],
          ['Pull Up', 'bw+10x8'],
          ['Pull Up', 'bw x 12'],
        ],
      ],
      [
        7,
        [
          ['Squat', '145x5'],
          ['Squat', '145x5'],
        ],
      ],
      [0, [['Bench Press', '102.5x3', '--type', 'failure']]],
    ];
    const log = sessions.flatMap(([daysAgo, sets]) => [
      ['session', 'start', '--at', at(daysAgo, -1)],
      ...sets.map(([exercise, set, ...rest], index) => [
        'set',
        'add',
        exercise!,
        set!,
        ...rest,
        '--at',
        at(daysAgo, index),
      ]),
      ['session', 'end', '--at', at(daysAgo, 30)],
    ]);
    const results = await runCliBatch(
      db,
      [
        ...log,
        ['--json', 'stats', '--by', 'month'],
        ['--json', 'export', '--format', 'json'],
        ['--json', 'stats', '--from', '30d', '--unit', 'lb'],
        ['stats', '--from', '30d'],
      ],
      { env: { TZ: 'UTC' } },
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const [byMonth, exported, recent, text] = results.slice(log.length);
    const sets = JSON.parse(exported!.stdout) as ExportedSet[];
    const stats = JSON.parse(byMonth!.stdout) as StatsJson;

    // Sessions dated by their first set: every set here is in its session's month.
    const months = groupBy(sets, (set) => set.performed_at.slice(0, 7));
    expect(stats.periods.map((p) => p.start.slice(0, 7))).toEqual([...months.keys()].sort());
    for (const period of stats.periods) {
      const inMonth = months.get(period.start.slice(0, 7))!;
      const working = inMonth.filter((set) => set.set_type !== 'warmup');
      expect(period.sessions).toBe(new Set(inMonth.map((set) => set.session_key)).size);
      expect(period.working_sets).toBe(working.length);
      expect(period.reps).toBe(working.reduce((sum, set) => sum + set.reps, 0));
      expect(period.volume_kg).toBeCloseTo(volumeKg(inMonth), 6);
    }
    const byExercise = [...groupBy(sets, (set) => set.exercise)].map(([exercise, group]) => ({
      exercise,
      volume_kg: volumeKg(group),
    }));
    byExercise.sort((a, b) => b.volume_kg - a.volume_kg);
    expect(stats.top_exercises.map((row) => row.exercise)).toEqual(byExercise.slice(0, 5).map((row) => row.exercise));
    expect(stats.streak_weeks).toBe(3);

    const lately = JSON.parse(recent!.stdout) as StatsJson;
    expect(lately.unit).toBe('lb');
    const lastMonth = sets.filter((set) => Date.parse(set.performed_at) >= now - 31 * DAY_MS);
    expect(lately.periods.reduce((sum, p) => sum + p.volume_kg, 0)).toBeCloseTo(volumeKg(lastMonth), 6);
    expect(lately.periods.reduce((sum, p) => sum + p.volume, 0)).toBeCloseTo(volumeKg(lastMonth) / 0.45359237, 1);
    // Bench press records moved to 225 lb; pull-up records are new; squat 145x5 beat 140x5 (not 150x3's heaviest).
    expect(lately.records.map((r) => `${r.exercise} ${r.kind}`).sort()).toEqual(
      [
        'Bench Press e1rm',
        'Bench Press heaviest',
        'Bench Press rep_max',
        'Bench Press rep_max',
        'Bench Press volume',
        'Pull Up e1rm',
        'Pull Up heaviest',
        'Pull Up most_reps',
        'Pull Up rep_max',
        'Pull Up volume',
        'Squat e1rm',
        'Squat rep_max',
        'Squat volume',
      ].sort(),
    );
    const lines = text!.stdout.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text!.stdout).toContain('Current streak: 3 week(s) in a row with a session');
    expect(lines.filter((line) => /^\d{4}-\d{2}-\d{2} █/.test(line))).toHaveLength(lately.periods.length);
  });

  test('bad ranges and periods: exit 2, one line, nothing written', async () => {
    await runCliBatch(db, [['set', 'add', 'Squat', '100x5']]);
    const before = await snapshotDatabase(db);
    const results = await runCliBatch(db, [
      ['stats', '--by', 'day'],
      ['stats', '--from', '3 weeks'],
      ['stats', '--from', '1w', '--to', '2w'],
    ]);
    expect(results.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [2, '', 'workout: --by must be one of week, month\n'],
      [
        2,
        '',
        'workout: --from "3 weeks" is not a date; use an ISO date (2025-07-23) or a span back from today (10d, 12w, 6m, 1y)\n',
      ],
      [2, '', 'workout: --from "1w" is after --to "2w"\n'],
    ]);
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);
  });
});
