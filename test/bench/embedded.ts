/**
 * Item 6: the embedded database (PGlite in WORKOUT_HOME, no DATABASE_URL). `set add`
 * warm (an existing data folder) against its floor, a Node script that opens PGlite on
 * a folder and runs one INSERT in one transaction; and the first run on a fresh
 * WORKOUT_HOME (creates and migrates the folder) against PGlite creating a folder.
 * The floor runs twice: as any script would, and with V8's wasm tiering budget set as
 * the CLI sets it (src/db/embedded.ts), which is the fairer floor.
 * Issue 13 target 1: warm set add (through the folder's background server, src/db/backgroundServer.ts)
 * wall <= 1.5x the same set add against the PostgreSQL server, alternated in this run; the
 * in-process open (WORKOUT_SERVER=0, what every command did before) is measured beside them.
 * Target: warm set add median under 1 s.  Run: npx vite-node test/bench/embedded.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopServers } from '../../src/db/serverClient.js';
import { alternate, median, ok, rounds } from './lib/measure.js';
import { type BenchResult, runBench } from './lib/report.js';
import { createScratchDatabase, floorScript, workout } from './lib/scratch.js';

export const WARM_TARGET_MS = 1000;
/** Issue 13 target 1: embedded warm set add wall against the same set add on a server. */
export const SERVER_RATIO_TARGET = 1.5;
/** As src/db/embedded.ts sets it. */
const TUNED = { WASM_TIERING_BUDGET: '180000000' };
const FIRST_RUNS = Math.max(1, Number(process.env.BENCH_FIRST_RUNS ?? 3));

async function main(): Promise<BenchResult> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-embedded-'));
  const fresh = (name: string) => path.join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);
  process.once('SIGINT', () => {
    // Their background servers see the folder gone and exit.
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
  const server = await createScratchDatabase('embedded');
  const homes: string[] = [];
  try {
    const setAdd = (home: string, env: Record<string, string> = {}) => {
      if (!homes.includes(home)) homes.push(home);
      return workout(['set', 'add', 'Bench Press', '100x5'], { WORKOUT_HOME: home, ...env });
    };
    const first = await alternate(FIRST_RUNS, {
      'first set add': async () => {
        const home = fresh('home');
        const run = ok(await setAdd(home), 'first set add');
        // Each first run leaves a background server: stop it, it is not what is measured.
        await stopServers(home);
        return run;
      },
      'PGlite create + INSERT': async () =>
        ok(await floorScript('pgliteInsertOne.mjs', [fresh('floor')], {}), 'PGlite floor'),
    });
    const home = fresh('home');
    const floorDir = fresh('floor');
    const inProcessHome = fresh('home');
    ok(await setAdd(home), 'set add');
    ok(await setAdd(inProcessHome, { WORKOUT_SERVER: '0' }), 'set add');
    ok(await workout(['set', 'add', 'Bench Press', '100x5'], { DATABASE_URL: server.url }), 'server set add');
    ok(await floorScript('pgliteInsertOne.mjs', [floorDir], {}), 'PGlite floor');
    const warm = await alternate(rounds(10), {
      'warm set add': async () => ok(await setAdd(home), 'warm set add'),
      'server set add': async () =>
        ok(await workout(['set', 'add', 'Bench Press', '100x5'], { DATABASE_URL: server.url }), 'server set add'),
      'in-process set add': async () => ok(await setAdd(inProcessHome, { WORKOUT_SERVER: '0' }), 'in-process set add'),
      'PGlite open + INSERT': async () => ok(await floorScript('pgliteInsertOne.mjs', [floorDir], {}), 'PGlite floor'),
      'tuned PGlite open + INSERT': async () =>
        ok(await floorScript('pgliteInsertOne.mjs', [floorDir], TUNED), 'PGlite floor'),
    });
    const m = (runs: Array<{ wallMs: number; cpuMs: number }>, key: 'wallMs' | 'cpuMs') =>
      median(runs.map((r) => r[key]));
    const warmWall = m(warm['warm set add'], 'wallMs');
    const serverWall = m(warm['server set add'], 'wallMs');
    return {
      name: 'embedded',
      title: `6. embedded database (${warm['warm set add'].length} warm pairs, ${FIRST_RUNS} first-run pairs, medians)`,
      rows: [
        {
          item: '13.1 embedded warm set add',
          measure: 'wall',
          value: warmWall,
          unit: 'ms',
          baseline: { name: 'server set add', value: serverWall },
          ratio: warmWall / serverWall,
          target: `<= ${SERVER_RATIO_TARGET}x`,
          met: warmWall / serverWall <= SERVER_RATIO_TARGET,
        },
        {
          item: '13.1 in-process (WORKOUT_SERVER=0)',
          measure: 'wall',
          value: m(warm['in-process set add'], 'wallMs'),
          unit: 'ms',
          baseline: { name: 'server set add', value: serverWall },
          ratio: m(warm['in-process set add'], 'wallMs') / serverWall,
        },
        {
          item: '6 warm set add',
          measure: 'wall',
          value: warmWall,
          unit: 'ms',
          baseline: { name: 'PGlite open+INSERT', value: m(warm['PGlite open + INSERT'], 'wallMs') },
          ratio: warmWall / m(warm['PGlite open + INSERT'], 'wallMs'),
          target: `< ${WARM_TARGET_MS} ms`,
          met: warmWall < WARM_TARGET_MS,
        },
        {
          item: '6 warm set add',
          measure: 'CPU',
          value: m(warm['warm set add'], 'cpuMs'),
          unit: 'ms',
          baseline: { name: 'PGlite open+INSERT', value: m(warm['PGlite open + INSERT'], 'cpuMs') },
          ratio: m(warm['warm set add'], 'cpuMs') / m(warm['PGlite open + INSERT'], 'cpuMs'),
        },
        {
          item: '6 warm set add',
          measure: 'wall',
          value: warmWall,
          unit: 'ms',
          baseline: { name: 'tuned PGlite open+INSERT', value: m(warm['tuned PGlite open + INSERT'], 'wallMs') },
          ratio: warmWall / m(warm['tuned PGlite open + INSERT'], 'wallMs'),
        },
        {
          item: '6 warm set add',
          measure: 'CPU',
          value: m(warm['warm set add'], 'cpuMs'),
          unit: 'ms',
          baseline: { name: 'tuned PGlite open+INSERT', value: m(warm['tuned PGlite open + INSERT'], 'cpuMs') },
          ratio: m(warm['warm set add'], 'cpuMs') / m(warm['tuned PGlite open + INSERT'], 'cpuMs'),
        },
        {
          item: '6 first run, fresh WORKOUT_HOME',
          measure: 'wall',
          value: m(first['first set add'], 'wallMs'),
          unit: 'ms',
          baseline: { name: 'PGlite create+INSERT', value: m(first['PGlite create + INSERT'], 'wallMs') },
          ratio: m(first['first set add'], 'wallMs') / m(first['PGlite create + INSERT'], 'wallMs'),
        },
      ],
      notes: ['the first run creates the PGlite folder (initdb in WebAssembly) and applies the migrations'],
      details: {
        warm: Object.fromEntries(
          Object.entries(warm).map(([k, v]) => [k, v.map((s) => ({ wallMs: s.wallMs, cpuMs: s.cpuMs }))]),
        ),
        first: Object.fromEntries(
          Object.entries(first).map(([k, v]) => [k, v.map((s) => ({ wallMs: s.wallMs, cpuMs: s.cpuMs }))]),
        ),
      },
    };
  } finally {
    // No background server outlives the bench.
    for (const home of homes) await stopServers(home);
    await server.drop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);
