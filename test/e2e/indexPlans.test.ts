import { createPool, type Interceptor, type Query } from 'slonik';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConnection } from '../../src/db/connectionConfig.js';
import { createCliDriverFactory } from '../../src/db/driver.js';
import { addSets } from '../../src/db/queries/addSet.js';
import type { NewSets } from '../../src/domain/newSet.js';
import type { WrittenSet } from '../../src/domain/setList.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

// 500 users x 20 sessions (the last one active) x 4 exercises x 5 sets = 200,000 sets, and their records.
const LOAD = [
  `INSERT INTO app_user (name) SELECT 'user ' || u FROM generate_series(1, 500) u`,
  `INSERT INTO exercise (name) SELECT 'Lift ' || e FROM generate_series(1, 20) e`,
  `INSERT INTO workout_session (user_id, start_time, end_time)
   SELECT u.id, timestamptz '2024-01-01' + s * interval '2 days',
          CASE WHEN s < 20 THEN timestamptz '2024-01-01' + s * interval '2 days' + interval '1 hour' END
   FROM app_user u CROSS JOIN generate_series(1, 20) s`,
  `INSERT INTO workout_log (session_id, user_id, exercise_id, set_number, weight, unit, reps, performed_at)
   SELECT s.id, s.user_id, e.id, n, 40 + n * 10 + (s.id % 7), 'kg', 1 + (s.id + n) % 12, s.start_time + n * interval '1 minute'
   FROM workout_session s
   CROSS JOIN LATERAL (SELECT id FROM exercise ORDER BY id LIMIT 4 OFFSET s.id % 16) e
   CROSS JOIN generate_series(1, 5) n`,
  // Their records, as a rebuild would store them.
  `INSERT INTO personal_record (user_id, exercise_id, kind, reps, value, log_id, achieved_at)
   SELECT DISTINCT ON (l.user_id, l.exercise_id, c.kind, c.reps) l.user_id, l.exercise_id, c.kind, c.reps, c.value, l.id, l.performed_at
   FROM workout_log l CROSS JOIN LATERAL workout_record_candidates(l.weight, l.reps, l.bodyweight, l.set_type) c
   ORDER BY l.user_id, l.exercise_id, c.kind, c.reps, c.value DESC, l.performed_at, l.id`,
  `ANALYZE`,
];

class Captured extends Error {}

/** The SQL text and values `set add` sends for its second statement, captured before it runs. */
async function captureAddSetStatement(url: string, set: NewSets): Promise<Query> {
  let captured: Query | undefined;
  const interceptor: Interceptor = {
    name: 'capture-add-set',
    beforeQueryExecution: (_context, query) => {
      if (!/INSERT INTO workout_log/.test(query.sql)) return null;
      captured = query;
      throw new Captured('captured; roll back');
    },
  };
  const pool = await createPool(url, {
    driverFactory: createCliDriverFactory({
      connection: resolveConnection(url),
      connectTimeoutMs: 5000,
      timeouts: { lockMs: 10_000, statementMs: 60_000 },
      queryTimeoutMs: undefined,
    }),
    interceptors: [interceptor],
    maximumPoolSize: 1,
    typeParsers: [],
  });
  try {
    await expect(addSets(pool, set)).rejects.toThrow();
  } finally {
    await pool.end();
  }
  if (!captured) throw new Error('set add sent no INSERT INTO workout_log');
  return captured;
}

/** The text between a plan's `CTE name` line and the next CTE/InitPlan at the same depth. */
function ctePlan(plan: string, name: string): string {
  const start = plan.indexOf(`CTE ${name}\n`);
  if (start < 0) throw new Error(`no CTE ${name} in plan:\n${plan}`);
  const rest = plan.slice(start + 1);
  const end = rest.search(/\n {2}(CTE|InitPlan) /);
  return end < 0 ? rest : rest.slice(0, end);
}

describe.skipIf(BACKEND !== 'server')('the hot path uses the composite indexes (server, 200k sets)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    for (const statement of LOAD) await db.query(statement);
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('the data is loaded', async () => {
    const [counts] = await db.query<{ sets: number; users: number; active: number; records: boolean }>(`
      SELECT (SELECT count(*)::int FROM workout_log) AS sets,
             (SELECT count(*)::int FROM personal_record) > 10000 AS records,
             (SELECT count(DISTINCT user_id)::int FROM workout_log) AS users,
             (SELECT count(*)::int FROM workout_session WHERE end_time IS NULL) AS active`);
    expect(counts).toEqual({ sets: 200_000, records: true, users: 500, active: 500 });
  });

  /** The plan of the statement as the app sends it: same text, same parameters, same protocol. */
  async function planOf(
    performedAt: Date | null,
    sets: WrittenSet[] = [{ kind: 'absolute', weight: '100', unit: 'kg', bodyweight: false, reps: 5 }],
  ): Promise<string> {
    const query = await captureAddSetStatement(db.url!, {
      userName: 'user 250',
      exercise: 'Lift 9',
      sets,
      rpe: null,
      setType: 'normal',
      notes: null,
      performedAt,
    });
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${query.sql}`, [...query.values]);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  test.each([
    ['now', null],
    ['backdated (--at)', new Date('2024-01-20T10:00:00Z')],
  ])(
    'set add (%s): session lookups on idx_user_active_session, set numbers on idx_session_exercise',
    async (_, performedAt) => {
      const plan = await planOf(performedAt);

      // "The user's active or latest session": a backward index scan, first row only.
      expect(ctePlan(plan, 'latest')).toMatch(
        /Index (Only )?Scan Backward using idx_user_active_session on workout_session/,
      );
      // "The last set number of this exercise in this session", inside the INSERT's CTE.
      expect(ctePlan(plan, 'new_set')).toMatch(
        /Index (Only )?Scan Backward using idx_session_exercise on workout_log l\n\s+Index Cond: \(\(session_id = \w+\.id\) AND \(exercise_id = /,
      );
      // The active session's last set: its sets, found by the session's prefix of the same index.
      expect(ctePlan(plan, 'active')).toMatch(
        /(Bitmap Index Scan on|Index (Only )?Scan using) idx_session_exercise( on workout_log done)?\n\s+Index Cond: \(session_id = /,
      );
      // With --at, the ended session nearest the set's time: a range scan on (user_id, end_time).
      if (performedAt) {
        expect(plan).toMatch(
          /nearest_ended\n(.*\n){0,4}\s+-> {2}Index Scan using idx_user_active_session on workout_session \w+\n\s+Index Cond: \(\(user_id = \S+\) AND \(end_time >= /,
        );
      }
      // The previous value of each record it raises: the record table's primary key.
      expect(plan).toMatch(/Index Scan using personal_record_pkey on personal_record old/);
      expect(plan).not.toMatch(/Seq Scan/);
    },
  );

  test.each([
    ['now', null],
    ['backdated (--at)', new Date('2024-01-20T10:00:00Z')],
  ])('a relative weight (%s): the last working set is a backward scan of workout_log_exercise_time', async (_, at) => {
    const plan = await planOf(at, [
      { kind: 'relative', change: '2.5', unit: undefined, reps: 5 },
      { kind: 'relative', change: '0', unit: undefined, reps: 5 },
      { kind: 'same' },
      { kind: 'absolute', weight: '100', unit: 'kg', bodyweight: false, reps: 5 },
      { kind: 'relative', change: '-5', unit: 'lb', reps: 8 },
    ]);
    expect(ctePlan(plan, 'resolved')).toMatch(
      /Index Scan Backward using workout_log_exercise_time on workout_log prior\n\s+Index Cond: \(\(user_id = \S+\) AND \(exercise_id = \S+\) AND \(performed_at <= /,
    );
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
