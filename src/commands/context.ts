import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { openDatabase, type SchemaNeed } from '../db/database.js';
import type { Output } from '../ui/output.js';

export type CommandContext = { config: Config; output: Output };

/** Opens the database (its schema up to date, see SchemaNeed), runs `work`, closes. */
export async function withDatabase<T>(
  context: CommandContext,
  work: (pool: DatabasePool) => Promise<T>,
  schema: SchemaNeed = 'current',
): Promise<T> {
  const database = await openDatabase(context.config, { schema });
  return database.run(work);
}

/** Whether a person is at the keyboard: prompts are allowed only then. */
export function interactive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}
