import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import {
  canonicalRecords,
  type ExpectedRecord,
  expectedRecords,
  LOGGED_SETS_SQL,
  type LoggedSet,
  STORED_RECORDS_SQL,
  sortRecords,
} from '../helpers/expectedRecords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type Raised = { kind: string; reps: number; value: number; previous: number | null };
/** A set add, and either the records its --json says it now holds, or its exact text output. */
type Step = { set: string[]; why: string; raised?: Raised[]; stdout?: string };

const r = (kind: string, reps: number, value: number, previous: number | null = null): Raised => ({
  kind,
  reps,
  value,
  previous,
});

/** Runs the steps in order (one CLI run each, batched in one process), then checks each. */
async function runSteps(exercise: string, steps: Step[]): Promise<void> {
  const results = await runCliBatch(
    db,
    steps.map((step) => [...(step.raised ? ['--json'] : []), 'set', 'add', exercise, ...step.set]),
  );
  steps.forEach((step, index) => {
    const result = results[index]!;
    const label = `${step.set.join(' ')} (${step.why})`;
    expect(result.code, `${label}: ${result.stderr}`).toBe(0);
    if (step.raised)
      expect(sortRecords((JSON.parse(result.stdout) as { records: Raised[] }).records), label).toEqual(
        sortRecords(step.raised),
      );
    if (step.stdout !== undefined) expect(result.stdout, label).toBe(step.stdout);
  });
}

/** The stored records equal a recomputation from the remaining sets (rules written again in the test). */
async function expectRecordsMatchHistory(user: string, exercise: string): Promise<ExpectedRecord[]> {
  const stored = canonicalRecords(await db.query<ExpectedRecord>(STORED_RECORDS_SQL, [user, exercise]));
  expect(stored).toEqual(expectedRecords(await db.query<LoggedSet>(LOGGED_SETS_SQL, [user, exercise])));
  return stored;
}

describe('personal records', () => {
  test('the rules in SQL, case by case (Epley up to 12 reps, warm-ups, bodyweight, lb to kg)', async () => {
    const cases: Array<[weight: string, reps: number, bodyweight: boolean, type: string, expected: string]> = [
      ['100', 5, false, 'normal', 'e1rm/0=116.6667 heaviest/0=100 rep_max/5=100 volume/0=500'],
      ['100', 1, false, 'normal', 'e1rm/0=100 heaviest/0=100 rep_max/1=100 volume/0=100'],
      ['100', 12, false, 'failure', 'e1rm/0=140.0000 heaviest/0=100 rep_max/12=100 volume/0=1200'],
      ['100', 13, false, 'drop', 'heaviest/0=100 rep_max/13=100 volume/0=1300'],
      ['100', 5, false, 'warmup', ''],
      ['0', 12, true, 'normal', 'most_reps/0=12'],
      ['0', 12, true, 'warmup', ''],
      ['20', 5, true, 'normal', 'e1rm/0=23.3333 heaviest/0=20 rep_max/5=20 volume/0=100'],
      ['0', 5, false, 'normal', ''],
    ];
    const rows = await db.query<{ i: number; records: string }>(
      `SELECT t.i, coalesce(string_agg(c.kind || '/' || c.reps || '=' || c.value, ' ' ORDER BY c.kind, c.reps), '') AS records
       FROM unnest($1::numeric[], $2::int[], $3::bool[], $4::text[]) WITH ORDINALITY AS t (weight, reps, bodyweight, set_type, i)
       LEFT JOIN LATERAL workout_record_candidates(t.weight, t.reps, t.bodyweight, t.set_type) c ON true
       GROUP BY t.i ORDER BY t.i`,
      [cases.map((c) => c[0]), cases.map((c) => c[1]), cases.map((c) => c[2]), cases.map((c) => c[3])],
    );
    expect(rows.map((row) => row.records)).toEqual(cases.map((c) => c[4]));
    const [conversions] = await db.query<{ lb: string; kg: string; e1rm_one: string; e1rm_thirteen: string | null }>(
      `SELECT workout_to_kg(225, 'lb')::text AS lb, workout_to_kg(225, 'kg')::text AS kg,
              workout_e1rm(102.5, 1)::text AS e1rm_one, workout_e1rm(100, 13)::text AS e1rm_thirteen`,
    );
    expect(conversions).toEqual({ lb: '102.05828325', kg: '225', e1rm_one: '102.5', e1rm_thirteen: null });
  });

  test('warm-ups, ties, e1RM up to 12 reps, rep records per exact N, and set undo restoring the previous record', async () => {
    await runSteps('Bench Press', [
      { set: ['200x1', '--type', 'warmup'], why: 'warm-ups never count, however heavy', raised: [] },
      {
        set: ['100x5'],
        why: 'first records',
        raised: [r('heaviest', 0, 100), r('e1rm', 0, 116.667), r('volume', 0, 500), r('rep_max', 5, 100)],
      },
      { set: ['100', 'x', '5'], why: 'a tie keeps the older record', raised: [] },
      {
        set: ['90x8'],
        why: 'more volume, a new 8-rep record',
        raised: [r('volume', 0, 720, 500), r('rep_max', 8, 90)],
      },
      {
        set: ['120x1', '--type', 'failure'],
        why: 'a single: e1RM is the weight; failure sets count',
        raised: [r('heaviest', 0, 120, 100), r('e1rm', 0, 120, 116.667), r('rep_max', 1, 120)],
      },
      { set: ['80x13'], why: 'no e1RM beyond 12 reps', raised: [r('volume', 0, 1040, 720), r('rep_max', 13, 80)] },
      {
        set: ['100x12'],
        why: 'Epley at 12 reps',
        raised: [r('e1rm', 0, 140, 120), r('volume', 0, 1200, 1040), r('rep_max', 12, 100)],
      },
      {
        set: ['125x5', '--type', 'drop'],
        why: 'drop sets count',
        stdout:
          'Bench Press: set 8, 125 kg x 5 (drop)\nNew PR: heaviest weight 125 kg, was 120 kg\n' +
          'New PR: best estimated 1RM 145.833 kg, was 140 kg\nNew PR: 5-rep max 125 kg, was 100 kg\n',
      },
    ]);
    const ids = (await db.query<{ id: number }>('SELECT id::int AS id FROM workout_log ORDER BY id')).map(
      (row) => row.id,
    );
    await expectRecordsMatchHistory('tester', 'Bench Press');

    const [undo, list] = await runCliBatch(db, [
      ['set', 'undo'],
      ['pr', 'list'],
    ]);
    expect(undo).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Removed Bench Press set 8 \(125 kg x 5\) from session \d+\.\n$/),
    });
    const restored = await expectRecordsMatchHistory('tester', 'Bench Press');
    const held = (kind: string, reps = 0) => restored.find((record) => record.kind === kind && record.reps === reps);
    expect(held('heaviest')).toEqual({ kind: 'heaviest', reps: 0, value: '120', log_id: ids[4] });
    expect(held('e1rm')).toEqual({ kind: 'e1rm', reps: 0, value: '140', log_id: ids[6] });
    // Of the two 100x5 sets the older one gets the 5-rep record back.
    expect(held('rep_max', 5)).toEqual({ kind: 'rep_max', reps: 5, value: '100', log_id: ids[1] });
    expect(restored.map((record) => `${record.kind}/${record.reps}=${record.value}`)).toEqual([
      'e1rm/0=140',
      'heaviest/0=120',
      'rep_max/1=120',
      'rep_max/5=100',
      'rep_max/8=90',
      'rep_max/12=100',
      'rep_max/13=80',
      'volume/0=1200',
    ]);
    // pr list ran after the undo: the table shows the restored records.
    expect(list!.code).toBe(0);
    for (const line of [
      /heaviest weight\s+│ 120 kg/,
      /best estimated 1RM\s+│ 140 kg/,
      /best set volume\s+│ 1200 kg/,
      /5-rep max\s+│ 100 kg/,
      /13-rep max\s+│ 80 kg/,
    ]) {
      expect(list!.stdout).toMatch(line);
    }
  });

  test('bodyweight sets hold "most reps"; weighted bodyweight sets hold the added load', async () => {
    await runSteps('Pull Up', [
      { set: ['bw', 'x', '12'], why: 'plain bodyweight: most reps only', raised: [r('most_reps', 0, 12)] },
      { set: ['bw x 10'], why: 'fewer reps', raised: [] },
      {
        set: ['bw+20x5'],
        why: 'the added load counts',
        raised: [r('heaviest', 0, 20), r('e1rm', 0, 23.333), r('volume', 0, 100), r('rep_max', 5, 20)],
      },
      { set: ['BWx15'], why: 'more reps', stdout: 'Pull Up: set 4, bw x 15\nNew PR: most reps 15 reps, was 12 reps\n' },
      {
        set: ['bw + 22.5 kg x 5'],
        why: 'more added load',
        stdout:
          'Pull Up: set 5, bw+22.5 kg x 5\nNew PR: heaviest weight 22.5 kg, was 20 kg\nNew PR: best estimated 1RM 26.25 kg, was 23.333 kg\n' +
          'New PR: best set volume 112.5 kg, was 100 kg\nNew PR: 5-rep max 22.5 kg, was 20 kg\n',
      },
    ]);
    await expectRecordsMatchHistory('tester', 'Pull Up');
    const [list] = await runCliBatch(db, [['pr', 'list', '--exercise', 'pull up']]);
    expect(list!.stdout).toMatch(/most reps\s+│ 15 reps/);
    expect(list!.stdout).toMatch(/heaviest weight\s+│ 22.5 kg/);
  });

  test('kg/lb round trip: 225 lb in shows 225 lb out in set add and session show; pr list in the unit asked for', async () => {
    const [first, second, kilos, beaten, show, showJson, list, listJson] = await runCliBatch(db, [
      ['set', 'add', 'Squat', '225lb', 'x', '5'],
      ['--json', 'set', 'add', 'Squat', '--weight', '230', '--reps', '5', '--unit', 'lb'],
      ['set', 'add', 'Squat', '100kg', 'x3'],
      ['set', 'add', 'Squat', '232.5 lbs x 5'],
      ['session', 'show'],
      ['--json', 'session', 'show'],
      ['pr', 'list', '--exercise', 'Squat', '--unit', 'lb'],
      ['--json', 'pr', 'list'],
    ]);
    expect(first!.stdout).toBe('Squat: set 1, 225 lb x 5\n');
    expect(JSON.parse(second!.stdout)).toMatchObject({
      exercise: 'Squat',
      set_number: 2,
      weight: 230,
      weight_kg: 104.3262451,
      unit: 'lb',
      reps: 5,
      records: expect.arrayContaining([
        r('heaviest', 0, 230, 225),
        r('e1rm', 0, 268.333, 262.5),
        r('volume', 0, 1150, 1125),
      ]),
    });
    // Mixed units: 100 kg (220.5 lb) beats no pound record; its own 3-rep record shows in kg.
    expect(kilos!.stdout).toBe('Squat: set 3, 100 kg x 3\n');
    expect(beaten!.stdout).toBe(
      'Squat: set 4, 232.5 lb x 5\nNew PR: heaviest weight 232.5 lb, was 230 lb\nNew PR: best estimated 1RM 271.25 lb, was 268.333 lb\n' +
        'New PR: best set volume 1162.5 lb, was 1150 lb\nNew PR: 5-rep max 232.5 lb, was 230 lb\n',
    );
    expect(show!.stdout.replace(/ {2}\[id \d+\]/g, '')).toContain(
      'Squat\n   1. 225 lb x 5\n   2. 230 lb x 5\n   3. 100 kg x 3\n   4. 232.5 lb x 5\n',
    );
    const shown = JSON.parse(showJson!.stdout) as { sets: Array<{ weight: number; weight_kg: number; unit: string }> };
    expect(shown.sets.map(({ weight, unit }) => `${weight} ${unit}`)).toEqual([
      '225 lb',
      '230 lb',
      '100 kg',
      '232.5 lb',
    ]);
    expect(shown.sets[0]!.weight_kg).toBe(102.05828325);
    for (const line of [
      /heaviest weight\s+│ 232.5 lb/,
      /best estimated 1RM\s+│ 271.25 lb/,
      /best set volume\s+│ 1162.5 lb/,
      /3-rep max\s+│ 220.462 lb/,
      /5-rep max\s+│ 232.5 lb/,
    ]) {
      expect(list!.stdout).toMatch(line);
    }
    const records = JSON.parse(listJson!.stdout) as Array<{
      kind: string;
      reps: number;
      value: number;
      value_kg: number;
      unit: string;
      set_unit: string;
    }>;
    // The user's unit (kg, the default), exactly; set_unit is how the record's set was logged.
    expect(
      records.map(({ kind, reps, value, unit, set_unit }) => `${kind}/${reps} ${value} ${unit} ${set_unit}`),
    ).toEqual([
      'e1rm/0 123.037 kg lb',
      'heaviest/0 105.46 kg lb',
      'rep_max/3 100 kg kg',
      'rep_max/5 105.46 kg lb',
      'volume/0 527.301 kg lb',
    ]);
    expect(records.find((record) => record.kind === 'heaviest')?.value_kg).toBe(105.460226025);
    const [stored] = await db.query<{ weight: string }>(
      `SELECT weight::text AS weight FROM workout_log WHERE set_number = 1`,
    );
    expect(stored?.weight).toBe('102.05828325');
  });

  test('an equal set backdated before the record moves the record to the older set, and claims no new PR', async () => {
    const [later, older] = await runCliBatch(db, [
      ['set', 'add', 'Row', '100x5', '--at', '2025-07-01T10:00Z'],
      ['set', 'add', 'Row', '100x5', '--at', '2025-06-01T10:00Z'],
    ]);
    expect(later).toMatchObject({ code: 0, stdout: 'Row: set 1, 100 kg x 5\n' });
    // A month earlier: a session of its own.
    expect(older).toMatchObject({ code: 0, stdout: 'Row: set 1, 100 kg x 5\n' });
    const records = await expectRecordsMatchHistory('tester', 'Row');
    const [olderId] = (
      await db.query<{ id: number }>(`SELECT id::int AS id FROM workout_log WHERE performed_at = '2025-06-01T10:00Z'`)
    ).map((row) => row.id);
    expect(records.map((record) => record.log_id)).toEqual(Array(4).fill(olderId));
  });
});
