import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from '../../helpers/paths.js';
import { ok, timeProcess } from './measure.js';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * One run of the CLI under `node --cpu-prof`: sampled time by where the code lives (a
 * package, our src/, Node's own loader and built-ins), to show what dominates. Frames in
 * the bundle are traced back to their source file through its source map.
 */
export async function cpuProfileSummary(args: string[], env: Record<string, string>): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-prof-'));
  try {
    ok(
      await timeProcess(
        process.execPath,
        ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', BIN, ...args],
        {
          env: { WORKOUT_USER: 'bench', NO_COLOR: '1', ...env },
        },
      ),
      'profiled run',
    );
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return {};
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals: Record<string, number> = {};
    const maps = new Map<string, SourceMap | undefined>();
    profile.samples.forEach((id, i) => {
      const where = area(original(nodes.get(id)!.callFrame, maps));
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

/** The frame's source file, when it is in a bundle with a source map beside it. */
function original(frame: CallFrame, maps: Map<string, SourceMap | undefined>): CallFrame {
  if (!frame.url.startsWith('file:') || !frame.url.includes('/dist/')) return frame;
  if (!maps.has(frame.url)) {
    const file = `${fileURLToPath(frame.url)}.map`;
    maps.set(frame.url, fs.existsSync(file) ? new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8'))) : undefined);
  }
  const entry = maps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  // No source: esbuild's own helpers (require wrappers, where lazily compiled module bodies land).
  return { ...frame, url: entry && 'originalSource' in entry ? entry.originalSource : 'bundle:' };
}

function area({ url, functionName }: CallFrame): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:') || (url && !url.includes('/'))) return 'node internals (loader, built-ins)';
  if (url === 'bundle:') return 'bundle module loading';
  if (url.includes('/src/') || url.includes('/dist/') || url.includes('/bin/')) return 'workout';
  return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(anonymous)';
}

/** "node internals 80 ms, pg 6 ms, …" */
export function describeProfile(summary: Record<string, number>): string {
  return Object.entries(summary)
    .map(([where, ms]) => `${where} ${ms} ms`)
    .join(', ');
}
