/**
 * Import benchmark: `workout import` of a generated 100k-set Strong 5.x file against its
 * floor, interleaved in the same run: `psql` COPY of exactly the rows that import
 * produced (every table, dumped with COPY TO) into a fresh migrated database, with the
 * same constraints and indexes, in one transaction. Then the wall time and peak RSS of
 * importing a 1M-set file.
 *
 *   npx vite-node test/bench/importBench.ts
 *
 * BENCH_DATABASE_URL: an admin connection (default postgres://postgres@127.0.0.1:5432/postgres);
 * two scratch databases are created and dropped. BENCH_REPETITIONS (default 5), BENCH_SETS
 * (100000), BENCH_RSS_SETS (1000000; 0 skips). Results: a table on stdout and
 * test/bench/results/importBench.json. Needs `npm run build` first (it runs bin/workout).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { strongExport } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { withClient } from '../helpers/withClient.js';
import { median } from './lib/measure.js';
import { runSampled } from './lib/peakRss.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const SETS = Number(process.env.BENCH_SETS ?? 100_000);
const RSS_SETS = Number(process.env.BENCH_RSS_SETS ?? 1_000_000);
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 200;
const TARGET_BIG_SECONDS = 15;
/** Every table an import writes, parents first (the order COPY FROM loads them in). */
const IMPORTED_TABLES = [
  'app_user',
  'exercise',
  'workout_session',
  'workout_log',
  'personal_record',
  'session_exercise_totals',
];

async function main(): Promise<BenchResult> {
  const scratch = `workout_bench_${process.pid}`;
  const url = serverUrl(ADMIN_URL, scratch);
  const floorUrl = serverUrl(ADMIN_URL, `${scratch}_floor`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-'));
  const file = path.join(dir, `strong-${SETS}.csv`);
  const env = { ...process.env, DATABASE_URL: url, WORKOUT_USER: 'bench', NO_COLOR: '1' };
  const psql = (target: string, args: string[]) =>
    runSampled('psql', [target, '-qX', '-v', 'ON_ERROR_STOP=1', ...args]);
  await withClient(ADMIN_URL, async (admin) => {
    await admin.query(`CREATE DATABASE ${scratch}`);
    await admin.query(`CREATE DATABASE ${scratch}_floor`);
  });
  try {
    for (const target of [url, floorUrl]) {
      const migrated = await runSampled(process.execPath, [BIN, 'db', 'migrate'], { ...env, DATABASE_URL: target });
      if (migrated.code !== 0) throw new Error(`workout db migrate failed: ${migrated.stderr}`);
    }
    await pipeline(strongExport(SETS), fs.createWriteStream(file));
    const bytes = fs.statSync(file).size;

    const truncate = (target: string) =>
      withClient(target, (client) =>
        client.query(`TRUNCATE ${IMPORTED_TABLES.join(', ')}, routine RESTART IDENTITY CASCADE`),
      );
    // The floor's input: what the import wrote, table by table, as COPY text.
    const dumped = (table: string) => path.join(dir, `${table}.copy`);
    const dump = async () => {
      for (const table of IMPORTED_TABLES) {
        const copied = await psql(url, ['-c', `\\copy ${table} TO '${dumped(table)}'`]);
        if (copied.code !== 0) throw new Error(`psql \\copy ${table} TO failed: ${copied.stderr}`);
      }
    };
    const load = path.join(dir, 'load.sql');
    fs.writeFileSync(
      load,
      ['BEGIN;', ...IMPORTED_TABLES.map((table) => `\\copy ${table} FROM '${dumped(table)}'`), 'COMMIT;', ''].join(
        '\n',
      ),
    );
    const importMs: number[] = [];
    const copyMs: number[] = [];
    // Interleaved, so that both see the same load on a shared machine.
    for (let i = 0; i < REPETITIONS; i++) {
      await truncate(url);
      const imported = await runSampled(
        process.execPath,
        [BIN, 'import', file, '--unit', 'kg', '--tz', 'UTC', '--json'],
        env,
      );
      if (imported.code !== 0) throw new Error(`workout import failed: ${imported.stderr}`);
      const summary = JSON.parse(imported.stdout) as { sets_added: number };
      if (summary.sets_added !== SETS) throw new Error(`imported ${summary.sets_added} sets, expected ${SETS}`);
      importMs.push(imported.ms);
      if (i === 0) await dump();

      await truncate(floorUrl);
      const copied = await psql(floorUrl, ['-f', load]);
      if (copied.code !== 0) throw new Error(`psql \\copy into the floor database failed: ${copied.stderr}`);
      copyMs.push(copied.ms);
    }

    let rss: { sets: number; peakRssMb: number | null; ms: number } | null = null;
    if (RSS_SETS > 0) {
      const big = path.join(dir, `strong-${RSS_SETS}.csv`);
      await pipeline(strongExport(RSS_SETS), fs.createWriteStream(big));
      await truncate(url);
      const imported = await runSampled(
        process.execPath,
        [BIN, 'import', big, '--unit', 'kg', '--tz', 'UTC', '--json'],
        env,
      );
      if (imported.code !== 0) throw new Error(`workout import (1M) failed: ${imported.stderr}`);
      rss = {
        sets: RSS_SETS,
        peakRssMb: imported.peakRssKb === null ? null : imported.peakRssKb / 1024,
        ms: imported.ms,
      };
      fs.rmSync(big);
    }

    const importMedian = median(importMs);
    const copyMedian = median(copyMs);
    const rows: Row[] = [
      {
        item: `8 import ${SETS.toLocaleString('en-US')} Strong 5.x sets`,
        measure: 'wall',
        value: importMedian,
        unit: 'ms',
        baseline: { name: 'psql COPY of its rows', value: copyMedian },
        ratio: importMedian / copyMedian,
        target: `<= x${TARGET_RATIO}`,
        met: importMedian / copyMedian <= TARGET_RATIO,
      },
    ];
    if (rss) {
      rows.push({
        item: `8 import ${rss.sets.toLocaleString('en-US')} Strong 5.x sets`,
        measure: 'wall',
        value: rss.ms,
        unit: 'ms',
        target: `< ${TARGET_BIG_SECONDS} s`,
        met: rss.ms < TARGET_BIG_SECONDS * 1000,
      });
    }
    if (rss?.peakRssMb != null) {
      rows.push({
        item: `8 import ${rss.sets.toLocaleString('en-US')} Strong 5.x sets`,
        measure: 'peak RSS',
        value: rss.peakRssMb,
        unit: 'MB',
        target: `< ${TARGET_RSS_MB} MB`,
        met: rss.peakRssMb < TARGET_RSS_MB,
      });
    }
    return {
      name: 'importBench',
      title: `workout import vs psql COPY of the rows it wrote into a fresh migrated database, one transaction (${REPETITIONS} interleaved runs, medians)`,
      rows,
      notes: [
        `file: ${(bytes / 1e6).toFixed(1)} MB; import runs ms: ${importMs.map(Math.round).join(', ')}; COPY runs ms: ${copyMs.map(Math.round).join(', ')}`,
        ...(rss ? [`the ${rss.sets.toLocaleString('en-US')}-set import took ${(rss.ms / 1000).toFixed(1)} s`] : []),
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await withClient(ADMIN_URL, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${scratch}_floor WITH (FORCE)`);
    });
  }
}

runBench(main);
