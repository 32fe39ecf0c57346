/**
 * Item 7: the training reads, issue 12's figures. One lifter with ten years of history
 * (300,000 sets: ~2 sessions a day of 10 exercises x 4 sets; the exercise read has ~25,000)
 * among 10,000 other users (10 sessions each), generated in SQL (lib/trainingHistory.ts).
 * For `last`, `history` (10 sessions), `progress` and `stats` (both over all ten years),
 * the statements the CLI's own query functions send are captured and run again under
 * EXPLAIN ANALYZE: the figure is the server's execution time (median), against the
 * issue's target, and every scan of a growing table must be an index scan.
 * The same on the embedded database, which holds one user: the lifter's 300,000 sets alone.
 * Run: npx vite-node test/bench/trainingReads.ts
 * BENCH_TRAINING_DATABASE=name (a server database) and BENCH_TRAINING_HOME=dir (an embedded
 * data folder) measure existing ones of that shape (kept).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPool, type DatabasePool, type Interceptor } from 'slonik';
import { resolveConnection } from '../../src/db/connectionConfig.js';
import { createCliDriverFactory } from '../../src/db/driver.js';
import { startEmbedded } from '../../src/db/embedded.js';
import { exerciseHistory, exerciseSessions } from '../../src/db/queries/exerciseHistory.js';
import { lastSets } from '../../src/db/queries/lastSets.js';
import { readingUser } from '../../src/db/queries/readingUser.js';
import { listRecords } from '../../src/db/queries/records.js';
import { sessionStarts } from '../../src/db/queries/sessionStarts.js';
import { sessionTotals } from '../../src/db/queries/sessionTotals.js';
import { topExercises } from '../../src/db/queries/topExercises.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import {
  ADMIN_URL,
  createScratchDatabase,
  dropOnInterrupt,
  lazyConnection,
  type ScratchDatabase,
  workout,
} from './lib/scratch.js';
import { generateTrainingHistory, LIFTER, READ_EXERCISE } from './lib/trainingHistory.js';

const GROWING = /\bon (app_user|exercise|workout_session|workout_log|personal_record|session_exercise_totals)\b/;
const ALL_TIME = { from: null, to: null };
const READS = ['last', 'history', 'progress', 'stats'] as const;
/** Unmeasured rounds on the embedded database before its median (listed in the notes). */
const EMBEDDED_WARMUP = 5;
type Read = (typeof READS)[number];
type Statement = { sql: string; values: readonly unknown[] };
/** Issue 12's targets: server time per command. */
const TARGET_MS = { last: 20, history: 20, progress: 200, stats: 200 } as const;
type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] };

function seqScans(plan: Plan): string[] {
  const own =
    plan['Node Type'] === 'Seq Scan' && GROWING.test(`on ${plan['Relation Name']}`) ? [plan['Relation Name']!] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(seqScans)];
}

type Subject = {
  backend: 'server' | 'embedded';
  /** Who is in the database besides the lifter. */
  shape: string;
  url: string;
  /** The lifter's sets (NaN for a kept database). */
  sets: number;
  drop: () => Promise<void>;
};

const SHAPE = { sessions: 7500, others: 10_000, otherSessions: 10 };

/** The server database: BENCH_TRAINING_DATABASE as it is, else a scratch one filled with issue 12's shape. */
async function serverSubject(databases: ScratchDatabase[]): Promise<Subject> {
  const shape = 'among 10,000 users';
  const existing = process.env.BENCH_TRAINING_DATABASE;
  if (existing)
    return { backend: 'server', shape, url: serverUrl(ADMIN_URL, existing), sets: Number.NaN, drop: async () => {} };
  const db = await createScratchDatabase('training');
  databases.push(db);
  const { lifterSets } = await generateTrainingHistory(db, SHAPE);
  return { backend: 'server', shape, url: db.url, sets: lifterSets, drop: db.drop };
}

/**
 * The embedded database holds its one user: BENCH_TRAINING_HOME (a WORKOUT_HOME) as it
 * is, else a fresh folder migrated by the CLI and filled with the lifter alone. PGlite is
 * served on a loopback port as the CLI serves it (src/db/embedded.ts).
 */
async function embeddedSubject(): Promise<Subject> {
  const existing = process.env.BENCH_TRAINING_HOME;
  const home = existing ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-training-'));
  const remove = () => (existing ? undefined : fs.rmSync(home, { recursive: true, force: true }));
  try {
    // In-process: a background server would hold the folder that startEmbedded opens below.
    if (!existing)
      ok(
        await workout(['db', 'migrate'], { WORKOUT_HOME: home, WORKOUT_SERVER: '0' }),
        'workout db migrate (embedded)',
      );
    const server = await startEmbedded(home, 10_000);
    const sets = existing
      ? Number.NaN
      : (await generateTrainingHistory(lazyConnection(server.connectionString), { ...SHAPE, others: 0 })).lifterSets;
    return {
      backend: 'embedded',
      shape: 'alone (embedded)',
      url: server.connectionString,
      sets,
      drop: async () => {
        await server.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** What each command sends (see src/commands/<name>/actions.ts), captured through the CLI's own driver. */
async function captureStatements(url: string): Promise<Record<Read, Statement[]>> {
  const captured: Statement[] = [];
  const capture: Interceptor = {
    name: 'capture',
    beforeQueryExecution: (_context, query) => {
      captured.push({ sql: query.sql, values: query.values });
      return null;
    },
  };
  const pool = await createPool(url, {
    driverFactory: createCliDriverFactory({
      connection: resolveConnection(url),
      connectTimeoutMs: 5000,
      timeouts: { lockMs: 10_000, statementMs: 60_000 },
      queryTimeoutMs: undefined,
    }),
    interceptors: [capture],
    maximumPoolSize: 1,
    resetConnection: async () => {}, // as the CLI's pool (src/db/database.ts): no DISCARD ALL
    typeParsers: [],
  });
  const user = async (p: DatabasePool) => (await readingUser(p, LIFTER))!.id;
  const reads: Record<Read, (pool: DatabasePool) => Promise<unknown>> = {
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
  const statements = {} as Record<Read, Statement[]>;
  try {
    for (const read of READS) {
      captured.length = 0;
      await reads[read](pool);
      statements[read] = [...captured];
    }
  } finally {
    // The embedded database serves one connection at a time.
    await pool.end();
  }
  return statements;
}

/** Each read's statements again under EXPLAIN ANALYZE, `rounds` times: median server time and the growing tables scanned sequentially. */
async function measure(subject: Subject): Promise<{ rows: BenchResult['rows']; notes: string[] }> {
  const statements = await captureStatements(subject.url);
  const client = new pg.Client({ connectionString: subject.url });
  client.on('error', () => {}); // the drop at the end ends this connection too
  await client.connect();
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  try {
    for (const read of READS) {
      const times: number[] = [];
      const scans = new Set<string>();
      // Embedded: the background server serves repeated commands from one warm PGlite, whose
      // WebAssembly is compiled further as it runs; its first rounds are reported apart.
      const warmup = subject.backend === 'embedded' ? EMBEDDED_WARMUP : 0;
      for (let round = 0; round < warmup + rounds(10); round++) {
        let total = 0;
        await client.query('BEGIN');
        for (const statement of statements[read]) {
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
      const first = times.slice(0, warmup);
      const value = median(times.slice(warmup));
      const sets = Number.isNaN(subject.sets) ? '' : `${subject.sets.toLocaleString('en-US')} `;
      // Alone in its database, the user's rows are the whole table: a read of all ten years
      // reads it whole, and no other user's data can make it grow.
      const indexOnly = subject.backend === 'server';
      rows.push({
        item: `7. ${read}, ${subject.backend}: one user's ${sets}sets ${subject.shape}`,
        measure: 'server time (median)',
        value,
        unit: 'ms',
        target: `<= ${TARGET_MS[read]} ms${indexOnly ? ', index scans only' : ''}`,
        met: value <= TARGET_MS[read] && (!indexOnly || scans.size === 0),
      });
      notes.push(
        `${read} (${subject.backend}): ${statements[read].length} statement(s)${first.length ? `; first rounds ${first.map((ms) => ms.toFixed(0)).join(', ')} ms` : ''}; sequential scans of growing tables: ${[...scans].join(', ') || 'none'}`,
      );
    }
  } finally {
    await client.end();
  }
  return { rows, notes };
}

async function main(): Promise<BenchResult> {
  const databases: ScratchDatabase[] = [];
  dropOnInterrupt(databases);
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  for (const open of [() => serverSubject(databases), embeddedSubject]) {
    const subject = await open();
    try {
      const measured = await measure(subject);
      rows.push(...measured.rows);
      notes.push(...measured.notes);
    } finally {
      await subject.drop();
    }
  }
  notes.push(
    `embedded: PGlite runs every round in this one process, as the background server runs the commands it serves; the median is of the rounds after the first ${EMBEDDED_WARMUP}`,
  );
  return {
    name: 'trainingReads',
    title: 'Training reads over ten years of history (server time, EXPLAIN ANALYZE)',
    rows,
    notes,
  };
}

runBench(main);
