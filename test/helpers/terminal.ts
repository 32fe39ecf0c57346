import { spawn, spawnSync } from 'node:child_process';
import { cliEnv } from './cli.js';
import { BIN } from './paths.js';

/** util-linux `script` gives a program a pseudo-terminal; without it, prompts cannot be tested. */
export const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

export type Terminal = {
  /** Resolves once `text` is on the screen; rejects after `timeoutMs` with what is there. */
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
  /** Keys as a person types them (`\r` is Enter). */
  type: (keys: string) => void;
  /** Everything shown so far, terminal escape sequences removed. */
  screen: () => string;
  /** The CLI's exit code, once it has ended. */
  exited: Promise<number | null>;
  /** Ends the CLI if it still runs (closing its terminal hangs it up); resolves when it is gone. */
  kill: () => Promise<void>;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the terminal control sequences this strips.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** Runs the built CLI on a pseudo-terminal, as a person at a keyboard would: stdin and stdout are TTYs. */
export function runOnTerminal(args: string[], env: Record<string, string | undefined>): Terminal {
  // `exec`: the CLI replaces script's shell, as a job of an interactive shell has the
  // terminal to itself. Otherwise (dash as $SHELL or /bin/sh) the shell waits in the same
  // foreground group, gets Ctrl-C's SIGINT too and dies of it: exit 130 whatever the CLI did.
  const command = `exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  // -e: script exits with the CLI's code; detached: kill() reaches script's process group.
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: cliEnv(env),
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  const screen = () => output.replace(ESCAPES, '');
  return {
    screen,
    exited,
    type: (keys) => child.stdin.write(keys),
    waitFor: (text, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!screen().includes(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`"${text}" did not appear within ${timeoutMs} ms; the screen shows:\n${screen()}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
    kill: async () => {
      if (running && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
