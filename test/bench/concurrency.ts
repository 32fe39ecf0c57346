/**
 * Item 5: concurrency. 8 processes at a time, 50 `set add` each (400 sets): for 8 users
 * (one per process) and for one user (all on the same exercise), with the floor script
 * at the same concurrency as the baseline. Rounds of 5 sets per process alternate the
 * three, so a change in the machine's load hits each alike. Reports throughput, p50/p95
 * latency per process, and errors (target: 0); checks the numbering afterwards.
 * Run: npx vite-node test/bench/concurrency.ts  (BENCH_SETS_PER_PROCESS=50)
 */
import { alternate, type ProcessRun, percentile } from './lib/measure.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt, floorScript, workout } from './lib/scratch.js';

const PROCESSES = 8;
const ROUNDS = 10;
const SETS_PER_PROCESS = Math.max(ROUNDS, Number(process.env.BENCH_SETS_PER_PROCESS ?? 50));
const PER_ROUND = Math.round(SETS_PER_PROCESS / ROUNDS);

type Round = { wallMs: number; runs: ProcessRun[] };

/** PROCESSES workers, each starting `count` processes one after another. */
async function concurrently(count: number, start: (worker: number) => Promise<ProcessRun>): Promise<Round> {
  const began = performance.now();
  const runs: ProcessRun[] = [];
  await Promise.all(
    Array.from({ length: PROCESSES }, async (_, worker) => {
      for (let i = 0; i < count; i++) runs.push(await start(worker));
    }),
  );
  return { wallMs: performance.now() - began, runs };
}

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('concurrency');
  dropOnInterrupt([db]);
  try {
    await db.query('CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
    await db.release();
    const env = { DATABASE_URL: db.url };
    const setAdd = (user: string) => workout(['set', 'add', 'Bench Press', '100x5'], { ...env, WORKOUT_USER: user });
    const rounds = await alternate(ROUNDS, {
      '8 users': () => concurrently(PER_ROUND, (worker) => setAdd(`lifter-${worker}`)),
      '1 user': () => concurrently(PER_ROUND, () => setAdd('solo')),
      'floor (pg INSERT)': () => concurrently(PER_ROUND, () => floorScript('insertOne.mjs', [], env)),
    });

    const rows: Row[] = [];
    const notes: string[] = [];
    const floorThroughput = throughput(rounds['floor (pg INSERT)']);
    for (const [name, scenario] of Object.entries(rounds) as Array<[keyof typeof rounds, Round[]]>) {
      const runs = scenario.flatMap((r) => r.runs);
      const latencies = runs.map((r) => r.wallMs);
      const failed = runs.filter((r) => r.code !== 0);
      const perSecond = throughput(scenario);
      const isFloor = name === 'floor (pg INSERT)';
      rows.push(
        {
          item: `5 ${name}`,
          measure: `throughput (${runs.length} runs)`,
          value: perSecond,
          unit: '/s',
          ...(isFloor
            ? {}
            : { baseline: { name: 'floor', value: floorThroughput }, ratio: perSecond / floorThroughput }),
        },
        { item: `5 ${name}`, measure: 'latency p50', value: percentile(latencies, 50), unit: 'ms' },
        { item: `5 ${name}`, measure: 'latency p95', value: percentile(latencies, 95), unit: 'ms' },
        {
          item: `5 ${name}`,
          measure: 'errors',
          value: failed.length,
          unit: '',
          ...(isFloor ? {} : { target: '= 0', met: failed.length === 0 }),
        },
      );
      if (failed.length > 0) notes.push(`${name}: first error: ${failed[0]!.stderr.trim()}`);
    }

    const numbering = await db.query<{
      user: string;
      sets: number;
      distinct: number;
      low: number;
      high: number;
      sessions: number;
    }>(
      `SELECT u.name AS user, count(*)::int AS sets, count(DISTINCT l.set_number)::int AS distinct,
              min(l.set_number) AS low, max(l.set_number) AS high, count(DISTINCT l.session_id)::int AS sessions
       FROM workout_log l JOIN app_user u ON u.id = l.user_id GROUP BY u.name ORDER BY u.name`,
    );
    await db.release();
    const gapless = numbering.every(
      (n) => n.sessions === 1 && n.low === 1 && n.high === n.sets && n.distinct === n.sets,
    );
    rows.push({
      item: '5 set numbers',
      measure: 'per user 1..N, no gap or repeat',
      value: gapless ? 1 : 0,
      unit: '',
      target: '= 1',
      met: gapless,
    });
    notes.push(`numbering: ${numbering.map((n) => `${n.user} ${n.sets} sets ${n.low}..${n.high}`).join(', ')}`);
    return {
      name: 'concurrency',
      title: `5. ${PROCESSES} processes x ${PER_ROUND * ROUNDS} set add (${ROUNDS} alternating rounds)`,
      rows,
      notes,
      details: Object.fromEntries(
        Object.entries(rounds).map(([k, v]) => [
          k,
          v.map((r) => ({
            wallMs: r.wallMs,
            latencies: r.runs.map((x) => x.wallMs),
            codes: r.runs.map((x) => x.code),
          })),
        ]),
      ),
    };
  } finally {
    await db.drop();
  }
}

/** Sets per second: all runs over the summed wall time of their rounds. */
function throughput(rounds: Round[]): number {
  const runs = rounds.reduce((n, r) => n + r.runs.length, 0);
  return runs / (rounds.reduce((ms, r) => ms + r.wallMs, 0) / 1000);
}

runBench(main);
