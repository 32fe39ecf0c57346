import { createDriverFactory, type DriverFactory, type DriverQueryResult } from '@slonik/driver';
import pg from 'pg';
import type { ConnectionSettings } from './connectionConfig.js';
import { tlsAttempts } from './tlsAttempts.js';

/**
 * A slonik driver over `pg` for a short-lived CLI. Unlike slonik's stock pg driver it
 * sends nothing the command did not ask for: no pg_type lookup on a second connection
 * (the few types we parse have fixed OIDs), and (with resetConnection disabled in
 * pool.ts) no DISCARD ALL.
 *
 * Timeouts hold per transaction, never per session, so that they work the same through
 * a transaction-pooling PgBouncer (which refuses them as startup parameters and hands
 * each transaction any server connection): they ride in the same message as slonik's
 * START TRANSACTION as SET LOCAL (no round trip of their own), and a statement outside
 * a transaction is run inside one that sets them.
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
  connection: ConnectionSettings;
  connectTimeoutMs: number;
  /** Per-transaction timeouts (a server); undefined: none sent (PGlite, or work that sets its own). */
  timeouts: { lockMs: number; statementMs: number } | undefined;
  /** Client-side bound on waiting for any one answer (a server that went silent); undefined: none. */
  queryTimeoutMs: number | undefined;
  /** Told the backend process id the server (or a pooler in between) announced at connect. */
  onConnected?: (announcedPid: number) => void;
};

/** Errors raised by a COMMIT: if the connection was lost there, the commit may or may not have happened. */
export const commitErrors = new WeakSet<object>();

/** pg's client-side query timeout: the server never answered, the socket may hang forever. */
export function isQueryReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/**
 * Whether a failed attempt leads to the next TLS choice (sslmode allow / prefer): the
 * server has no TLS, or refused the connection as it was (pg_hba.conf, SQLSTATE 28xxx).
 */
function triesNext(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return /does not support SSL/i.test(error.message) || (typeof code === 'string' && code.startsWith('28'));
}

function startTransaction(timeouts: NonNullable<SessionSettings['timeouts']>): string {
  // Integers in milliseconds from the validated config: nothing here comes from input text.
  return (
    'START TRANSACTION; ' +
    `SET LOCAL lock_timeout = ${timeouts.lockMs}; ` +
    `SET LOCAL statement_timeout = ${timeouts.statementMs}; ` +
    `SET LOCAL idle_in_transaction_session_timeout = ${timeouts.statementMs}`
  );
}

export function createCliDriverFactory(settings: SessionSettings): DriverFactory {
  const { connection, timeouts } = settings;
  const clientConfigs: pg.ClientConfig[] = tlsAttempts(connection).map((ssl) => ({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ...(connection.password === undefined ? {} : { password: connection.password }),
    ssl,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'workout',
    types: { getTypeParser } as pg.CustomTypesConfig,
    ...(settings.queryTimeoutMs === undefined ? {} : { query_timeout: settings.queryTimeoutMs }),
  }));

  return createDriverFactory(async () => ({
    createPoolClient: async ({ clientEventEmitter }) => {
      let client: pg.Client;
      let ended = false;
      let lost: unknown;
      let inTransaction = false;
      const open = (config: pg.ClientConfig) => {
        const opened = new pg.Client(config);
        client = opened;
        ended = false;
        // Only the client in use counts: an attempt given up for the next TLS choice also ends.
        opened.on('end', () => {
          if (client === opened) ended = true;
        });
        // The connection ending after a PANIC is that PANIC, not "Connection terminated unexpectedly":
        // slonik fails the transaction in progress with the error the client emits.
        opened.on('error', (error) => {
          if (client === opened) clientEventEmitter.emit('error', lost instanceof Error ? lost : error);
        });
        opened.on('notice', (notice) => {
          if (notice.message) clientEventEmitter.emit('notice', { message: notice.message });
        });
      };
      open(clientConfigs[0]!);

      const send = async (text: string, values?: unknown[]): Promise<pg.QueryResult | pg.QueryResult[]> => {
        if (lost !== undefined) throw lost;
        try {
          return await client.query(text, values);
        } catch (error) {
          if (/^\s*COMMIT\b/i.test(text) && error instanceof Error) commitErrors.add(error);
          if (isQueryReadTimeout(error)) {
            // The query is still out there: drop the socket rather than wait on it.
            void client.end().catch(() => {});
            lost = error;
          } else if (ended || (error as { severity?: unknown }).severity === 'PANIC') {
            // After a PANIC (an embedded background server failing) the connection ends: the ROLLBACK that follows says the same.
            lost = error;
          }
          throw error;
        }
      };

      /** A statement slonik runs outside a transaction: inside one of its own, so that the timeouts hold. */
      const sendWithTimeouts = async (text: string, values?: unknown[]) => {
        if (!timeouts || inTransaction) return send(text, values);
        await send(startTransaction(timeouts));
        try {
          const result = await send(text, values);
          await send('COMMIT');
          return result;
        } catch (error) {
          if (lost === undefined) await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      };

      return {
        connect: async () => {
          for (const [index, config] of clientConfigs.entries()) {
            if (index > 0) open(config);
            try {
              await client.connect();
              break;
            } catch (error) {
              if (index === clientConfigs.length - 1 || !triesNext(error)) throw error;
            }
          }
          // BackendKeyData: the backend's pid from a server, a made-up key from a pooler.
          const announced = (client as pg.Client & { processID: number | null }).processID;
          if (announced !== null) settings.onConnected?.(announced);
        },
        end: async () => {
          await client.end();
        },
        query: async (text, values) => {
          let results: pg.QueryResult | pg.QueryResult[];
          if (text === 'START TRANSACTION' && timeouts) {
            results = await send(startTransaction(timeouts));
            inTransaction = true;
          } else if (text === 'START TRANSACTION' || /^(COMMIT|ROLLBACK)$/.test(text)) {
            inTransaction = text === 'START TRANSACTION';
            results = await send(text);
          } else {
            results = await sendWithTimeouts(text, values as unknown[]);
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
