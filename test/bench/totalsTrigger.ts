/**
 * Item 9: what migration 012's insert trigger (session_exercise_totals) costs `set add`:
 * the server time of one `set add` (parse, bind and execute of its statements, from the
 * statement log, the trigger's work inside its INSERT) with the trigger and with it
 * disabled, interleaved on one database of 1,000 users' history. Each `set add` is a new
 * connection, so every run pays the trigger's first call (PL/pgSQL compile and plan).
 * Run: npx vite-node test/bench/totalsTrigger.ts
 */
import { watchDatabase } from '../helpers/serverLog.js';
import { generateHistory } from './lib/history.js';
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { ADMIN_URL, createScratchDatabase, dropOnInterrupt, workout } from './lib/scratch.js';

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('totals');
  dropOnInterrupt([db]);
  try {
    await generateHistory(db, { users: 1000, sessionsPerUser: 10, setsPerSession: 10, exercises: 50 });
    const watch = await watchDatabase(ADMIN_URL, db.name, { durations: true });
    const env = { DATABASE_URL: db.url, WORKOUT_USER: 'user_500' };
    let weight = 60;
    const setAdd = async () => {
      weight += 0.5;
      return (
        await watch.observe(async () => ok(await workout(['set', 'add', 'Exercise 7', `${weight}x5`], env), 'set add'))
      ).activity.serverMs;
    };
    const trigger = (enabled: boolean) =>
      db.query(`ALTER TABLE workout_log ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER workout_log_totals_insert`);
    for (let i = 0; i < 2; i++) await setAdd();
    const samples = await alternate(rounds(15), {
      with: async () => {
        await trigger(true);
        await db.release();
        return setAdd();
      },
      without: async () => {
        await trigger(false);
        await db.release();
        return setAdd();
      },
    });
    await trigger(true);
    const withMs = median(samples.with);
    const withoutMs = median(samples.without);
    return {
      name: 'totalsTrigger',
      title: `9. set add with and without the totals trigger (${samples.with.length} rounds, medians)`,
      rows: [
        {
          item: '9 set add, server time',
          measure: 'with the trigger',
          value: withMs,
          unit: 'ms',
          baseline: { name: 'disabled', value: withoutMs },
          ratio: withMs / withoutMs,
        },
      ],
      notes: [`the trigger adds ${(withMs - withoutMs).toFixed(2)} ms of server time to one set add (median)`],
    };
  } finally {
    await db.drop();
  }
}

runBench(main);
