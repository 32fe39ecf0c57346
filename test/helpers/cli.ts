import { spawn } from 'node:child_process';
import { BIN } from './paths.js';

export type CliResult = { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null };

export type CliOptions = {
  env?: Record<string, string | undefined>;
  stdin?: string;
  timeoutMs?: number;
};

/**
 * The environment a test's CLI runs in: this one, without DATABASE_URL or a PG* variable that
 * would pick a server instead of the embedded database, user `tester`, no colour; then `env`.
 */
export function cliEnv(env: Record<string, string | undefined>): Record<string, string> {
  const childEnv: Record<string, string> = {};
  const noServer = {
    DATABASE_URL: undefined,
    PGHOST: undefined,
    PGHOSTADDR: undefined,
    PGDATABASE: undefined,
    PGSERVICE: undefined,
  };
  for (const [key, value] of Object.entries({
    ...process.env,
    ...noServer,
    WORKOUT_USER: 'tester',
    NO_COLOR: '1',
    ...env,
  })) {
    if (value !== undefined) childEnv[key] = value;
  }
  return childEnv;
}

/** Runs the built CLI as a user would: a new process, stdin piped, stdout/stderr and exit code read. */
export function runCli(args: string[], { env = {}, stdin, timeoutMs = 60_000 }: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, signal });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(stdin ?? '');
  });
}
