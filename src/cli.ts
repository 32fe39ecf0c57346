import { type Command, CommanderError } from 'commander';
import { redactSecrets } from './db/connectionTarget.js';
import { WorkoutError } from './errors.js';
import { createProgram } from './program.js';

/**
 * The command groups. Each module declares its subcommands, options, help and input
 * schemas; it is loaded only when argv names its group: `workout --help` loads none
 * (nor zod), `workout set add` only the set group.
 */
const GROUPS: Record<string, [description: string, load: () => Promise<{ define: (group: Command) => void }>]> = {
  session: ['start, end and look at workout sessions', () => import('./commands/session.js')],
  routine: [
    'plans as text: one exercise per line with sets, weight and progression',
    () => import('./commands/routine.js'),
  ],
  set: ['log sets', () => import('./commands/set.js')],
  next: ['the next set of the routine you follow, its weight; --log logs it', () => import('./commands/next.js')],
  rest: ["a rest timer: the routine's rest, else 2m, or DURATION", () => import('./commands/rest.js')],
  pr: ['personal records', () => import('./commands/pr.js')],
  import: [
    'import workouts from a Strong, Hevy, FitNotes or workout CSV export (FILE, or stdin for - or a pipe)',
    () => import('./commands/import.js'),
  ],
  export: [
    'write your sets to stdout: workout CSV (lossless), Strong 5.x CSV or JSON',
    () => import('./commands/export.js'),
  ],
  config: ['your settings, kept in the database (unit)', () => import('./commands/config.js')],
  last: ["an exercise's sets last time, and today's so far", () => import('./commands/last.js')],
  history: [
    "an exercise's sessions: sets, top set, estimated 1RM, volume, records",
    () => import('./commands/history.js'),
  ],
  progress: [
    "a chart of an exercise's estimated 1RM, heaviest weight, volume or reps over time",
    () => import('./commands/progress.js'),
  ],
  stats: [
    'sessions, working sets, reps and volume per week or month; top exercises, streak, records',
    () => import('./commands/stats.js'),
  ],
  db: ['schema and indexes', () => import('./commands/db.js')],
};

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
