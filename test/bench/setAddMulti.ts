/**
 * Item 8: `set add` with five sets in one command (one of them relative to the last
 * working set, one `same`) against a one-set `set add`, whole process, on the server,
 * interleaved in the same run. Target: CPU ratio <= 1.1 (parsing and resolving the
 * list, and its larger statement, cost next to nothing beside Node's start-up).
 * Run: npx vite-node test/bench/setAddMulti.ts
 */
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt, workout } from './lib/scratch.js';

export const CPU_RATIO_TARGET = 1.1;
const FIVE_SETS = ['+2.5x5', '100x5', '102.5x5', '105x3', 'same'];

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('setaddmulti');
  dropOnInterrupt([db]);
  try {
    const env = { DATABASE_URL: db.url };
    ok(await workout(['set', 'add', 'Bench Press', '100x5'], env), 'first set');
    const steps = {
      'one set': async () => ok(await workout(['set', 'add', 'Bench Press', '100x5'], env), 'set add, one set'),
      'five sets': async () =>
        ok(await workout(['set', 'add', 'Bench Press', ...FIVE_SETS], env), 'set add, five sets'),
    };
    await alternate(2, steps); // warm the OS file cache and the server alike
    const samples = await alternate(rounds(15), steps);
    const m = (name: keyof typeof samples, key: 'wallMs' | 'cpuMs') => median(samples[name].map((s) => s[key]));
    const cpuRatio = m('five sets', 'cpuMs') / m('one set', 'cpuMs');
    return {
      name: 'setAddMulti',
      title: `9. set add, five sets in one command vs one set (server, ${samples['one set'].length} rounds, medians)`,
      rows: [
        {
          item: '8 set add x5',
          measure: 'CPU',
          value: m('five sets', 'cpuMs'),
          unit: 'ms',
          baseline: { name: 'one set', value: m('one set', 'cpuMs') },
          ratio: cpuRatio,
          target: `<= x${CPU_RATIO_TARGET}`,
          met: cpuRatio <= CPU_RATIO_TARGET,
        },
        {
          item: '8 set add x5',
          measure: 'wall',
          value: m('five sets', 'wallMs'),
          unit: 'ms',
          baseline: { name: 'one set', value: m('one set', 'wallMs') },
          ratio: m('five sets', 'wallMs') / m('one set', 'wallMs'),
        },
      ],
      notes: [`five sets: set add "Bench Press" ${FIVE_SETS.join(' ')}`],
      details: {
        samples: Object.fromEntries(
          Object.entries(samples).map(([k, v]) => [k, v.map((s) => ({ wallMs: s.wallMs, cpuMs: s.cpuMs }))]),
        ),
      },
    };
  } finally {
    await db.drop();
  }
}

runBench(main);
