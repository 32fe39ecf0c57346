import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { assertSchemaCurrent, openDatabase, type Database } from '../db/database.js';
import type { Output } from '../ui/output.js';

export type CommandContext = { config: Config; output: Output };

/**
 * Opens the database, checks the schema, runs `work`, closes. `set add` checks the
 * schema version inside its own transaction instead, so it passes `checkSchema: false`.
 */
export async function withDatabase<T>(
  context: CommandContext,
  work: (pool: DatabasePool, database: Database) => Promise<T>,
  { checkSchema = true }: { checkSchema?: boolean } = {},
): Promise<T> {
  const database = await openDatabase(context.config, { requireSchema: true });
  return database.run(async (pool) => {
    if (checkSchema && database.backend === 'server') await assertSchemaCurrent(pool);
    return work(pool, database);
  });
}

/** Whether a person is at the keyboard: prompts are allowed only then. */
export function interactive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}
