import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../helpers/paths.js';

/** One line of a bench table: a figure, what it is compared with, and the target if any. */
export type Row = {
  item: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  target?: string;
  met?: boolean;
};

export type BenchResult = {
  name: string;
  title: string;
  rows: Row[];
  /** Lines printed under the table: what dominates a figure, what was checked. */
  notes?: string[];
  details?: Record<string, unknown>;
};

export const RESULTS_DIR = path.join(ROOT, 'test', 'bench', 'results');

const format = (value: number, unit: string) =>
  unit === 'ms' ? value.toFixed(1) : Number.isInteger(value) ? String(value) : value.toFixed(2);

export function renderTable(rows: Row[]): string {
  const lines = rows.map((row) => [
    row.item,
    row.measure,
    `${format(row.value, row.unit)} ${row.unit}`.trim(),
    row.baseline ? `${row.baseline.name} ${format(row.baseline.value, row.unit)} ${row.unit}`.trim() : '',
    row.ratio === undefined ? '' : `x${row.ratio.toFixed(2)}`,
    row.target === undefined ? '' : `${row.target} ${row.met ? 'met' : 'MISSED'}`,
  ]);
  const head = ['item', 'measure', 'value', 'baseline', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}

/** Prints the table and writes test/bench/results/<name>.json (git-ignored). */
export function report(result: BenchResult): void {
  process.stdout.write(`\n== ${result.title} ==\n${renderTable(result.rows)}\n`);
  for (const note of result.notes ?? []) process.stdout.write(`  ${note}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}.json`);
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    at: new Date().toISOString(),
  };
  fs.writeFileSync(file, `${JSON.stringify({ ...result, machine }, null, 2)}\n`);
  process.stdout.write(`(written to ${path.relative(ROOT, file)}; timings on a shared machine are noisy)\n`);
}

/** Runs a bench's main, reporting a failure as exit 1 with its message. */
export function runBench(main: () => Promise<BenchResult>): void {
  // Measured as users run them: with NODE_EXTRA_CA_CERTS set (as on this project's machines),
  // Node 20 reads and parses that bundle before running any script, ~40 ms of CPU in every
  // process, which hides the CLI's own cost behind a shared one.
  delete process.env.NODE_EXTRA_CA_CERTS;
  main().then(report, (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
