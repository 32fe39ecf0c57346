import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.js';
import type { TestDatabase } from './testDatabase.js';

const CLI_LOOP = path.join(ROOT, 'test', 'helpers', 'cliLoop.mjs');

export type WorkerResult = { code: number | null; codes: number[]; stdout: string; stderr: string };

/**
 * Starts one process per entry of `workers`; each runs its argv list through the CLI's
 * main(), one after another. All begin at the same instant (after every process has
 * loaded), so their transactions really overlap.
 */
export async function runCliWorkers(db: TestDatabase, workers: string[][][], { startDelayMs = 1500 } = {}): Promise<WorkerResult[]> {
  await db.release();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, DATABASE_URL: undefined, WORKOUT_USER: 'tester', NO_COLOR: '1', ...db.env })) {
    if (value !== undefined) env[key] = value;
  }
  const startAt = Date.now() + startDelayMs;
  return Promise.all(
    workers.map(
      (runs) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI_LOOP, JSON.stringify(runs), String(startAt)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
          const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
          child.on('error', reject);
          child.on('close', (code) => {
            clearTimeout(timer);
            const line = /^codes (\[.*\])$/m.exec(stderr);
            resolve({ code, codes: line ? (JSON.parse(line[1]!) as number[]) : [], stdout, stderr });
          });
        }),
    ),
  );
}
