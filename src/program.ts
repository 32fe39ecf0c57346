import { Command, Option } from 'commander';

/** The global options as commander hands them over; config.ts validates them. */
export type GlobalOptions = {
  databaseUrl?: string;
  user?: string;
  json?: boolean;
  color?: boolean;
  verbose?: boolean;
  connectTimeout?: string;
  lockTimeout?: string;
  statementTimeout?: string;
};

/** `workout` with its global options and help, before any command group is added. */
export function createProgram(): Command {
  return new Command('workout')
    .description('A fast, scriptable workout log on PostgreSQL (embedded, or a server via DATABASE_URL).')
    .version('0.1.0')
    .option(
      '--database-url <url>',
      'PostgreSQL server to use, as a URL or libpq key=value string (default: $DATABASE_URL, else PGHOST/PGDATABASE/PGSERVICE, else the embedded database)',
    )
    .option('--user <name>', 'whose log (default: $WORKOUT_USER, else your OS user name)')
    .option('--json', 'print results as JSON')
    .option('--no-color', 'no colour (also NO_COLOR, or when stdout is not a terminal)')
    .option('--verbose', 'print stack traces on errors')
    .addOption(new Option('--connect-timeout <seconds>', 'give up connecting after this long (default 5)'))
    .addOption(
      new Option(
        '--lock-timeout <seconds>',
        'give up waiting for a lock, or for the embedded database in use, after this long (default 10)',
      ),
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
Environment: DATABASE_URL (else libpq's PGHOST, PGDATABASE, PGSERVICE, …), WORKOUT_USER,
  WORKOUT_HOME (embedded data folder), NO_COLOR, WORKOUT_CONNECT_TIMEOUT,
  WORKOUT_LOCK_TIMEOUT, WORKOUT_STATEMENT_TIMEOUT (seconds, as the options).
A password in DATABASE_URL is never printed; prefer it (or PGPASSWORD) to --database-url,
which other users of the machine can see in the process list.`,
    );
}
