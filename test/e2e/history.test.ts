import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { bestE1rmKg, type ExportedSet, groupBy, volumeKg } from '../helpers/exportTotals.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type HistoryJson = {
  exercise: string;
  unit: string;
  sessions: Array<{
    session_id: number;
    started_at: string;
    sets: Array<{ weight: number; unit: string; weight_kg: number }>;
    top_set: { weight: number; unit: string; reps: number } | null;
    e1rm: number | null;
    e1rm_kg: number | null;
    volume: number;
    volume_kg: number;
    records: Array<{ kind: string; reps: number }>;
  }>;
};

/**
 * Four sessions of bench press a week apart (mixed units, warm-ups, a drop set), and a squat in between; each
 * started and ended explicitly (sets logged long after the fact would each start an ended session of their own).
 */
const LOG: string[][] = [
  ['session', 'start', '--at', '2025-07-01T09:59Z'],
  ['set', 'add', 'Bench Press', '60x10', '--type', 'warmup', '--at', '2025-07-01T10:00Z'],
  ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-01T10:05Z'],
  ['set', 'add', 'Bench Press', '100x5', '--at', '2025-07-01T10:10Z'],
  ['session', 'end', '--at', '2025-07-01T11:00Z'],
  ['session', 'start', '--at', '2025-07-08T09:59Z'],
  ['set', 'add', 'Bench Press', '225lb x 5', '--at', '2025-07-08T10:00Z'],
  ['set', 'add', 'Bench Press', '95x8', '--type', 'drop', '--at', '2025-07-08T10:05Z'],
  ['set', 'add', 'Squat', '140x5', '--at', '2025-07-08T10:30Z'],
  ['session', 'end', '--at', '2025-07-08T11:00Z'],
  ['session', 'start', '--at', '2025-07-15T09:59Z'],
  ['set', 'add', 'Bench Press', '90x5', '--at', '2025-07-15T10:00Z'],
  ['set', 'add', 'Bench Press', '200x1', '--type', 'warmup', '--at', '2025-07-15T10:05Z'],
  ['session', 'end', '--at', '2025-07-15T11:00Z'],
  ['session', 'start', '--at', '2025-07-22T09:59Z'],
  ['set', 'add', 'Bench Press', '105x3', '--rpe', '9', '--at', '2025-07-22T10:00Z'],
  ['set', 'add', 'Bench Press', '100x15', '--at', '2025-07-22T10:05Z'],
];

describe('workout history', () => {
  test('per session: sets, top set, e1RM and volume equal to sums from the export; records marked', async () => {
    const results = await runCliBatch(
      db,
      [
        ...LOG,
        ['--json', 'history', 'bench press'],
        ['history', 'Bench Press'],
        ['--json', 'export', '--format', 'json'],
        ['--json', 'history', 'Bench Press', '--from', '2025-07-08', '--to', '2025-07-15'],
        ['--json', 'history', 'Bench Press', '--limit', '1'],
        ['config', 'set', 'unit', 'lb'],
        ['--json', 'history', 'Bench Press', '--limit', '1'],
        ['--json', 'history', 'Bench Press', '--limit', '1', '--unit', 'kg'],
        ['history', 'Deadlift'],
      ],
      { env: { TZ: 'UTC' } },
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const [json, text, exported, ranged, latest, , inPounds, overridden, none] = results.slice(LOG.length);
    const history = JSON.parse(json!.stdout) as HistoryJson;
    expect(history.unit).toBe('kg');
    expect(history.sessions.map((s) => s.started_at.slice(0, 10))).toEqual([
      '2025-07-22',
      '2025-07-15',
      '2025-07-08',
      '2025-07-01',
    ]);

    // Totals from the export, grouped by session (source keys tie the two together).
    const keys = new Map(
      (await db.query<{ id: number; source_key: string }>('SELECT id::int AS id, source_key FROM workout_session')).map(
        (row) => [row.id, row.source_key],
      ),
    );
    const bench = (JSON.parse(exported!.stdout) as ExportedSet[]).filter((set) => set.exercise === 'Bench Press');
    const bySession = groupBy(bench, (set) => set.session_key);
    expect(history.sessions).toHaveLength(bySession.size);
    for (const session of history.sessions) {
      const sets = bySession.get(keys.get(session.session_id)!)!;
      expect(session.sets).toHaveLength(sets.length);
      expect(session.volume_kg).toBeCloseTo(volumeKg(sets), 6);
      const e1rm = bestE1rmKg(sets);
      if (e1rm === null) expect(session.e1rm_kg).toBeNull();
      else expect(session.e1rm_kg).toBeCloseTo(e1rm, 3);
    }
    // Records against every earlier session: the first sets them all; 225 lb (102.06 kg) beats 100 kg;
    // 90x5 beats nothing (the 200 kg warm-up never counts); 105x3 is heavier, 100x15 a new 15-rep max and volume.
    expect(
      history.sessions.map((s) => s.records.map((r) => (r.kind === 'rep_max' ? `${r.reps}RM` : r.kind)).join(' ')),
    ).toEqual(['heaviest 3RM 15RM volume', '', 'e1rm heaviest 5RM 8RM volume', 'e1rm heaviest 5RM volume']);
    expect(history.sessions[2]!.top_set).toMatchObject({ weight: 225, unit: 'lb', reps: 5 });
    expect(history.sessions[1]!.top_set).toMatchObject({ weight: 90, unit: 'kg', reps: 5 });

    expect(text!.stdout.replace(/─+/g, '-')).toContain('│ 2025-07-08 │ 225lbx5, 95x8d ');
    expect(text!.stdout).toContain('│ 2025-07-15 │ 90x5, 200x1w ');
    expect(text!.stdout).toMatch(
      /│ 2025-07-01 │ 60x10w, 100x5, 100x5 +│ 100 kg x 5 +│ 116\.667 +│ 1000 +│ PR e1RM, heaviest, 5RM, volume/,
    );

    expect((JSON.parse(ranged!.stdout) as HistoryJson).sessions.map((s) => s.started_at.slice(0, 10))).toEqual([
      '2025-07-15',
      '2025-07-08',
    ]);
    const [newest] = (JSON.parse(latest!.stdout) as HistoryJson).sessions;
    expect(newest!.started_at.slice(0, 10)).toBe('2025-07-22');
    // In the user's unit, or in --unit: kilograms always beside.
    const [pounds] = (JSON.parse(inPounds!.stdout) as HistoryJson).sessions;
    expect(pounds!.volume).toBeCloseTo(newest!.volume_kg / 0.45359237, 2);
    expect(pounds!.volume_kg).toBe(newest!.volume_kg);
    expect(pounds!.sets.map((set) => `${set.weight} ${set.unit}`)).toEqual(['105 kg', '100 kg']);
    expect((JSON.parse(overridden!.stdout) as HistoryJson).sessions[0]!.volume).toBe(newest!.volume);
    expect(none!.stdout).toBe('No sets of Deadlift in this range.\n');
  });

  test('bad dates, limits and units: exit 2, one line, nothing written', async () => {
    await runCliBatch(db, [LOG[1]!]);
    const before = await snapshotDatabase(db);
    const results = await runCliBatch(db, [
      ['history', 'Bench Press', '--from', 'last week'],
      ['history', 'Bench Press', '--to', '2025-02-30'],
      ['history', 'Bench Press', '--from', '2025-08-01', '--to', '2025-07-01'],
      ['history', 'Bench Press', '--limit', '0'],
      ['history', 'Bench Press', '--unit', 'stone'],
      ['history'],
    ]);
    expect(results.map((result) => [result.code, result.stdout, result.stderr.split('\n').length])).toEqual(
      Array(6).fill([2, '', 2]),
    );
    expect(results.map((result) => result.stderr)).toEqual([
      'workout: --from "last week" is not a date; use an ISO date (2025-07-23) or a span back from today (10d, 12w, 6m, 1y)\n',
      'workout: --to "2025-02-30" is not a real date between 1900 and 2200\n',
      'workout: --from "2025-08-01" is after --to "2025-07-01"\n',
      'workout: --limit must be from 1 to 100000\n',
      'workout: --unit must be kg or lb\n',
      "workout: missing required argument 'exercise'\n",
    ]);
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);
  });
});
