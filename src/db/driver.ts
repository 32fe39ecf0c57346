import { createDriverFactory, type DriverFactory, type DriverQueryResult } from '@slonik/driver';
import pg from 'pg';

/**
 * A slonik driver over `pg` for a short-lived CLI. Unlike slonik's stock pg driver it
 * sends nothing the command did not ask for: no pg_type lookup on a second connection
 * (the few types we parse have fixed OIDs), and (with resetConnection disabled in
 * pool.ts) no DISCARD ALL. Timeouts travel as startup parameters, not SET statements.
 *
 * Once a connection is lost (killed, server gone, or no answer within the client-side
 * query timeout) every later query on it fails with that first error, so the message
 * names the cause rather than slonik's ROLLBACK on a dead socket. An error raised by
 * COMMIT is remembered in `commitErrors`: the transaction's outcome may then be unknown.
 */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const parseNumber = (value: string) => Number(value);

function getTypeParser(oid: number, format?: string) {
  if (oid === INT8_OID || oid === NUMERIC_OID) return parseNumber;
  return pg.types.getTypeParser(oid, format as 'text');
}

export type SessionSettings = {
  connectionString: string;
  connectTimeoutMs: number;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  /** PGlite accepts only the plain startup packet; timeouts are a server concern. */
  sendTimeouts: boolean;
  /** Client-side bound on waiting for any one answer (a server that went silent); undefined: none. */
  queryTimeoutMs: number | undefined;
};

/** Errors raised by a COMMIT: if the connection was lost there, the commit may or may not have happened. */
export const commitErrors = new WeakSet<object>();

/** pg's client-side query timeout: the server never answered, the socket may hang forever. */
export function isQueryReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

export function createCliDriverFactory(settings: SessionSettings): DriverFactory {
  const clientConfig: pg.ClientConfig = {
    connectionString: settings.connectionString,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'workout',
    types: { getTypeParser } as pg.CustomTypesConfig,
    ...(settings.queryTimeoutMs === undefined ? {} : { query_timeout: settings.queryTimeoutMs }),
    ...(settings.sendTimeouts
      ? {
          lock_timeout: settings.lockTimeoutMs,
          statement_timeout: settings.statementTimeoutMs,
          idle_in_transaction_session_timeout: settings.statementTimeoutMs,
        }
      : {}),
  };

  return createDriverFactory(async () => ({
    createPoolClient: async ({ clientEventEmitter }) => {
      const client = new pg.Client(clientConfig);
      let ended = false;
      let lost: unknown;
      client.on('end', () => {
        ended = true;
      });
      client.on('error', (error) => clientEventEmitter.emit('error', error));
      client.on('notice', (notice) => {
        if (notice.message) clientEventEmitter.emit('notice', { message: notice.message });
      });
      return {
        connect: async () => {
          await client.connect();
        },
        end: async () => {
          await client.end();
        },
        query: async (text, values) => {
          if (lost !== undefined) throw lost;
          let results: pg.QueryResult | pg.QueryResult[];
          try {
            results = await client.query(text, values as unknown[]);
          } catch (error) {
            if (/^\s*COMMIT\b/i.test(text) && error instanceof Error) commitErrors.add(error);
            if (isQueryReadTimeout(error)) {
              // The query is still out there: drop the socket rather than wait on it.
              void client.end().catch(() => {});
              lost = error;
            } else if (ended) {
              lost = error;
            }
            throw error;
          }
          // A migration file is several statements sent at once; its last result stands for it.
          const result = Array.isArray(results) ? results[results.length - 1]! : results;
          return {
            command: result.command as DriverQueryResult['command'],
            fields: result.fields.map((field: pg.FieldDef) => ({ dataTypeId: field.dataTypeID, name: field.name })),
            rowCount: result.rowCount,
            rows: result.rows,
          };
        },
        stream: () => {
          throw new Error('streaming is not used by workout: page with keyset queries instead');
        },
      };
    },
  }));
}
