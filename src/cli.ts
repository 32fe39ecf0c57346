import { Command, CommanderError, Option } from 'commander';
import type { GlobalOptions } from './config.js';
import { redactSecrets } from './db/connectionTarget.js';
import { RECORD_RULES_HELP } from './domain/records.js';
import { SET_FORMS } from './domain/setNotation.js';
import { WorkoutError } from './errors.js';
import { createOutput } from './ui/output.js';
import type { CommandContext } from './commands/context.js';

type Action = (context: CommandContext, args: unknown[], options: Record<string, unknown>) => Promise<void>;

/**
 * Wraps a lazily imported command so that only the code a command uses is loaded
 * (config too: it brings zod, which `--help` does not need).
 */
function run(load: () => Promise<Action>) {
  return async (...parameters: unknown[]) => {
    const command = parameters.at(-1) as Command;
    const options = command.opts();
    const args = parameters.slice(0, -2);
    const globals = command.optsWithGlobals<GlobalOptions>();
    const config = (await import('./config.js')).loadConfig(globals);
    await (await load())({ config, output: createOutput(config) }, args, options);
  };
}

export function buildProgram(): Command {
  const program = new Command('workout')
    .description('A fast, scriptable workout log on PostgreSQL (embedded, or a server via DATABASE_URL).')
    .version('0.1.0')
    .option('--database-url <url>', 'PostgreSQL server to use (default: $DATABASE_URL, else the embedded database)')
    .option('--user <name>', 'whose log (default: $WORKOUT_USER, else your OS user name)')
    .option('--json', 'print results as JSON')
    .option('--no-color', 'no colour (also NO_COLOR, or when stdout is not a terminal)')
    .option('--verbose', 'print stack traces on errors')
    .addOption(new Option('--connect-timeout <seconds>', 'give up connecting after this long (default 5)'))
    .addOption(
      new Option('--lock-timeout <seconds>', 'give up waiting for a lock, or for the embedded database in use, after this long (default 10)'),
    )
    .addOption(new Option('--statement-timeout <seconds>', 'cancel a statement after this long (default 60)'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText(
      'after',
      `
Examples:
  $ workout set add "Bench Press" 100x5
  $ workout set add Squat 225lb x 5 --rpe 8
  $ workout pr list --json | jq '.[0]'
  $ workout import strong.csv --unit lb
  $ workout export > backup.csv
  $ DATABASE_URL=postgres://me@db/gym workout db migrate

Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 database unavailable.
Environment: DATABASE_URL, WORKOUT_USER, WORKOUT_HOME (embedded data folder), NO_COLOR,
  WORKOUT_CONNECT_TIMEOUT, WORKOUT_LOCK_TIMEOUT, WORKOUT_STATEMENT_TIMEOUT (seconds, as the options).
A password in DATABASE_URL is never printed; prefer it (or PGPASSWORD) to --database-url,
which other users of the machine can see in the process list.`,
    );

  const session = program.command('session').description('start, end and look at workout sessions');
  session
    .command('start')
    .description('start a session (fails if one is already active)')
    .option('--name <name>', 'a name for the session, e.g. "Push day"')
    .option('--at <iso>', 'start time (ISO 8601; default now)')
    .addHelpText('after', '\nExample:\n  $ workout session start --name "Push day"')
    .action(run(async () => (await import('./commands/session.js')).startSessionCommand));
  session
    .command('end')
    .description('end the active session')
    .option('--at <iso>', 'end time (ISO 8601; default now)')
    .action(run(async () => (await import('./commands/session.js')).endSessionCommand));
  session
    .command('show [id]')
    .description('a session\'s sets grouped by exercise (default: the active or last session)')
    .action(run(async () => (await import('./commands/session.js')).showSessionCommand));
  session
    .command('list')
    .description('your sessions, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(run(async () => (await import('./commands/session.js')).listSessionsCommand));

  const set = program.command('set').description('log sets');
  set
    .command('add [exercise] [set...]')
    .description('log one set; starts a session if none is active')
    .option('--weight <w>', 'weight, instead of SET notation')
    .option('--reps <n>', 'reps, instead of SET notation')
    .option('--rpe <r>', 'rate of perceived exertion, 1-10 in halves')
    .option('--type <type>', 'normal, warmup, drop or failure', 'normal')
    .option('--unit <unit>', 'kg or lb (default kg, or the unit written in SET)')
    .option('--note <text>', 'a note on the set')
    .option('--at <iso>', 'when the set was done (ISO 8601; default now)')
    .addHelpText(
      'after',
      `
SET is WEIGHTxREPS: 100x5, 100kg x5, 225lb x 5, bw x 12 (bodyweight), bw+20x5 (weighted bodyweight).

Examples:
  $ workout set add "Bench Press" 100x5
  $ workout set add Squat 225lb x 5 --rpe 8.5
  $ workout set add "Pull Up" bw+10x6
  $ workout set add Deadlift --weight 180 --reps 3 --type failure`,
    )
    .action(run(async () => (await import('./commands/set.js')).addSetCommand));
  set
    .command('undo')
    .description('remove the last set of the active session (its records are recomputed)')
    .action(run(async () => (await import('./commands/set.js')).undoSetCommand));

  const pr = program.command('pr').description('personal records');
  pr.command('list')
    .description('your records per exercise')
    .option('--exercise <name>', 'only this exercise')
    .addHelpText('after', `\n${RECORD_RULES_HELP}`)
    .action(run(async () => (await import('./commands/pr.js')).listRecordsCommand));

  program
    .command('import [file]')
    .description('import workouts from a Strong, Hevy, FitNotes or workout CSV export (FILE, or stdin for - or a pipe)')
    .option('--format <format>', 'auto, workout, strong, hevy or fitnotes', 'auto')
    .option('--unit <unit>', 'kg or lb: the weight unit of files that do not say (Strong 5.x)')
    .option('--tz <zone>', "time zone of dates written without one, e.g. Europe/Berlin (default: the system's)")
    .option('--dry-run', 'check every row and report what would be added; write nothing')
    .option('--skip-invalid', 'import the valid rows and list the invalid ones (default: any invalid row stops the import)')
    .addHelpText(
      'after',
      `
The format and the delimiter (, or ;) are read from the header line. One import is one
transaction: it lands whole or not at all. Each workout of the file becomes a session;
a workout imported before is skipped, so importing a file twice, or a newer export that
overlaps an older one, adds only what is new. Rest timers, unfilled sets and cardio
rows are not sets: they are skipped and counted.

Examples:
  $ workout import strong.csv --unit lb
  $ workout import < hevy_workouts.csv
  $ cat fitnotes.csv | workout import --tz Europe/Berlin --dry-run
  $ workout import export.csv --skip-invalid --json`,
    )
    .action(run(async () => (await import('./commands/import.js')).importCommand));

  program
    .command('export')
    .description('write your sets to stdout: workout CSV (lossless), Strong 5.x CSV or JSON')
    .option('--format <format>', 'workout (default), strong or json (also --json)')
    .option('--from <date>', 'only sets from this day or time on (ISO 8601)')
    .option('--to <date>', 'only sets up to this day (inclusive) or time (ISO 8601)')
    .option('--exercise <name>', 'only this exercise')
    .option('--unit <unit>', 'kg or lb: the weight unit of --format strong (default: the unit you log most)')
    .option('--tz <zone>', "time zone of the times written (default: the system's)")
    .addHelpText(
      'after',
      `
workout's own format keeps every field (times with their offset, the unit of each set)
and imports back unchanged. Strong files carry no unit: import them with the same --unit
(other apps assume kg). As Strong does, an unnamed workout is named by the hour it started
in --tz: Morning (5-11 h), Midday (12-13 h), Afternoon (14-17 h), Evening (18-22 h) or
Night Workout; warm-up, drop and failure sets are numbered like the others.

Examples:
  $ workout export > backup.csv
  $ workout export --format strong --unit lb --from 2025-01-01 > strong.csv
  $ workout export --format json --exercise "Bench Press" | jq length`,
    )
    .action(run(async () => (await import('./commands/export.js')).exportCommand));

  const db = program.command('db').description('schema and indexes');
  db.command('migrate')
    .description('apply pending migrations, each in its own transaction')
    .option('--enable-rls', 'turn on row-level security: each PostgreSQL role sees only the workout user of its name')
    .option('--disable-rls', 'turn row-level security off again (the default)')
    .addHelpText(
      'after',
      `
Row-level security (shared servers; off by default). With it on, a PostgreSQL role
reads and writes only the rows of the workout user with the role's name, so each
lifter runs \`workout --user <their role>\`; exercise names stay shared (read and add,
never rename or delete). Owners of the tables and superusers are not restricted: run
migrations as the owner, and give each lifter a LOGIN role of their own, e.g.

  CREATE ROLE ann LOGIN;
  GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workout_session, workout_log, personal_record TO ann;
  GRANT SELECT, INSERT ON exercise TO ann;
  GRANT SELECT ON workout_migration TO ann;

Example:
  $ DATABASE_URL=postgres://owner@db/gym workout db migrate --enable-rls`,
    )
    .action(run(async () => (await import('./commands/db.js')).migrateCommand));
  db.command('status')
    .description('backend, server version, migrations and the composite indexes')
    .action(run(async () => (await import('./commands/db.js')).statusCommand));
  db.command('migrate-indexes')
    .description('create missing composite indexes (CONCURRENTLY on a server) and rebuild invalid ones')
    .option('--dry-run', 'say what would be done, do nothing')
    .addHelpText('after', '\nSafe to run twice and while users write. A build waits for the transactions in flight\n(--lock-timeout and --statement-timeout do not apply); if interrupted, run it again to rebuild.\n\nExample:\n  $ DATABASE_URL=postgres://admin@db/gym workout db migrate-indexes')
    .action(run(async () => (await import('./commands/db.js')).migrateIndexesCommand));

  return program;
}


/** Runs the CLI; returns the exit code. The one place errors become messages and codes. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const verbose = argv.includes('--verbose') || Boolean(process.env.DEBUG);
  const secretSources = [...argvValues(argv, '--database-url'), process.env.DATABASE_URL];
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for exits 0; help shown because a command group got no command (`workout session`) is bad usage.
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return error.exitCode === 0 ? 0 : 2;
      if (error.code === 'commander.executeSubCommandAsync') return 0;
      process.stderr.write(`${redactSecrets(usageMessage(error), secretSources)}\n`);
      return 2;
    }
    if (isPromptExit(error)) return 130;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`workout: ${redactSecrets(message.split('\n')[0] ?? '', secretSources)}\n`);
    if (verbose && error instanceof Error && error.stack) {
      process.stderr.write(`${redactSecrets(error.stack, secretSources)}\n`);
    }
    return error instanceof WorkoutError ? error.exitCode : 1;
  }
}

/** Commander's message as one line ("unknown command 'sesion'" + "(Did you mean session?)"). */
function usageMessage(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  // `set add Bench -100x5`: commander takes the negative SET for an option.
  const negative = error.code === 'commander.unknownOption' ? /^unknown option '(-\d[^']*)'/.exec(message) : null;
  if (negative) return `workout: SET "${negative[1]}" is not a set: a weight cannot be negative (accepted forms: ${SET_FORMS})`;
  return `workout: ${message}`;
}

/** Every value given to `flag` (`--flag value` or `--flag=value`): all of them may hold a password. */
function argvValues(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, index) => {
    if (arg.startsWith(`${flag}=`)) return [arg.slice(flag.length + 1)];
    const next = argv[index + 1];
    return arg === flag && next !== undefined ? [next] : [];
  });
}

/** Ctrl-C in an inquirer prompt: leave quietly. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
