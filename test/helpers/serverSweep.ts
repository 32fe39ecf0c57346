import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_COMMAND } from '../../src/db/serverFiles.js';

/**
 * The embedded background servers (`workout __embedded-server …`) started by CLIs whose
 * environment has WORKOUT_TEST_RUN=`run` (vitest.config.ts sets it): found in /proc.
 */
export function serversOfRun(run: string): number[] {
  if (!fs.existsSync('/proc')) return [];
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!argv.includes(SERVER_COMMAND)) return [];
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      return env.includes(`WORKOUT_TEST_RUN=${run}`) ? [Number(entry)] : [];
    } catch {
      // Exited meanwhile.
      return [];
    }
  });
}

/** Ends what a test run left running: SIGTERM (a clean stop), then SIGKILL after `graceMs`. */
export async function endServersOfRun(run: string, graceMs = 5_000): Promise<number[]> {
  const left = serversOfRun(run);
  for (const pid of left) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (serversOfRun(run).length > 0 && Date.now() < deadline) await sleep(100);
  for (const pid of serversOfRun(run)) process.kill(pid, 'SIGKILL');
  return left;
}
