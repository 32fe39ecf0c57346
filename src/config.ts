import os from 'node:os';
import { z } from 'zod';
import { SERVER_VARIABLES } from './db/connectionConfig.js';
import { nameSchema } from './domain/limits.js';
import { UsageError } from './errors.js';
import type { GlobalOptions } from './program.js';

const seconds = (field: string) =>
  z.coerce
    .number({ invalid_type_error: `${field} must be a number of seconds` })
    .positive(`${field} must be a positive number of seconds`)
    .max(86_400, `${field} must be at most 86400 seconds`);

const configSchema = z.object({
  databaseUrl: z.string().min(1).optional(),
  /** Where databaseUrl came from, for `db status`: --database-url, DATABASE_URL or the PG* variables set. */
  databaseSource: z.string().optional(),
  userName: nameSchema('the user name (--user, WORKOUT_USER)'),
  json: z.boolean(),
  color: z.boolean(),
  verbose: z.boolean(),
  home: z.string().min(1).optional(),
  connectTimeoutMs: seconds('--connect-timeout').transform((s) => Math.round(s * 1000)),
  lockTimeoutMs: seconds('--lock-timeout').transform((s) => Math.round(s * 1000)),
  statementTimeoutMs: seconds('--statement-timeout').transform((s) => Math.round(s * 1000)),
  /** The embedded database through a background server per data folder (WORKOUT_SERVER=0: in this process). */
  embeddedServer: z.boolean(),
  serverIdleMs: seconds('WORKOUT_SERVER_IDLE').transform((s) => Math.round(s * 1000)),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

const KEYWORD: Record<(typeof SERVER_VARIABLES)[number], string> = {
  PGHOST: 'host',
  PGHOSTADDR: 'hostaddr',
  PGDATABASE: 'dbname',
  PGSERVICE: 'service',
};

/**
 * The server, as libpq's tools choose it: --database-url, else DATABASE_URL, else the PG*
 * variables when one of them names a server (as a keyword/value string, the rest of PG*
 * still applies); else none: the embedded database.
 */
function chooseServer(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
): { databaseUrl?: string; databaseSource?: string } {
  if (options.databaseUrl !== undefined) return { databaseUrl: options.databaseUrl, databaseSource: '--database-url' };
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, databaseSource: 'DATABASE_URL' };
  const named = SERVER_VARIABLES.filter((name) => env[name]);
  if (named.length === 0) return {};
  const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return {
    databaseUrl: named.map((name) => `${KEYWORD[name]}=${quote(env[name]!)}`).join(' '),
    databaseSource: named.join(', '),
  };
}

/** One frozen object from flags, then environment, then defaults. */
export function loadConfig(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse({
    ...chooseServer(options, env),
    userName: options.user ?? (env.WORKOUT_USER || os.userInfo().username),
    json: options.json ?? false,
    color: options.color !== false && !env.NO_COLOR && process.stdout.isTTY === true && !(options.json ?? false),
    verbose: options.verbose ?? Boolean(env.DEBUG),
    home: env.WORKOUT_HOME || undefined,
    connectTimeoutMs: options.connectTimeout ?? env.WORKOUT_CONNECT_TIMEOUT ?? 5,
    lockTimeoutMs: options.lockTimeout ?? env.WORKOUT_LOCK_TIMEOUT ?? 10,
    statementTimeoutMs: options.statementTimeout ?? env.WORKOUT_STATEMENT_TIMEOUT ?? 60,
    embeddedServer: env.WORKOUT_SERVER !== '0',
    serverIdleMs: env.WORKOUT_SERVER_IDLE ?? 300,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(issue ? issue.message : 'invalid options');
  }
  return Object.freeze(parsed.data);
}
