import { spawn } from 'node:child_process';
import path from 'node:path';
import type { CliResult } from './cli.js';
import { ROOT } from './paths.js';
import type { TestDatabase } from './testDatabase.js';

const CLI_BATCH = path.join(ROOT, 'test', 'helpers', 'cliBatch.mjs');

type BatchOptions = { env?: Record<string, string | undefined>; startAt?: number };

function spawnBatch(db: TestDatabase, runs: string[][], { env = {}, startAt = 0 }: BatchOptions): Promise<CliResult[]> {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    ...process.env,
    DATABASE_URL: undefined,
    WORKOUT_USER: 'tester',
    NO_COLOR: '1',
    ...db.env,
    ...env,
  })) {
    if (value !== undefined) childEnv[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BATCH, JSON.stringify(runs), String(startAt)], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        const results = JSON.parse(stdout) as Array<Omit<CliResult, 'signal'>>;
        resolve(results.map((result) => ({ ...result, signal: null })));
      } catch {
        reject(new Error(`cliBatch exited ${code ?? signal}: ${stderr.slice(0, 2000)}`));
      }
    });
  });
}

/**
 * Runs several CLI invocations one after another through the CLI's main() in one
 * process, each with its own captured stdout, stderr and exit code: for table-driven
 * cases where a Node start-up per case would dominate the suite's time.
 */
export async function runCliBatch(
  db: TestDatabase,
  runs: string[][],
  options: BatchOptions = {},
): Promise<CliResult[]> {
  await db.release();
  return spawnBatch(db, runs, options);
}

/**
 * Starts one process per entry of `workers`; each runs its argv list through the CLI's
 * main(), one after another. All begin at the same instant (after every process has
 * loaded), so their transactions really overlap.
 */
export async function runCliWorkers(
  db: TestDatabase,
  workers: string[][][],
  { startDelayMs = 1500 } = {},
): Promise<CliResult[][]> {
  await db.release();
  const startAt = Date.now() + startDelayMs;
  return Promise.all(workers.map((runs) => spawnBatch(db, runs, { startAt })));
}
