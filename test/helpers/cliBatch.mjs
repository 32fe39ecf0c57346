// Runs the built CLI's main() (what bin/workout runs) once per argv, one after
// another, in this one process: each run opens and closes its own database
// connection (or embedded PGlite) as a separate `workout` process would, without
// paying a Node start-up per run. Output of each run is captured on its own.
//
//   node cliBatch.mjs '<JSON array of argv arrays>' [startAtEpochMs]
//
// Waits until startAtEpochMs (so that several batches start together), then writes
// one JSON array of { code, stdout, stderr } on stdout.
import { setTimeout as sleep } from 'node:timers/promises';
import { main } from '../../dist/cli.js';

const runs = JSON.parse(process.argv[2] ?? '[]');
const startAt = Number(process.argv[3] ?? 0);
while (Date.now() < startAt) await sleep(Math.min(10, startAt - Date.now()));

const realStdout = process.stdout.write.bind(process.stdout);
const realStderr = process.stderr.write.bind(process.stderr);
const results = [];
for (const argv of runs) {
  const captured = { stdout: '', stderr: '' };
  const capture = (stream) => (chunk, encoding, callback) => {
    captured[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  let code;
  try {
    code = await main(argv);
  } finally {
    process.stdout.write = realStdout;
    process.stderr.write = realStderr;
  }
  results.push({ code, ...captured });
}
realStdout(JSON.stringify(results));
