/**
 * Item 4: flat cost. The server-side time of the statements of one `set add` (parse,
 * bind and execute, from the statement log) with 1 thousand sets of history and with
 * 1 million (10 thousand users), generated in SQL; interleaved small/large. Then the
 * plans of one `set add` on the large database, logged by auto_explain as they ran.
 * Targets: ratio <= 1.2; every scan of a table that grows with use an index (the
 * one-row workout_migration table, read for the schema version, is listed apart).
 * Run: npx vite-node test/bench/flatCost.ts
 */
import { relationScans, watchDatabase } from '../helpers/serverLog.js';
import { generateHistory, type HistoryShape } from './lib/history.js';
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { ADMIN_URL, createScratchDatabase, dropOnInterrupt, type ScratchDatabase, workout } from './lib/scratch.js';

export const RATIO_TARGET = 1.2;
const SHAPE: Omit<HistoryShape, 'users' | 'exercises'> = { sessionsPerUser: 10, setsPerSession: 10 };
/**
 * Reached through an index. A Bitmap Heap Scan reads only the pages its Bitmap Index Scan
 * found: `set add` reads the active session's sets that way (idx_session_exercise on
 * session_id), tens of rows at any history size.
 */
const INDEX_SCAN = /^(Index Scan|Index Only Scan|Bitmap Heap Scan)/;
/** Tables that grow with users and their history; a scan of any other is of a fixed, tiny table. */
const GROWING = /\bon (app_user|exercise|workout_session|workout_log|personal_record)\b/;

type Subject = { db: ScratchDatabase; sets: number; user: string; exercise: string };

async function prepare(
  label: string,
  users: number,
  exercises: number,
  databases: ScratchDatabase[],
): Promise<Subject> {
  const db = await createScratchDatabase(label);
  databases.push(db);
  const sets = await generateHistory(db, { ...SHAPE, users, exercises });
  const user = `user_${Math.ceil(users / 2)}`;
  const [row] = await db.query<{ exercise: string }>(
    `SELECT e.name AS exercise FROM workout_log l JOIN exercise e ON e.id = l.exercise_id
     WHERE l.user_id = (SELECT id FROM app_user WHERE name = $1) ORDER BY l.id DESC LIMIT 1`,
    [user],
  );
  await db.release();
  return { db, sets, user, exercise: row!.exercise };
}

async function main(): Promise<BenchResult> {
  const databases: ScratchDatabase[] = [];
  dropOnInterrupt(databases);
  try {
    // Exercises are shared by all users; many users bring many exercise names.
    const small = await prepare('flat_small', 10, 50, databases);
    const large = await prepare('flat_large', 10_000, 2_000, databases);
    const watches = {
      small: await watchDatabase(ADMIN_URL, small.db.name, { durations: true }),
      large: await watchDatabase(ADMIN_URL, large.db.name, { durations: true }),
    };
    let weight = 60;
    const setAdd = async (subject: Subject) => {
      weight += 0.5; // a new record now and then, as in real use
      return ok(
        await workout(['set', 'add', subject.exercise, `${weight}x5`], {
          DATABASE_URL: subject.db.url,
          WORKOUT_USER: subject.user,
        }),
        'set add',
      );
    };
    // The first set starts a session in each; the timed ones all go to the active session.
    for (const subject of [small, large]) for (let i = 0; i < 2; i++) await setAdd(subject);
    const samples = await alternate(rounds(12), {
      small: async () => (await watches.small.observe(() => setAdd(small))).activity,
      large: async () => (await watches.large.observe(() => setAdd(large))).activity,
    });
    const serverMs = (name: 'small' | 'large') => median(samples[name].map((a) => a.serverMs));
    const statementMs = (name: 'small' | 'large', index: number) =>
      median(samples[name].map((a) => a.statements[index]?.serverMs ?? 0));
    const phaseMs = (name: 'small' | 'large', phase: 'parse' | 'bind' | 'execute') =>
      median(samples[name].map((a) => a.statements.reduce((sum, s) => sum + s.phasesMs[phase], 0)));
    const ratio = serverMs('large') / serverMs('small');

    // The plans, as executed by the CLI itself, on the large database.
    await watchDatabase(ADMIN_URL, large.db.name, { plans: true });
    const explained = (await watches.large.observe(() => setAdd(large))).activity;
    const scans = [...new Set(explained.plans.flatMap(relationScans))];
    const nonIndex = scans.filter((scan) => GROWING.test(scan) && !INDEX_SCAN.test(scan));
    const fixed = scans.filter((scan) => !GROWING.test(scan));

    const label = (subject: Subject) => `${subject.sets.toLocaleString('en')} sets`;
    const statementCount = samples.large[0]!.statements.length;
    return {
      name: 'flatCost',
      title: `4. server time of one set add, ${label(small)} vs ${label(large)} of history (${samples.small.length} pairs, medians)`,
      rows: [
        {
          item: '4 set add server time',
          measure: label(large),
          value: serverMs('large'),
          unit: 'ms',
          baseline: { name: label(small), value: serverMs('small') },
          ratio,
          target: `<= x${RATIO_TARGET}`,
          met: ratio <= RATIO_TARGET,
        },
        {
          item: '4 EXPLAIN (auto_explain)',
          measure: 'non-index scans of growing tables',
          value: nonIndex.length,
          unit: '',
          target: '= 0',
          met: nonIndex.length === 0 && scans.length > 0,
        },
      ],
      notes: [
        `per statement (small -> large, ms): ${Array.from(
          { length: statementCount },
          (_, i) =>
            `${samples.large[0]!.statements[i]!.text.split(/\s+/).slice(0, 2).join(' ')} ${statementMs('small', i).toFixed(2)} -> ${statementMs('large', i).toFixed(2)}`,
        ).join('; ')}`,
        `by phase (small -> large, ms): ${(['parse', 'bind', 'execute'] as const).map((p) => `${p} ${phaseMs('small', p).toFixed(2)} -> ${phaseMs('large', p).toFixed(2)}`).join('; ')} (bind includes planning)`,
        `scans of growing tables: ${scans.filter((scan) => GROWING.test(scan)).join('; ')}`,
        `scans of fixed tables: ${fixed.join('; ') || 'none'}`,
        ...(nonIndex.length > 0 ? [`NOT index scans: ${nonIndex.join('; ')}`] : []),
      ],
      details: {
        small: {
          sets: small.sets,
          user: small.user,
          exercise: small.exercise,
          serverMs: samples.small.map((a) => a.serverMs),
        },
        large: {
          sets: large.sets,
          user: large.user,
          exercise: large.exercise,
          serverMs: samples.large.map((a) => a.serverMs),
        },
        plans: explained.plans,
      },
    };
  } finally {
    for (const db of databases) await db.drop();
  }
}

runBench(main);
