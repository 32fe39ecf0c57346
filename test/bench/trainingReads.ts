/**
 * Item 7: the training reads, issue 12's figures. One lifter with ten years of history
 * (300,000 sets: ~2 sessions a day of 10 exercises x 4 sets; the exercise read has ~25,000)
 * among 10,000 other users (10 sessions each), generated in SQL (lib/trainingHistory.ts).
 * For `last`, `history` (10 sessions), `progress` and `stats` (both over all ten years),
 * the statements the CLI's own query functions send are captured and run again under
 * EXPLAIN ANALYZE: the figure is the server's execution time (median), against the
 * issue's target, and every scan of a growing table must be an index scan.
 * Run: npx vite-node test/bench/trainingReads.ts
 * BENCH_TRAINING_DATABASE=name measures an existing database of that shape (kept).
 */
import pg from 'pg';
import { createPool, type DatabasePool, type Interceptor } from 'slonik';
import { resolveConnection } from '../../src/db/connectionConfig.js';
import { createCliDriverFactory } from '../../src/db/driver.js';
import { exerciseHistory, exerciseSessions } from '../../src/db/queries/exerciseHistory.js';
import { lastSets } from '../../src/db/queries/lastSets.js';
import { readingUser } from '../../src/db/queries/readingUser.js';
import { listRecords } from '../../src/db/queries/records.js';
import { sessionStarts } from '../../src/db/queries/sessionStarts.js';
import { sessionTotals } from '../../src/db/queries/sessionTotals.js';
import { topExercises } from '../../src/db/queries/topExercises.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { median, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { ADMIN_URL, createScratchDatabase, dropOnInterrupt, type ScratchDatabase } from './lib/scratch.js';
import { generateTrainingHistory, LIFTER, READ_EXERCISE } from './lib/trainingHistory.js';

const GROWING = /\bon (app_user|exercise|workout_session|workout_log|personal_record|session_exercise_totals)\b/;
const ALL_TIME = { from: null, to: null };
/** Issue 12's targets: server time per command. */
const TARGET_MS = { last: 20, history: 20, progress: 200, stats: 200 } as const;
type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] };

function seqScans(plan: Plan): string[] {
  const own =
    plan['Node Type'] === 'Seq Scan' && GROWING.test(`on ${plan['Relation Name']}`) ? [plan['Relation Name']!] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(seqScans)];
}

/** The database to measure: BENCH_TRAINING_DATABASE as it is, else a scratch one filled with issue 12's shape. */
async function subject(
  databases: ScratchDatabase[],
): Promise<{ url: string; sets: number; drop: () => Promise<void> }> {
  const existing = process.env.BENCH_TRAINING_DATABASE;
  if (existing) return { url: serverUrl(ADMIN_URL, existing), sets: Number.NaN, drop: async () => {} };
  const db = await createScratchDatabase('training');
  databases.push(db);
  const { lifterSets } = await generateTrainingHistory(db, { sessions: 7500, others: 10_000, otherSessions: 10 });
  return { url: db.url, sets: lifterSets, drop: db.drop };
}

async function main(): Promise<BenchResult> {
  const databases: ScratchDatabase[] = [];
  dropOnInterrupt(databases);
  const db = await subject(databases);
  try {
    const captured: Array<{ sql: string; values: readonly unknown[] }> = [];
    const capture: Interceptor = {
      name: 'capture',
      beforeQueryExecution: (_context, query) => {
        captured.push({ sql: query.sql, values: query.values });
        return null;
      },
    };
    const pool = await createPool(db.url, {
      driverFactory: createCliDriverFactory({
        connection: resolveConnection(db.url),
        connectTimeoutMs: 5000,
        timeouts: { lockMs: 10_000, statementMs: 60_000 },
        queryTimeoutMs: undefined,
      }),
      interceptors: [capture],
      maximumPoolSize: 1,
      resetConnection: async () => {}, // as the CLI's pool (src/db/database.ts): no DISCARD ALL
      typeParsers: [],
    });
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => {}); // the drop at the end ends this connection too
    await client.connect();
    // What each command sends (see src/commands/<name>/actions.ts), the user read first.
    const user = async (p: DatabasePool) => (await readingUser(p, LIFTER))!.id;
    const reads: Record<keyof typeof TARGET_MS, (pool: DatabasePool) => Promise<unknown>> = {
      last: async (p) => lastSets(p, await user(p), READ_EXERCISE),
      history: async (p) => exerciseHistory(p, await user(p), READ_EXERCISE, ALL_TIME, 10),
      progress: async (p) => exerciseSessions(p, await user(p), READ_EXERCISE, ALL_TIME),
      stats: async (p) => {
        const id = await user(p);
        await sessionTotals(p, id, ALL_TIME);
        await topExercises(p, id, ALL_TIME, 5);
        await sessionStarts(p, id);
        await listRecords(p, id, undefined);
      },
    };
    const rows: BenchResult['rows'] = [];
    const notes: string[] = [];
    for (const [name, read] of Object.entries(reads) as Array<
      [keyof typeof TARGET_MS, (p: DatabasePool) => Promise<unknown>]
    >) {
      captured.length = 0;
      await read(pool);
      const statements = [...captured];
      const times: number[] = [];
      const scans = new Set<string>();
      for (let round = 0; round < rounds(10); round++) {
        let total = 0;
        await client.query('BEGIN');
        for (const statement of statements) {
          // A setting for the read (SET LOCAL work_mem) is applied as it was, not explained.
          if (/^\s*SET /.test(statement.sql)) {
            await client.query(statement.sql, [...statement.values]);
            continue;
          }
          const { rows: explained } = await client.query<{
            'QUERY PLAN': Array<{ Plan: Plan; 'Execution Time': number }>;
          }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.sql}`, [...statement.values]);
          const [result] = explained[0]!['QUERY PLAN'];
          total += result!['Execution Time'];
          for (const scan of seqScans(result!.Plan)) scans.add(scan);
        }
        await client.query('ROLLBACK');
        times.push(total);
      }
      const value = median(times);
      rows.push({
        item: `7. ${name}, one user's ${Number.isNaN(db.sets) ? '' : `${db.sets.toLocaleString('en-US')} `}sets among 10,000 users`,
        measure: 'server time (median)',
        value,
        unit: 'ms',
        target: `<= ${TARGET_MS[name]} ms, index scans only`,
        met: value <= TARGET_MS[name] && scans.size === 0,
      });
      notes.push(
        `${name}: ${statements.length} statement(s); sequential scans of growing tables: ${[...scans].join(', ') || 'none'}`,
      );
    }
    await client.end();
    await pool.end();
    return {
      name: 'trainingReads',
      title: 'Training reads over ten years of history (server time, EXPLAIN ANALYZE)',
      rows,
      notes,
    };
  } finally {
    await db.drop();
  }
}

runBench(main);
