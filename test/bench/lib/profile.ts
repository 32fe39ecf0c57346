import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN } from '../../helpers/paths.js';
import { ok, timeProcess } from './measure.js';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * One run of the CLI under `node --cpu-prof`: sampled time by where the code lives
 * (a package, Node's own loader and built-ins, our bundle), to show what dominates.
 */
export async function cpuProfileSummary(args: string[], env: Record<string, string>): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-prof-'));
  try {
    ok(
      await timeProcess(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', BIN, ...args], {
        env: { WORKOUT_USER: 'bench', NO_COLOR: '1', ...env },
      }),
      'profiled run',
    );
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return {};
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals: Record<string, number> = {};
    profile.samples.forEach((id, i) => {
      const where = area(nodes.get(id)!.callFrame);
      totals[where] = (totals[where] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
    });
    return Object.fromEntries(
      Object.entries(totals)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => [k, Math.round(v * 10) / 10]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function area({ url, functionName }: ProfileNode['callFrame']): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:') || (url && !url.includes('/'))) return 'node internals (loader, built-ins)';
  if (url.includes('/dist/')) return 'workout (dist)';
  if (url.includes('/bin/')) return 'workout (bin)';
  return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(anonymous)';
}

/** "node internals 80 ms, pg 6 ms, …" */
export function describeProfile(summary: Record<string, number>): string {
  return Object.entries(summary)
    .map(([where, ms]) => `${where} ${ms} ms`)
    .join(', ');
}
