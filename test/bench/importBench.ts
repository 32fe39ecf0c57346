/**
 * Import benchmark: `workout import` of a generated 100k-set Strong 5.x file against
 * `psql \copy` of the same file into a plain staging table, interleaved, in the same
 * run; then the peak RSS of importing a 1M-set file.
 *
 *   npx vite-node test/bench/importBench.ts
 *
 * BENCH_DATABASE_URL: an admin connection (default postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is created and dropped. BENCH_REPETITIONS (default 5), BENCH_SETS
 * (100000), BENCH_RSS_SETS (1000000; 0 skips). Results: a table on stdout and
 * test/bench/results/importBench.json. Needs `npm run build` first (it runs bin/workout).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { strongExport } from '../helpers/generateStrong.js';
import { BIN } from '../helpers/paths.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { withClient } from '../helpers/withClient.js';
import { median } from './lib/measure.js';
import { type BenchResult, type Row, runBench } from './lib/report.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const SETS = Number(process.env.BENCH_SETS ?? 100_000);
const RSS_SETS = Number(process.env.BENCH_RSS_SETS ?? 1_000_000);
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 250;

type Run = { code: number | null; ms: number; stdout: string; stderr: string; peakRssKb: number | null };

/** Runs a command; wall time from spawn to exit; peak RSS sampled from /proc (Linux). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRssKb: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        // VmHWM: the peak resident set so far, kept by the kernel between samples.
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        if (Number.isFinite(kb)) peakRssKb = Math.max(peakRssKb ?? 0, kb);
      } catch {
        // The process has exited.
      }
    };
    const sampler = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', () => {
      sample();
      clearInterval(sampler);
    });
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stdout, stderr, peakRssKb }));
  });
}

async function main(): Promise<BenchResult> {
  const scratch = `workout_bench_${process.pid}`;
  const url = serverUrl(ADMIN_URL, scratch);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-bench-'));
  const file = path.join(dir, `strong-${SETS}.csv`);
  const env = { ...process.env, DATABASE_URL: url, WORKOUT_USER: 'bench', NO_COLOR: '1' };
  await withClient(ADMIN_URL, (admin) => admin.query(`CREATE DATABASE ${scratch}`));
  try {
    const migrated = await run(process.execPath, [BIN, 'db', 'migrate'], env);
    if (migrated.code !== 0) throw new Error(`workout db migrate failed: ${migrated.stderr}`);
    await withClient(url, (client) =>
      client.query(`CREATE TABLE staging (${Array.from({ length: 12 }, (_, i) => `c${i} text`).join(', ')})`),
    );
    await pipeline(strongExport(SETS), fs.createWriteStream(file));
    const bytes = fs.statSync(file).size;

    const resetImport = () =>
      withClient(url, (client) =>
        client.query(
          'TRUNCATE personal_record, workout_log, workout_session, exercise, app_user RESTART IDENTITY CASCADE',
        ),
      );
    const resetCopy = () => withClient(url, (client) => client.query('TRUNCATE staging'));
    const importMs: number[] = [];
    const copyMs: number[] = [];
    // Interleaved, so that both see the same load on a shared machine.
    for (let i = 0; i < REPETITIONS; i++) {
      await resetImport();
      const imported = await run(process.execPath, [BIN, 'import', file, '--unit', 'kg', '--tz', 'UTC', '--json'], env);
      if (imported.code !== 0) throw new Error(`workout import failed: ${imported.stderr}`);
      const summary = JSON.parse(imported.stdout) as { sets_added: number };
      if (summary.sets_added !== SETS) throw new Error(`imported ${summary.sets_added} sets, expected ${SETS}`);
      importMs.push(imported.ms);

      await resetCopy();
      const copied = await run('psql', [
        url,
        '-qX',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy staging FROM '${file}' WITH (FORMAT csv, HEADER true)`,
      ]);
      if (copied.code !== 0) throw new Error(`psql \\copy failed: ${copied.stderr}`);
      copyMs.push(copied.ms);
    }

    let rss: { sets: number; peakRssMb: number | null; ms: number } | null = null;
    if (RSS_SETS > 0) {
      const big = path.join(dir, `strong-${RSS_SETS}.csv`);
      await pipeline(strongExport(RSS_SETS), fs.createWriteStream(big));
      await resetImport();
      const imported = await run(process.execPath, [BIN, 'import', big, '--unit', 'kg', '--tz', 'UTC', '--json'], env);
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
        item: `import ${SETS.toLocaleString('en-US')} Strong 5.x sets`,
        measure: 'wall',
        value: importMedian,
        unit: 'ms',
        baseline: { name: 'psql \\copy', value: copyMedian },
        ratio: importMedian / copyMedian,
        target: `<= x${TARGET_RATIO}`,
        met: importMedian / copyMedian <= TARGET_RATIO,
      },
    ];
    if (rss?.peakRssMb != null) {
      rows.push({
        item: `import ${rss.sets.toLocaleString('en-US')} Strong 5.x sets`,
        measure: 'peak RSS',
        value: rss.peakRssMb,
        unit: 'MB',
        target: `< ${TARGET_RSS_MB} MB`,
        met: rss.peakRssMb < TARGET_RSS_MB,
      });
    }
    return {
      name: 'importBench',
      title: `workout import vs psql \\copy of the same file into a plain staging table (${REPETITIONS} interleaved runs, medians)`,
      rows,
      notes: [
        `file: ${(bytes / 1e6).toFixed(1)} MB; import runs ms: ${importMs.map(Math.round).join(', ')}; \\copy runs ms: ${copyMs.map(Math.round).join(', ')}`,
        ...(rss ? [`the ${rss.sets.toLocaleString('en-US')}-set import took ${(rss.ms / 1000).toFixed(1)} s`] : []),
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await withClient(ADMIN_URL, (admin) => admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`));
  }
}

runBench(main);
