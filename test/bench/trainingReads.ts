/**
 * Item 7: the training reads at 300,000 sets. One user with 30,000 sessions of 10 sets
 * (10 exercises; the one read, 'Exercise 8', has 90,000 sets), generated in SQL. For `last`, `history` (10 sessions), `progress` (all
 * sessions of one exercise) and `stats` (12 weeks), the statements the CLI's own query
 * functions send are captured and run again under EXPLAIN ANALYZE: the figure is the
 * server's execution time (median), and every scan of a growing table must be an index scan.
 * Run: npx vite-node test/bench/trainingReads.ts
 */
import pg from 'pg';
import { createPool, type DatabasePool, type Interceptor } from 'slonik';
import { resolveConnection } from '../../src/db/connectionConfig.js';
import { createCliDriverFactory } from '../../src/db/driver.js';
import { exerciseHistory } from '../../src/db/queries/exerciseHistory.js';
import { lastSets } from '../../src/db/queries/lastSets.js';
import { sessionTotals } from '../../src/db/queries/sessionTotals.js';
import { topExercises } from '../../src/db/queries/topExercises.js';
import { parseDateRange } from '../../src/domain/dateRange.js';
import { generateHistory } from './lib/history.js';
import { median, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt, type ScratchDatabase } from './lib/scratch.js';

const GROWING = /\bon (app_user|exercise|workout_session|workout_log|personal_record)\b/;
type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] };

function seqScans(plan: Plan): string[] {
  const own =
    plan['Node Type'] === 'Seq Scan' && GROWING.test(`on ${plan['Relation Name']}`) ? [plan['Relation Name']!] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(seqScans)];
}

async function main(): Promise<BenchResult> {
  const databases: ScratchDatabase[] = [];
  dropOnInterrupt(databases);
  const db = await createScratchDatabase('training');
  databases.push(db);
  try {
    const sets = await generateHistory(db, { users: 1, sessionsPerUser: 30_000, setsPerSession: 10, exercises: 10 });
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
      typeParsers: [],
    });
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => {}); // the drop at the end ends this connection too
    await client.connect();
    const reads: Record<string, (pool: DatabasePool) => Promise<unknown>> = {
      last: (p) => lastSets(p, 1, 'Exercise 8'),
      history: (p) => exerciseHistory(p, 1, 'Exercise 8', { from: null, to: null }, 10),
      progress: (p) => exerciseHistory(p, 1, 'Exercise 8', { from: null, to: null }, 1_000_000),
      stats: async (p) => {
        // The generated history ends in 2184: twelve weeks back from its last day.
        const range = parseDateRange('12w', undefined, new Date(2184, 3, 1));
        await sessionTotals(p, 1, range);
        await topExercises(p, 1, range, 5);
      },
    };
    const rows: BenchResult['rows'] = [];
    const notes: string[] = [];
    for (const [name, read] of Object.entries(reads)) {
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
      rows.push({
        item: `7. ${name} at ${sets.toLocaleString('en-US')} sets`,
        measure: 'server time (median)',
        value: median(times),
        unit: 'ms',
        target: 'index scans only',
        met: scans.size === 0,
      });
      notes.push(
        `${name}: ${statements.length} statement(s); sequential scans of growing tables: ${[...scans].join(', ') || 'none'}`,
      );
    }
    await client.end();
    await pool.end();
    return { name: 'trainingReads', title: 'Training reads at 300k sets (server time, EXPLAIN ANALYZE)', rows, notes };
  } finally {
    await db.drop();
  }
}

runBench(main);
