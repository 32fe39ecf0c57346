import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cliEnv, runCli } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { HAS_SCRIPT, runOnTerminal } from '../helpers/terminal.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Runs the CLI without a terminal and sends it SIGINT (what Ctrl-C sends) after `ms`. */
function interruptAfter(args: string[], ms: number, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('workout rest', () => {
  test('without a terminal: waits, then one line; --json; a bad duration is refused', async () => {
    const started = Date.now();
    const [text, json, bad, zero] = await Promise.all([
      runCli(['rest', '2s']),
      runCli(['--json', 'rest', '1']),
      runCli(['rest', '2h']),
      runCli(['rest', '0']),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(text).toMatchObject({ code: 0, stdout: 'Rest over: 2s.\n', stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual({ seconds: 1, completed: true, elapsed_seconds: 1 });
    expect(bad).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'workout: DURATION "2h": expected a duration unit (s or m), found "h"\n',
    });
    expect(zero).toMatchObject({
      code: 2,
      stderr: 'workout: DURATION "0": a rest must be from 1 second to 60 minutes\n',
    });
  });

  test("the default: the next exercise's rest, else the routine's, else 2m; Ctrl-C ends it early, exit 0", async () => {
    // The database used once first, so that the SIGINT lands in the countdown rather than in
    // a first use that takes seconds on a busy machine.
    expect((await db.cli(['db', 'status'])).code).toBe(0);
    const outside = await interruptAfter(['--json', 'rest'], 4000, db.env);
    expect(outside.code).toBe(0);
    expect(JSON.parse(outside.stdout)).toMatchObject({ seconds: 120, completed: false });

    const routine = 'rest 2s\nSquat: 1x5 @ 100kg, rest 1s\nCurl: 1x10 @ 20kg\n';
    expect((await db.cli(['routine', 'create', 'Legs'], { stdin: routine })).code).toBe(0);
    expect((await db.cli(['session', 'start', '--routine', 'Legs'])).code).toBe(0);
    expect(JSON.parse((await db.cli(['--json', 'rest'])).stdout)).toEqual({
      seconds: 1,
      completed: true,
      elapsed_seconds: 1,
    });
    expect((await db.cli(['next', '--log'])).code).toBe(0);
    expect(JSON.parse((await db.cli(['--json', 'rest'])).stdout)).toEqual({
      seconds: 2,
      completed: true,
      elapsed_seconds: 2,
    });
  });

  test.skipIf(!HAS_SCRIPT)(
    'on a terminal: a countdown rewritten in place, a bell; Ctrl-C stops it quietly',
    async () => {
      const full = runOnTerminal(['rest', '3'], db.env);
      expect(await full.exited).toBe(0);
      const screen = full.screen();
      expect(screen).toContain('\rRest 0:03 ');
      expect(screen).toContain('\rRest 0:01 ');
      expect(screen).toContain('\rRest over (0:03).\u0007');
      expect(screen).toContain('Rest over: 3s.');

      const stopped = runOnTerminal(['rest', '1m'], db.env);
      await stopped.waitFor('Rest 0:59');
      stopped.type('\u0003');
      expect(await stopped.exited).toBe(0);
      expect(stopped.screen()).toMatch(/Rest stopped after 0:0\d\.\r?\n/);
      expect(stopped.screen()).not.toContain('workout:');
    },
  );
});
