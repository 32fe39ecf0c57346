/**
 * Item 8: whole-process CPU of the training reads (`last`, `history`, `progress`, `stats`)
 * against `workout pr list`, issue 12's target (<= 1.3x), on a server with a few weeks of
 * sets to draw; interleaved, medians.  Run: npx vite-node test/bench/readCpu.ts
 */
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt, workout } from './lib/scratch.js';

const TARGET_RATIO = 1.3;
const DAY_MS = 86_400_000;

const READS = {
  'workout last': ['last', 'Bench Press'],
  'workout history': ['history', 'Bench Press'],
  'workout progress': ['progress', 'Bench Press'],
  'workout stats': ['stats'],
} as const;

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('readcpu');
  dropOnInterrupt([db]);
  try {
    const env = { DATABASE_URL: db.url };
    // Twelve weekly sessions of three exercises, backfilled with explicit starts and ends.
    for (let week = 12; week >= 1; week--) {
      const day = new Date(Date.now() - week * 7 * DAY_MS);
      const at = (minute: number) => new Date(day.getTime() + minute * 60_000).toISOString();
      ok(await workout(['session', 'start', '--at', at(0)], env), 'session start');
      for (const [minute, exercise, set] of [
        [1, 'Bench Press', `${90 + week}x5`],
        [5, 'Bench Press', `${95 + week}x3`],
        [10, 'Squat', `${120 + week}x5`],
        [15, 'Pull Up', `bw+${week}x6`],
      ] as const) {
        ok(await workout(['set', 'add', exercise, set, '--at', at(minute)], env), 'set add');
      }
      ok(await workout(['session', 'end', '--at', at(30)], env), 'session end');
    }
    const steps = {
      'workout pr list': async () => ok(await workout(['pr', 'list'], env), 'workout pr list'),
      ...Object.fromEntries(
        Object.entries(READS).map(([name, args]) => [name, async () => ok(await workout([...args], env), name)]),
      ),
    };
    await alternate(2, steps);
    const samples = await alternate(rounds(15), steps);
    const cpu = (name: string) => median(samples[name as keyof typeof samples].map((sample) => sample.cpuMs));
    const baseline = { name: 'workout pr list', value: cpu('workout pr list') };
    const rows: Row[] = Object.keys(READS).map((name) => ({
      item: `8 ${name}`,
      measure: 'CPU',
      value: cpu(name),
      unit: 'ms',
      baseline,
      ratio: cpu(name) / baseline.value,
      target: `ratio <= ${TARGET_RATIO}`,
      met: cpu(name) / baseline.value <= TARGET_RATIO,
    }));
    return {
      name: 'readCpu',
      title: `8. training reads, whole-process CPU vs pr list (${samples['workout pr list'].length} rounds, medians)`,
      rows,
    };
  } finally {
    await db.drop();
  }
}

runBench(main);
