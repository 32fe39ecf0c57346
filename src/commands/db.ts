import type { Command } from 'commander';
import { z } from 'zod';
import { action } from './action.js';

const migrateInput = z
  .object({ enableRls: z.boolean().optional(), disableRls: z.boolean().optional() })
  .refine((input) => !(input.enableRls && input.disableRls), 'give --enable-rls or --disable-rls, not both')
  .transform((input) => ({ rowLevelSecurity: input.enableRls ? true : input.disableRls ? false : undefined }));
const migrateIndexesInput = z.object({ dryRun: z.boolean().default(false) });

export type MigrateInput = z.output<typeof migrateInput>;
export type MigrateIndexesInput = z.output<typeof migrateIndexesInput>;

const actions = () => import('./db/actions.js');

export function define(db: Command): void {
  db.command('migrate')
    .description('apply pending migrations, each in its own transaction')
    .option('--enable-rls', 'turn on row-level security: each PostgreSQL role sees only the workout user of its name')
    .option('--disable-rls', 'turn row-level security off again (the default)')
    .addHelpText(
      'after',
      `
Row-level security (shared servers; off by default). With it on, a PostgreSQL role
reads and writes only the rows of the workout user with the role's name, so each
lifter runs \`workout --user <their role>\`; the exercise catalog is shared (read only),
the exercises and aliases a lifter adds are their own. Owners of the tables and superusers are not restricted: run
migrations as the owner, and give each lifter a LOGIN role of their own, e.g.

  CREATE ROLE ann LOGIN;
  GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workout_session, workout_log, personal_record, routine,
    exercise_alias, session_exercise_totals TO ann;
  GRANT SELECT, INSERT, UPDATE ON exercise TO ann;
  GRANT SELECT ON workout_migration TO ann;

Example:
  $ DATABASE_URL=postgres://owner@db/gym workout db migrate --enable-rls`,
    )
    .action(action(migrateInput, async () => (await actions()).migrateCommand));
  db.command('status')
    .description('backend, server version, migrations, the composite indexes and the background server')
    .action(action(z.object({}), async () => (await actions()).statusCommand));
  db.command('stop')
    .description("stop the embedded database's background server of the data folder (the next command starts one)")
    .addHelpText(
      'after',
      `
Without DATABASE_URL, the first command starts a background server that keeps the data
folder's database open for the next ones and stops by itself after WORKOUT_SERVER_IDLE
seconds without a command (default 300). It finishes the commands it is serving first.
WORKOUT_SERVER=0 runs every command in its own process instead.

Examples:
  $ workout db stop
  $ workout --json db stop`,
    )
    .action(action(z.object({}), async () => (await actions()).stopCommand));
  db.command('migrate-indexes')
    .description('create missing composite indexes (CONCURRENTLY on a server) and rebuild invalid ones')
    .option('--dry-run', 'say what would be done, do nothing')
    .addHelpText(
      'after',
      `
Safe to run twice and while users write. A build waits for the transactions in flight
(--lock-timeout and --statement-timeout do not apply); if interrupted, run it again to rebuild.

Example:
  $ DATABASE_URL=postgres://admin@db/gym workout db migrate-indexes`,
    )
    .action(action(migrateIndexesInput, async () => (await actions()).migrateIndexesCommand));
}
