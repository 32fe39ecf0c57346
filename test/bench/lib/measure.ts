import { spawn, spawnSync } from 'node:child_process';

/** One process run: exit code, output, wall time and CPU time (user + system) in ms. */
export type ProcessRun = { code: number; wallMs: number; cpuMs: number; stdout: string; stderr: string };

export type RunOptions = { env?: Record<string, string | undefined>; stdin?: string };

/**
 * Runs `command args` under bash, which reads the clock around it ($EPOCHREALTIME) and
 * the CPU time of the finished child (`times`, from wait4's rusage, 1 ms resolution),
 * so the figures are the child's own and not the bench's.
 */
export function timeProcess(
  command: string,
  args: string[],
  { env = {}, stdin = '' }: RunOptions = {},
): Promise<ProcessRun> {
  const script = 's=$EPOCHREALTIME; "$@" 3>&-; c=$?; e=$EPOCHREALTIME; { echo "$c $s $e"; times; } >&3';
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) childEnv[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
      env: childEnv,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timing = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (chunk: string) => (timing += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const [status, times, children] = timing.trim().split('\n');
      const [code, start, end] = (status ?? '').split(' ').map((n) => Number(n.replace(',', '.')));
      const cpu = /(\d+)m([\d.,]+)s (\d+)m([\d.,]+)s/.exec(children ?? '');
      if (code === undefined || !cpu || times === undefined) {
        reject(new Error(`could not time ${command}: ${timing || stderr}`));
        return;
      }
      const seconds = (minutes: string, secs: string) => Number(minutes) * 60 + Number(secs.replace(',', '.'));
      resolve({
        code,
        wallMs: (end! - start!) * 1000,
        cpuMs: (seconds(cpu[1]!, cpu[2]!) + seconds(cpu[3]!, cpu[4]!)) * 1000,
        stdout,
        stderr,
      });
    });
    child.stdin!.on('error', () => {});
    child.stdin!.end(stdin);
  });
}

/** Throws with the process's stderr unless it exited 0. */
export function ok(run: ProcessRun, what: string): ProcessRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr.trim() || run.stdout.trim()}`);
  return run;
}

/**
 * Runs the measurements in turn, `rounds` times (A B C A B C …), so that a change in the
 * machine's load hits each of them alike. Returns every sample per name.
 */
export async function alternate<K extends string, S>(
  rounds: number,
  steps: Record<K, (round: number) => Promise<S>>,
): Promise<Record<K, S[]>> {
  const names = Object.keys(steps) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as S[]])) as Record<K, S[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) samples[name].push(await steps[name](round));
  }
  return samples;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Rounds from the environment (BENCH_PAIRS), at least `min`. */
export function rounds(fallback: number, min = 10): number {
  const wanted = Number(process.env.BENCH_PAIRS ?? fallback);
  return Math.max(min, Number.isFinite(wanted) ? Math.round(wanted) : fallback);
}

/**
 * Instructions a process executes (millions), counted by valgrind's callgrind: unlike CPU
 * time, the same from one run to the next (±1 %), whatever else the machine is doing.
 * Undefined when valgrind is not installed (`apt-get install valgrind`) or BENCH_INSTRUCTIONS=0.
 * A run takes ~50x its usual time.
 */
export async function countInstructions(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<number | undefined> {
  if (process.env.BENCH_INSTRUCTIONS === '0' || !hasValgrind()) return undefined;
  const run = await timeProcess(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', command, ...args],
    options,
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.code !== 0 || !refs) throw new Error(`valgrind ${command} ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return Number(refs[1]!.replaceAll(',', '')) / 1e6;
}

let valgrind: boolean | undefined;
function hasValgrind(): boolean {
  valgrind ??= spawnSync('valgrind', ['--version']).status === 0;
  return valgrind;
}
