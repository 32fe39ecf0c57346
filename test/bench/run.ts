/**
 * `npm run bench`: builds the CLI, runs every bench in its own process, then prints one
 * summary of all their tables (also written to test/bench/results/summary.json).
 * BENCH_ONLY=setAdd,startup runs a subset; BENCH_PAIRS raises the rounds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { type BenchResult, RESULTS_DIR, type Row, renderTable } from './lib/report.js';

const BENCHES = [
  'setAdd',
  'setAddMulti',
  'startup',
  'statements',
  'flatCost',
  'concurrency',
  'embedded',
  'trainingReads',
  'readCpu',
  'importBench',
  'afterImport',
  'aliasLookup',
];

function main(): number {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const chosen = BENCHES.filter((name) => fs.existsSync(path.join(ROOT, 'test', 'bench', `${name}.ts`))).filter(
    (name) => !only || only.includes(name),
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return 1;

  const failed: string[] = [];
  const results: BenchResult[] = [];
  for (const name of chosen) {
    process.stdout.write(`\n### ${name}\n`);
    const started = Date.now();
    const file = path.join(RESULTS_DIR, `${name}.json`);
    fs.rmSync(file, { force: true });
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs'), `test/bench/${name}.ts`],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    process.stdout.write(`(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    if (run.status !== 0 || !fs.existsSync(file)) {
      failed.push(name);
      continue;
    }
    results.push(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult);
  }

  const rows: Row[] = results.flatMap((result) => (Array.isArray(result.rows) ? result.rows : []));
  const missed = rows.filter((row) => row.target !== undefined && !row.met);
  process.stdout.write(
    `\n== summary (${new Date().toISOString()}, node ${process.version}) ==\n${renderTable(rows)}\n`,
  );
  process.stdout.write(
    `targets: ${rows.filter((r) => r.target !== undefined).length - missed.length} met, ${missed.length} missed` +
      `${failed.length ? `; benches failed: ${failed.join(', ')}` : ''}\n`,
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'summary.json'),
    `${JSON.stringify({ rows, failed, at: new Date().toISOString() }, null, 2)}\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main();
