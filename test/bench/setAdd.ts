/**
 * Item 1: `workout set add` against the server, whole process (wall and CPU), against its
 * floor: a plain Node script that connects with `pg` and runs one INSERT in one
 * transaction (test/bench/floor/insertOne.mjs). `node -e 0` shows what Node alone costs.
 * Target: CPU ratio <= 1.15 (issue 13; was 1.25).  Run: npx vite-node test/bench/setAdd.ts
 */
import { alternate, countInstructions, median, ok, rounds, timeProcess } from './lib/measure.js';
import { cpuProfileSummary, describeProfile } from './lib/profile.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import {
  createScratchDatabase,
  dropOnInterrupt,
  floorInstructions,
  floorScript,
  workout,
  workoutInstructions,
} from './lib/scratch.js';

export const CPU_RATIO_TARGET = 1.15;

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('setadd');
  dropOnInterrupt([db]);
  try {
    await db.query('CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
    await db.release();
    const env = { DATABASE_URL: db.url };
    const steps = {
      'set add': async () => ok(await workout(['set', 'add', 'Bench Press', '100x5'], env), 'workout set add'),
      floor: async () => ok(await floorScript('insertOne.mjs', [], env), 'floor script'),
      'node -e 0': async () => ok(await timeProcess(process.execPath, ['-e', '0']), 'node -e 0'),
    };
    await alternate(2, steps); // warm the OS file cache and the server alike
    const samples = await alternate(rounds(15), steps);
    const m = (name: keyof typeof samples, key: 'wallMs' | 'cpuMs') => median(samples[name].map((s) => s[key]));
    const cpuRatio = m('set add', 'cpuMs') / m('floor', 'cpuMs');
    const instructions = {
      setAdd: await workoutInstructions(['set', 'add', 'Bench Press', '100x5'], env),
      floor: await floorInstructions('insertOne.mjs', [], env),
      node: await countInstructions(process.execPath, ['-e', '0']),
    };
    const profile =
      process.env.BENCH_PROFILE === '0'
        ? undefined
        : await cpuProfileSummary(['set', 'add', 'Bench Press', '100x5'], env);
    return {
      name: 'setAdd',
      title: `1. set add vs a one-INSERT pg script (server, ${samples.floor.length} rounds, medians)`,
      rows: [
        {
          item: '1 set add',
          measure: 'CPU',
          value: m('set add', 'cpuMs'),
          unit: 'ms',
          baseline: { name: 'floor', value: m('floor', 'cpuMs') },
          ratio: cpuRatio,
          target: `<= x${CPU_RATIO_TARGET}`,
          met: cpuRatio <= CPU_RATIO_TARGET,
        },
        {
          item: '1 set add',
          measure: 'wall',
          value: m('set add', 'wallMs'),
          unit: 'ms',
          baseline: { name: 'floor', value: m('floor', 'wallMs') },
          ratio: m('set add', 'wallMs') / m('floor', 'wallMs'),
        },
        { item: '1 node -e 0', measure: 'CPU', value: m('node -e 0', 'cpuMs'), unit: 'ms' },
        { item: '1 node -e 0', measure: 'wall', value: m('node -e 0', 'wallMs'), unit: 'ms' },
        ...instructionRows(instructions),
      ],
      notes: [
        ...(instructions.setAdd === undefined ? ['instructions: not counted (no valgrind)'] : []),
        ...(profile ? [`CPU profile of one set add (sampled, by area): ${describeProfile(profile)}`] : []),
      ],
      details: {
        samples: Object.fromEntries(
          Object.entries(samples).map(([k, v]) => [k, v.map((s) => ({ wallMs: s.wallMs, cpuMs: s.cpuMs }))]),
        ),
        profile,
      },
    };
  } finally {
    await db.drop();
  }
}

/** The same comparison in instructions executed, which the machine's load does not move (no target of its own). */
function instructionRows(counted: Record<'setAdd' | 'floor' | 'node', number | undefined>): Row[] {
  const { setAdd, floor, node } = counted;
  if (setAdd === undefined || floor === undefined || node === undefined) return [];
  return [
    {
      item: '1 set add',
      measure: 'instructions',
      value: setAdd,
      unit: 'M',
      baseline: { name: 'floor', value: floor },
      ratio: setAdd / floor,
    },
    { item: '1 node -e 0', measure: 'instructions', value: node, unit: 'M' },
  ];
}

runBench(main);
