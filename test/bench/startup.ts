/**
 * Item 2: start-up: `workout --help` (no database) and `workout pr list` (server, a few
 * records to draw) against `node -e 0`, interleaved. Then every read command (`pr list`,
 * `session show`, `session list`, `export` of 10 sets) against `--help`: its CPU at most
 * x1.2 that of `--help` (issue 13 allows `--help` + the query time; the CLI's CPU holds
 * none of the server's, so this baseline is the stricter one). Item 1's floor (a Node script
 * that loads pg and runs one INSERT) is shown against `--help` too: no read can cost less.
 * Run: npx vite-node test/bench/startup.ts
 */
import { alternate, median, ok, type ProcessRun, rounds, timeProcess } from './lib/measure.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import {
  createScratchDatabase,
  dropOnInterrupt,
  floorInstructions,
  floorScript,
  workout,
  workoutInstructions,
} from './lib/scratch.js';

/** Issue 13, target 6. */
const READ_TARGET = 1.2;

async function main(): Promise<BenchResult> {
  const db = await createScratchDatabase('startup');
  const READS = {
    'workout pr list': ['pr', 'list'],
    'workout session show': ['session', 'show'],
    'workout session list': ['session', 'list'],
    'workout export (10 sets)': ['export'],
  } as const;
  dropOnInterrupt([db]);
  try {
    const env = { DATABASE_URL: db.url };
    await db.query('CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
    await db.release();
    for (const [exercise, set] of [
      ['Bench Press', '100x5'],
      ['Squat', '140x3'],
      ['Pull Up', 'bw+10x6'],
      ['Bench Press', '102.5x5'],
      ['Squat', '140x3'],
      ['Pull Up', 'bw+10x5'],
      ['Bench Press', '105x4'],
      ['Squat', '145x3'],
      ['Pull Up', 'bw+12x4'],
      ['Bench Press', '105x5'],
    ] as const) {
      ok(await workout(['set', 'add', exercise, set], env), 'workout set add');
    }
    const steps = {
      'node -e 0': async () => ok(await timeProcess(process.execPath, ['-e', '0']), 'node -e 0'),
      'workout --help': async () => ok(await workout(['--help'], {}), 'workout --help'),
      // Item 1's floor: any command that reads must at least load pg, connect and run a statement.
      'floor (pg INSERT)': async () => ok(await floorScript('insertOne.mjs', [], env), 'floor script'),
      ...Object.fromEntries(
        Object.entries(READS).map(([name, args]) => [name, async () => ok(await workout([...args], env), name)]),
      ),
    } as Record<'node -e 0' | 'workout --help' | 'floor (pg INSERT)' | keyof typeof READS, () => Promise<ProcessRun>>;
    await alternate(2, steps);
    const samples = await alternate(rounds(15), steps);
    const m = (name: keyof typeof samples, key: 'wallMs' | 'cpuMs') => median(samples[name].map((s) => s[key]));
    const rows: Row[] = [];
    for (const name of ['workout --help', 'workout pr list'] as const) {
      for (const [measure, key] of [
        ['CPU', 'cpuMs'],
        ['wall', 'wallMs'],
      ] as const) {
        rows.push({
          item: `2 ${name}`,
          measure,
          value: m(name, key),
          unit: 'ms',
          baseline: { name: 'node -e 0', value: m('node -e 0', key) },
          ratio: m(name, key) / m('node -e 0', key),
        });
      }
    }
    const helpCpu = m('workout --help', 'cpuMs');
    for (const name of Object.keys(READS) as Array<keyof typeof READS>) {
      const row = againstHelp(name, 'CPU', 'ms', m(name, 'cpuMs'), helpCpu);
      rows.push({ ...row, target: `<= x${READ_TARGET}`, met: row.ratio! <= READ_TARGET });
    }
    rows.push(againstHelp('floor (pg INSERT)', 'CPU', 'ms', m('floor (pg INSERT)', 'cpuMs'), helpCpu));
    // The same comparison in instructions executed, which the machine's load does not move (no target of its own).
    const help = await workoutInstructions(['--help'], {});
    const counted = {
      ...Object.fromEntries(
        Object.entries(READS).map(([name, args]) => [name, () => workoutInstructions([...args], env)]),
      ),
      'floor (pg INSERT)': () => floorInstructions('insertOne.mjs', [], env),
    };
    if (help !== undefined) {
      for (const [name, count] of Object.entries(counted)) {
        const value = await count();
        if (value !== undefined) rows.push(againstHelp(name, 'instructions', 'M', value, help));
      }
    }
    return {
      name: 'startup',
      title: `2. start-up vs node -e 0 (${samples['node -e 0'].length} rounds, medians)`,
      rows,
      notes: [
        ...(help === undefined ? ['instructions: not counted (no valgrind)'] : []),
        `above node -e 0: --help +${(m('workout --help', 'wallMs') - m('node -e 0', 'wallMs')).toFixed(0)} ms wall, ` +
          `pr list +${(m('workout pr list', 'wallMs') - m('node -e 0', 'wallMs')).toFixed(0)} ms wall (no target in the issue)`,
      ],
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

/** A row of item 2 measured against `workout --help`. */
function againstHelp(name: string, measure: string, unit: string, value: number, help: number): Row {
  return {
    item: `2 ${name}`,
    measure,
    value,
    unit,
    baseline: { name: 'workout --help', value: help },
    ratio: value / help,
  };
}

runBench(main);
