/**
 * Item 11: a big history, on both backends. Right after the import that loaded them,
 * `export` of 300,000 sets (target under 3 s) and of a tenth of them (10x the sets at
 * most 11x the time: each keyset page an index range scan, statistics current).
 * The embedded database runs twice. As every user gets it: the commands go through the
 * folder's background server (started by `db migrate`), whose peak RSS is read from
 * /proc, and that of a fresh one serving one `set add`. And in-process
 * (`WORKOUT_SERVER=0`): the whole database in the one process sampled, whose peak RSS
 * during the import is held to 400 MB and during a `set add` to 150 MB.
 *
 *   npx vite-node test/bench/afterImport.ts
 *
 * BENCH_BIG_SETS (300000), BENCH_BACKENDS (server,embedded). Needs `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { runningServers, stopServers } from '../../src/db/serverClient.js';
import { strongExport } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { peakRssKbOf, runSampled, type SampledRun } from './lib/peakRss.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt } from './lib/scratch.js';

const BIG = Number(process.env.BENCH_BIG_SETS ?? 300_000);
const SMALL = BIG / 10;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'server,embedded,in-process').split(',');
const EXPORT_TARGET_MS = 3_000;
const SCALING_TARGET = 11;
const IMPORT_RSS_TARGET_MB = 400;
const SET_ADD_RSS_TARGET_MB = 150;

type Target = { DATABASE_URL?: string; WORKOUT_HOME?: string; WORKOUT_SERVER?: string };

function workout(args: string[], target: Target): Promise<SampledRun> {
  const env = { ...process.env, WORKOUT_USER: 'bench', NO_COLOR: '1', ...target };
  if (!target.DATABASE_URL) delete env.DATABASE_URL;
  return runSampled(process.execPath, [BIN, ...args], env).then((run) => {
    if (run.code !== 0) throw new Error(`workout ${args.join(' ')} exited ${run.code}: ${run.stderr.trim()}`);
    return run;
  });
}

const mb = (run: SampledRun) => (run.peakRssKb ?? Number.NaN) / 1024;

/** The peak RSS so far of the background server of `home`, in MB. */
async function serverPeakMb(home: string): Promise<number> {
  const [server] = await runningServers(home);
  if (!server) throw new Error(`no background server runs for ${home}`);
  return peakRssKbOf(server.pid) / 1024;
}

/** Imports `file` into a fresh `target` (created and migrated first), then exports it. */
async function importThenExport(file: string, target: Target) {
  await workout(['db', 'migrate'], target);
  const imported = await workout(['import', file, '--unit', 'kg', '--tz', 'UTC'], target);
  const importServerMb = target.WORKOUT_HOME && !target.WORKOUT_SERVER ? await serverPeakMb(target.WORKOUT_HOME) : null;
  const exported = await workout(['export'], target);
  return { imported, importServerMb, exported, lines: exported.stdout.split('\n').length - 2 };
}

type Measured = Awaited<ReturnType<typeof importThenExport>>;

/** The export rows of one backend: 300k sets under 3 s (server and embedded), 10x the sets at most 11x the time. */
function exportRows(backend: string, big: Measured, small: Measured): Row[] {
  const targeted = backend !== 'in-process';
  return [
    {
      item: `11 export ${BIG.toLocaleString('en-US')} sets after their import, ${backend}`,
      measure: 'wall',
      value: big.exported.ms,
      unit: 'ms',
      ...(targeted ? { target: `< ${EXPORT_TARGET_MS / 1000} s`, met: big.exported.ms < EXPORT_TARGET_MS } : {}),
    },
    {
      item: `11 export 10x the sets, ${backend}`,
      measure: 'wall',
      value: big.exported.ms,
      unit: 'ms',
      baseline: { name: `${SMALL.toLocaleString('en-US')} sets`, value: small.exported.ms },
      ratio: big.exported.ms / small.exported.ms,
      target: `<= x${SCALING_TARGET}`,
      met: big.exported.ms / small.exported.ms <= SCALING_TARGET,
    },
  ];
}

function memoryRow(item: string, valueMb: number, targetMb: number): Row {
  return { item, measure: 'peak RSS', value: valueMb, unit: 'MB', target: `< ${targetMb} MB`, met: valueMb < targetMb };
}

async function main(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-big-'));
  const rows: Row[] = [];
  const notes: string[] = [];
  const homes: string[] = [];
  try {
    const files = new Map<number, string>();
    for (const sets of [SMALL, BIG]) {
      const file = path.join(dir, `strong-${sets}.csv`);
      await pipeline(strongExport(sets), fs.createWriteStream(file));
      files.set(sets, file);
    }
    for (const backend of BACKENDS) {
      const runs = new Map<number, Measured>();
      for (const sets of [SMALL, BIG]) {
        if (backend === 'server') {
          const db = await createScratchDatabase(`big${sets}`);
          dropOnInterrupt([db]);
          try {
            runs.set(sets, await importThenExport(files.get(sets)!, { DATABASE_URL: db.url }));
          } finally {
            await db.drop();
          }
          continue;
        }
        const home = path.join(dir, `${backend}-${sets}`);
        homes.push(home);
        const target = backend === 'in-process' ? { WORKOUT_HOME: home, WORKOUT_SERVER: '0' } : { WORKOUT_HOME: home };
        runs.set(sets, await importThenExport(files.get(sets)!, target));
        if (sets === BIG) rows.push(...(await setAddMemory(backend, target, runs.get(sets)!)));
        await stopServers(home);
        fs.rmSync(home, { recursive: true, force: true });
      }
      const big = runs.get(BIG)!;
      const small = runs.get(SMALL)!;
      if (big.lines !== BIG || small.lines !== SMALL) throw new Error(`exported ${big.lines} and ${small.lines} sets`);
      rows.push(...exportRows(backend, big, small));
      notes.push(
        `${backend}: import ${SMALL.toLocaleString('en-US')} sets ${(small.imported.ms / 1000).toFixed(1)} s, ` +
          `${BIG.toLocaleString('en-US')} sets ${(big.imported.ms / 1000).toFixed(1)} s (peak RSS ${mb(big.imported).toFixed(0)} MB` +
          `${big.importServerMb === null ? '' : `, its background server's ${big.importServerMb.toFixed(0)} MB`})`,
      );
    }
    return {
      name: 'afterImport',
      title: `11. export right after a big import, and embedded memory (one run each)`,
      rows,
      notes,
    };
  } finally {
    for (const home of homes) await stopServers(home).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Peak RSS of the big import and of a `set add` right after it. In-process: the command's.
 * Through the background server: the command's and that of a server started for it.
 */
async function setAddMemory(backend: string, target: Target, big: Measured): Promise<Row[]> {
  const sets = BIG.toLocaleString('en-US');
  if (backend === 'in-process') {
    const setAdd = await workout(['set', 'add', 'Bench Press', '100x5'], target);
    return [
      memoryRow(`11 import ${sets} sets, in-process`, mb(big.imported), IMPORT_RSS_TARGET_MB),
      memoryRow(`11 set add on ${sets} sets, in-process`, mb(setAdd), SET_ADD_RSS_TARGET_MB),
    ];
  }
  await stopServers(target.WORKOUT_HOME!);
  const setAdd = await workout(['set', 'add', 'Bench Press', '100x5'], target);
  return [
    memoryRow(`11 import ${sets} sets, ${backend}: its server`, big.importServerMb!, IMPORT_RSS_TARGET_MB),
    memoryRow(`11 set add on ${sets} sets, ${backend}: the command`, mb(setAdd), SET_ADD_RSS_TARGET_MB),
    memoryRow(
      `11 set add on ${sets} sets, ${backend}: the server it started`,
      await serverPeakMb(target.WORKOUT_HOME!),
      SET_ADD_RSS_TARGET_MB,
    ),
  ];
}

runBench(main);
