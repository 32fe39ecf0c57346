import { spawn } from 'node:child_process';
import fs from 'node:fs';

export type SampledRun = { code: number | null; ms: number; stdout: string; stderr: string; peakRssKb: number | null };

/** VmHWM of a running process (Linux): its peak resident set so far, kept by the kernel. Throws once it has exited. */
export function peakRssKbOf(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

/** Runs a command; wall time from spawn to exit; peak RSS sampled from /proc (Linux). */
export function runSampled(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<SampledRun> {
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
        const kb = peakRssKbOf(child.pid!);
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
