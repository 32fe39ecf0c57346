// Runs the built CLI's main() once per argv in this one process, one after another:
// the same code path as `bin/workout` (a new pool and connection per run), without
// paying a Node start-up per run. Used to put many concurrent writers on a database.
//
//   node cliLoop.mjs '<JSON array of argv arrays>' [startAtEpochMs]
//
// Waits until startAtEpochMs (so that several workers start together), then prints
// one line `codes [..]` on stderr and exits 0 only if every run exited 0.
import { setTimeout as sleep } from 'node:timers/promises';
import { main } from '../../dist/cli.js';

const runs = JSON.parse(process.argv[2] ?? '[]');
const startAt = Number(process.argv[3] ?? 0);
while (Date.now() < startAt) await sleep(Math.min(10, startAt - Date.now()));
const codes = [];
for (const argv of runs) codes.push(await main(argv));
process.stderr.write(`codes ${JSON.stringify(codes)}\n`);
process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
