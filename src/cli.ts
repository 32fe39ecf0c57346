import { type Command, CommanderError } from 'commander';
import { GROUPS } from './commands/groups.js';
import { redactSecrets } from './db/connectionTarget.js';
import { SERVER_COMMAND } from './db/serverFiles.js';
import { WorkoutError } from './errors.js';
import { createProgram } from './program.js';

/** The program with the groups, and the full definition of the one argv names. */
export async function buildProgram(argv: string[]): Promise<Command> {
  const program = createProgram();
  const named = namedGroup(program, argv);
  for (const [name, [description, load]] of Object.entries(GROUPS)) {
    const group = program.command(name).description(description);
    if (name === named) (await load()).define(group);
  }
  return program;
}

/** The group argv names (`workout --user ann set add …`, `workout help set`), if any. */
function namedGroup(program: Command, argv: string[]): string | undefined {
  const takesValue = new Set(program.options.filter((option) => option.required).map((option) => option.long));
  const words: string[] = [];
  for (let index = 0; index < argv.length && words.length < 2; index++) {
    const arg = argv[index]!;
    if (arg === '--') break;
    if (!arg.startsWith('-')) words.push(arg);
    else if (takesValue.has(arg)) index++;
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(GROUPS, name) ? name : undefined;
}

/** Runs the CLI; returns the exit code. The one place errors become messages and codes. */
export async function main(argv: string[]): Promise<number> {
  // The embedded database's background server is this same program, started by the CLI (src/db/serverClient.ts).
  if (argv[0] === SERVER_COMMAND) return (await import('./db/backgroundServer.js')).runBackgroundServer(argv.slice(1));
  const verbose = argv.includes('--verbose') || Boolean(process.env.DEBUG);
  const secretSources = [...argvValues(argv, '--database-url'), process.env.DATABASE_URL];
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for exits 0; help shown because a command group got no command (`workout session`) is bad usage.
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code))
        return error.exitCode === 0 ? 0 : 2;
      if (error.code === 'commander.executeSubCommandAsync') return 0;
      process.stderr.write(`${redactSecrets(await usageMessage(error), secretSources)}\n`);
      return 2;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') return 130; // Ctrl-C in a prompt: leave quietly
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`workout: ${redactSecrets(message.split('\n')[0] ?? '', secretSources)}\n`);
    if (verbose && error instanceof Error && error.stack) {
      process.stderr.write(`${redactSecrets(error.stack, secretSources)}\n`);
    }
    return error instanceof WorkoutError ? error.exitCode : 1;
  }
}

/** Commander's message as one line ("unknown command 'sesion'" + "(Did you mean session?)"). */
async function usageMessage(error: CommanderError): Promise<string> {
  const message = error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  // `set add Bench -100x5`: commander takes the negative SET for an option.
  const negative = error.code === 'commander.unknownOption' ? /^unknown option '(-\d[^']*)'/.exec(message) : null;
  if (!negative) return `workout: ${message}`;
  // Loaded only here: set notation brings zod, which `--help` does not need.
  const { SET_FORMS } = await import('./domain/setNotation.js');
  return `workout: SET "${negative[1]}" is not a set: a weight cannot be negative (accepted forms: ${SET_FORMS})`;
}

/** Every value given to `flag` (`--flag value` or `--flag=value`): all of them may hold a password. */
function argvValues(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, index) => {
    if (arg.startsWith(`${flag}=`)) return [arg.slice(flag.length + 1)];
    const next = argv[index + 1];
    return arg === flag && next !== undefined ? [next] : [];
  });
}
