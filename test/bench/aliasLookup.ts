/**
 * Item 8: name resolution through aliases. `set add` resolves the name it is given in its
 * first statement: the user's names, the user's aliases, the catalog's names, the
 * catalog's aliases, one probe of a unique index each. With 10 exercises and aliases of
 * the user's own against 10,000 (and 10,000 more of other users), the server time of
 * that statement, interleaved small/large, for a name found at each tier; then the
 * plans the CLI ran on the large database (auto_explain). Targets: ratio <= 1.2 for an
 * alias of the user's own (a name found by the last probe, the catalog's alias, is the
 * most work); every scan of exercise and exercise_alias an index scan.
 * Run: npx vite-node test/bench/aliasLookup.ts
 */
import { relationScans, type ServerActivity, watchDatabase } from '../helpers/serverLog.js';
import { generateHistory } from './lib/history.js';
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { ADMIN_URL, createScratchDatabase, dropOnInterrupt, type ScratchDatabase, workout } from './lib/scratch.js';

const RATIO_TARGET = 1.2;
const INDEX_SCAN = /^(Index Scan|Index Only Scan)/;
const RESOLVING = /\bon (exercise|exercise_alias)\b/;
const USER = 'user_5';
/** A name found at each tier: the user's alias, the user's name, a catalog name, a catalog alias. */
const NAMES = {
  'own alias': 'own alias 5000',
  'own name': 'Own 5000',
  'catalog name': 'Deadlift (Barbell)',
  'catalog alias': 'rdl',
};
type Tier = keyof typeof NAMES;

/**
 * A migrated database with a little history, and exercises "Own N" (N from `first` to
 * `last`) with an alias "own alias N" each, for USER and as many for another user.
 */
async function prepare(label: string, first: number, last: number, databases: ScratchDatabase[]) {
  const db = await createScratchDatabase(label);
  databases.push(db);
  await generateHistory(db, { users: 10, sessionsPerUser: 10, setsPerSession: 9, exercises: 50 });
  for (const user of [USER, 'user_6']) {
    await db.query(
      `INSERT INTO exercise (user_id, name)
       SELECT (SELECT id FROM app_user WHERE name = $1), 'Own ' || g FROM generate_series($2::int, $3::int) g`,
      [user, first, last],
    );
    await db.query(
      `INSERT INTO exercise_alias (user_id, exercise_id, alias)
       SELECT e.user_id, e.id, 'own alias ' || substr(e.name, 5) FROM exercise e
       WHERE e.user_id = (SELECT id FROM app_user WHERE name = $1)`,
      [user],
    );
  }
  await db.query('VACUUM ANALYZE');
  await db.release();
  return db;
}

/** The first statement of set add: the one that resolves the exercise. */
const resolving = (activity: ServerActivity) => activity.statements.find((s) => s.text.includes('known_exercise'))!;

async function main(): Promise<BenchResult> {
  const databases: ScratchDatabase[] = [];
  dropOnInterrupt(databases);
  try {
    // Both hold the names resolved ("Own 5000", "own alias 5000").
    const small = await prepare('alias_small', 4_996, 5_005, databases);
    const large = await prepare('alias_large', 1, 10_000, databases);
    const [counts] = await large.query<{ own: number; aliases: number }>(
      `SELECT (SELECT count(*)::int FROM exercise e WHERE e.user_id = u.id) AS own,
              (SELECT count(*)::int FROM exercise_alias a WHERE a.user_id = u.id) AS aliases
       FROM app_user u WHERE u.name = $1`,
      [USER],
    );
    await large.release();
    const watches = {
      small: await watchDatabase(ADMIN_URL, small.name, { durations: true }),
      large: await watchDatabase(ADMIN_URL, large.name, { durations: true }),
    };
    let weight = 60;
    const setAdd = (db: ScratchDatabase, name: string) => {
      weight += 0.5;
      return workout(['set', 'add', name, `${weight}x5`], { DATABASE_URL: db.url, WORKOUT_USER: USER }).then((run) =>
        ok(run, 'set add'),
      );
    };
    for (const db of [small, large]) for (const name of Object.values(NAMES)) await setAdd(db, name);

    const tiers = Object.keys(NAMES) as Tier[];
    const steps = Object.fromEntries(
      tiers.flatMap((tier) => [
        [
          `${tier} small`,
          async () => resolving((await watches.small.observe(() => setAdd(small, NAMES[tier]))).activity),
        ],
        [
          `${tier} large`,
          async () => resolving((await watches.large.observe(() => setAdd(large, NAMES[tier]))).activity),
        ],
      ]),
    );
    const samples = await alternate(rounds(12), steps);
    const ms = (key: string) => median(samples[key]!.map((s) => s.serverMs));

    await watchDatabase(ADMIN_URL, large.name, { plans: true });
    const plans: string[] = [];
    for (const tier of tiers)
      plans.push(...(await watches.large.observe(() => setAdd(large, NAMES[tier]))).activity.plans);
    const scans = [...new Set(plans.flatMap(relationScans))].filter((scan) => RESOLVING.test(scan));
    const nonIndex = scans.filter((scan) => !INDEX_SCAN.test(scan));

    const large10k = `${counts!.own.toLocaleString('en')} own exercises + ${counts!.aliases.toLocaleString('en')} aliases`;
    return {
      name: 'aliasLookup',
      title: `12. set add's resolving statement, server time: 10 vs ${large10k} of the user (${samples['own alias small']!.length} rounds, medians)`,
      rows: [
        ...tiers.map((tier) => ({
          item: `8 resolve: ${tier}`,
          measure: large10k,
          value: ms(`${tier} large`),
          unit: 'ms',
          baseline: { name: '10 own', value: ms(`${tier} small`) },
          ratio: ms(`${tier} large`) / ms(`${tier} small`),
          ...(tier === 'own alias'
            ? { target: `<= x${RATIO_TARGET}`, met: ms(`${tier} large`) / ms(`${tier} small`) <= RATIO_TARGET }
            : {}),
        })),
        {
          item: '12 EXPLAIN (auto_explain)',
          measure: 'non-index scans of exercise, exercise_alias',
          value: nonIndex.length,
          unit: '',
          target: '= 0',
          met: nonIndex.length === 0 && scans.length > 0,
        },
      ],
      notes: [
        `scans of exercise and exercise_alias: ${scans.join('; ')}`,
        ...(nonIndex.length > 0 ? [`NOT index scans: ${nonIndex.join('; ')}`] : []),
      ],
      details: { plans },
    };
  } finally {
    for (const db of databases) await db.drop();
  }
}

runBench(main);
