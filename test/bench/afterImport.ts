/**
 * Item 9: a big history, on both backends. Right after the import that loaded them,
 * `export` of 300,000 sets (target under 3 s) and of a tenth of them (10x the sets at
 * most 11x the time: each keyset page an index range scan, statistics current); on the
 * embedded database, the peak RSS of that import (under 400 MB; the folder created
 * before, as by any earlier command) and of a `set add` on it (under 150 MB).
 *
 *   npx vite-node test/bench/afterImport.ts
 *
 * BENCH_BIG_SETS (300000), BENCH_BACKENDS (server,embedded). Needs `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { strongExport } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { runSampled, type SampledRun } from './lib/peakRss.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';
import { createScratchDatabase, dropOnInterrupt } from './lib/scratch.js';

const BIG = Number(process.env.BENCH_BIG_SETS ?? 300_000);
const SMALL = BIG / 10;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'server,embedded').split(',');
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

/** Imports `file` into a fresh `target` (created and migrated first), then exports it. */
async function importThenExport(file: string, target: Target) {
  await workout(['db', 'migrate'], target);
  const imported = await workout(['import', file, '--unit', 'kg', '--tz', 'UTC'], target);
  const exported = await workout(['export'], target);
  return { imported, exported, lines: exported.stdout.split('\n').length - 2 };
}

async function main(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-big-'));
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const files = new Map<number, string>();
    for (const sets of [SMALL, BIG]) {
      const file = path.join(dir, `strong-${sets}.csv`);
      await pipeline(strongExport(sets), fs.createWriteStream(file));
      files.set(sets, file);
    }
    for (const backend of BACKENDS) {
      const runs = new Map<number, Awaited<ReturnType<typeof importThenExport>>>();
      let setAdd: SampledRun | undefined;
      for (const sets of [SMALL, BIG]) {
        if (backend === 'server') {
          const db = await createScratchDatabase(`big${sets}`);
          dropOnInterrupt([db]);
          try {
            runs.set(sets, await importThenExport(files.get(sets)!, { DATABASE_URL: db.url }));
          } finally {
            await db.drop();
          }
        } else {
          // In-process (no background server): the peak RSS sampled is then the whole embedded
          // database's, not that of a client talking to a server process.
          const target = { WORKOUT_HOME: path.join(dir, `home-${sets}`), WORKOUT_SERVER: '0' };
          runs.set(sets, await importThenExport(files.get(sets)!, target));
          if (sets === BIG) setAdd = await workout(['set', 'add', 'Bench Press', '100x5'], target);
          fs.rmSync(target.WORKOUT_HOME, { recursive: true, force: true });
        }
      }
      const big = runs.get(BIG)!;
      const small = runs.get(SMALL)!;
      if (big.lines !== BIG || small.lines !== SMALL) throw new Error(`exported ${big.lines} and ${small.lines} sets`);
      rows.push(
        {
          item: `9 export ${BIG.toLocaleString('en-US')} sets after their import, ${backend}`,
          measure: 'wall',
          value: big.exported.ms,
          unit: 'ms',
          target: `< ${EXPORT_TARGET_MS / 1000} s`,
          met: big.exported.ms < EXPORT_TARGET_MS,
        },
        {
          item: `9 export 10x the sets, ${backend}`,
          measure: 'wall',
          value: big.exported.ms,
          unit: 'ms',
          baseline: { name: `${SMALL.toLocaleString('en-US')} sets`, value: small.exported.ms },
          ratio: big.exported.ms / small.exported.ms,
          target: `<= x${SCALING_TARGET}`,
          met: big.exported.ms / small.exported.ms <= SCALING_TARGET,
        },
      );
      notes.push(
        `${backend}: import ${SMALL.toLocaleString('en-US')} sets ${(small.imported.ms / 1000).toFixed(1)} s, ` +
          `${BIG.toLocaleString('en-US')} sets ${(big.imported.ms / 1000).toFixed(1)} s (peak RSS ${mb(big.imported).toFixed(0)} MB)`,
      );
      if (backend === 'embedded' && setAdd) {
        rows.push(
          {
            item: `9 import ${BIG.toLocaleString('en-US')} sets, embedded`,
            measure: 'peak RSS',
            value: mb(big.imported),
            unit: 'MB',
            target: `< ${IMPORT_RSS_TARGET_MB} MB`,
            met: mb(big.imported) < IMPORT_RSS_TARGET_MB,
          },
          {
            item: `9 set add on ${BIG.toLocaleString('en-US')} sets, embedded`,
            measure: 'peak RSS',
            value: mb(setAdd),
            unit: 'MB',
            target: `< ${SET_ADD_RSS_TARGET_MB} MB`,
            met: mb(setAdd) < SET_ADD_RSS_TARGET_MB,
          },
        );
      }
    }
    return {
      name: 'afterImport',
      title: `11. export right after a big import, and embedded memory (one run each)`,
      rows,
      notes,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
