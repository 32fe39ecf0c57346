/**
 * Item 3: what one `set add` sends, read on the server side (statement log and
 * pg_stat_database, see test/helpers/serverLog.ts): connections, transactions,
 * statements inside and outside the transaction, and their server time. Four paths:
 * the first set of a new user and exercise, a set in the active session, a set that
 * starts a new session, and five sets in one command. Target: 1 connection, 1
 * transaction, nothing outside it, <= 5 statements counting BEGIN and COMMIT (<= 6 for
 * five sets).  Run: npx vite-node test/bench/statements.ts
 */
import { type ServerActivity, watchDatabase } from '../helpers/serverLog.js';
import { median, ok, rounds } from './lib/measure.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import { ADMIN_URL, createScratchDatabase, dropOnInterrupt, workout } from './lib/scratch.js';

export const MAX_STATEMENTS = 5;
/** Five sets in one command (issue 15): still one transaction, at most one statement more. */
const MAX_STATEMENTS_FIVE_SETS = 6;
const FIVE_SETS = 'five sets in one command';
const UNWANTED = /pg_type|DISCARD|^\s*(SET|RESET|SHOW)\b/i;

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('statements');
  dropOnInterrupt([db]);
  try {
    const watch = await watchDatabase(ADMIN_URL, db.name, { durations: true });
    const env = { DATABASE_URL: db.url };
    const observe = async (args: string[], user: string) =>
      (
        await watch.observe(async () =>
          ok(await workout(['set', 'add', ...args], { ...env, WORKOUT_USER: user }), 'set add'),
        )
      ).activity;

    const paths: Record<string, ServerActivity[]> = {
      'first set (new user, exercise)': [],
      'set in the active session': [],
      'set starting a session': [],
      [FIVE_SETS]: [],
    };
    const count = rounds(5, 3);
    for (let round = 0; round < count; round++) {
      const user = `lifter-${round}`;
      paths['first set (new user, exercise)']!.push(await observe([`Press ${round}`, '60x5'], user));
      paths['set in the active session']!.push(await observe([`Press ${round}`, '62.5x5'], user));
      ok(await workout(['session', 'end'], { ...env, WORKOUT_USER: user }), 'session end');
      paths['set starting a session']!.push(await observe([`Press ${round}`, '65x5'], user));
      paths[FIVE_SETS]!.push(await observe([`Press ${round}`, '+2.5x5', '65x5', '67.5x5', '70x3', 'same'], user));
    }

    const rows: Row[] = [];
    const notes: string[] = [];
    for (const [path, runs] of Object.entries(paths)) {
      const maxStatements = path === FIVE_SETS ? MAX_STATEMENTS_FIVE_SETS : MAX_STATEMENTS;
      const worst = (pick: (a: ServerActivity) => number) => Math.max(...runs.map(pick));
      const sessions = worst((a) => a.sessions);
      const transactions = worst((a) => Math.max(a.transactions, a.serverTransactions));
      const outside = worst((a) => a.outside.length);
      const statements = worst((a) => a.statements.length);
      const unwanted = runs.flatMap((a) => a.statements.filter((s) => UNWANTED.test(s.text)).map((s) => s.text));
      rows.push(
        {
          item: `3 ${path}`,
          measure: 'connections',
          value: sessions,
          unit: '',
          target: '= 1',
          met: runs.every((a) => a.sessions === 1 && a.backendPids.length === 1),
        },
        {
          item: `3 ${path}`,
          measure: 'transactions',
          value: transactions,
          unit: '',
          target: '= 1',
          met: runs.every((a) => a.transactions === 1 && a.serverTransactions === 1),
        },
        {
          item: `3 ${path}`,
          measure: 'statements outside',
          value: outside,
          unit: '',
          target: '= 0',
          met: outside === 0 && unwanted.length === 0,
        },
        {
          item: `3 ${path}`,
          measure: 'statements (BEGIN..COMMIT)',
          value: statements,
          unit: '',
          target: `<= ${maxStatements}`,
          met: statements <= maxStatements,
        },
        { item: `3 ${path}`, measure: 'server time (median)', value: median(runs.map((a) => a.serverMs)), unit: 'ms' },
      );
      if (unwanted.length > 0) notes.push(`${path}: unwanted statements: ${unwanted.join(' | ')}`);
      notes.push(
        `${path}: ${runs[0]!.statements.map((s) => `${firstWords(s.text)} (${s.serverMs.toFixed(2)} ms)`).join(' -> ')}`,
      );
    }
    return {
      name: 'statements',
      title: `3. what one set add sends, seen by the server (${count} runs per path; worst case shown)`,
      rows,
      notes,
      details: Object.fromEntries(
        Object.entries(paths).map(([k, runs]) => [k, runs.map(({ plans: _plans, ...a }) => a)]),
      ),
    };
  } finally {
    await db.drop();
  }
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 40 ? `${words.slice(0, 40)}…` : words;
}

runBench(main);
